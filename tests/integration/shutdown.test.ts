import fs from "node:fs";
import http from "node:http";
import Database from "better-sqlite3";
import { afterAll, expect, it } from "vitest";
import { startAppServer, type AppServer } from "../support/app-server";

// A deploy sends SIGTERM while a reverse proxy holds keep-alive connections open and requests are
// in flight. Every answer that has begun is finished, the server exits 0 and the database is closed.

type Outcome = { status: number; bytes: number } | { error: string; began: boolean; afterSignal?: boolean };

let server: AppServer | undefined;
afterAll(async () => {
  await server?.stop();
});

function get(agent: http.Agent, port: number, path: string): Promise<Outcome> {
  return new Promise((resolve) => {
    let began = false;
    const request = http.get({ host: "127.0.0.1", port, path, agent }, (response) => {
      began = true;
      let bytes = 0;
      response.on("data", (chunk: Buffer) => (bytes += chunk.length));
      response.on("end", () => resolve(response.complete ? { status: response.statusCode!, bytes } : { error: "incomplete", began }));
      response.on("error", (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message, began }));
    });
    request.on("error", (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message, began }));
  });
}

/**
 * A GET that failed on a reused connection before any answer may be retried once on a new one
 * (RFC 9112 §9.3.1); a new connection that fails after the signal found the server stopping.
 */
async function getWithRetry(agent: http.Agent, port: number, path: string, signalled: () => boolean): Promise<Outcome> {
  const first = await get(agent, port, path);
  if (!("error" in first) || first.began) return first;
  const afterSignal = signalled();
  const second = await get(new http.Agent({ keepAlive: false }), port, path);
  return "error" in second ? { ...second, afterSignal } : second;
}

/** A body sent slowly, so the request is still arriving when the signal comes. */
function slowPost(port: number): Promise<Outcome & { connection?: string }> {
  return new Promise((resolve) => {
    const request = http.request({ host: "127.0.0.1", port, path: "/webhooks/stripe", method: "POST", headers: { "Content-Type": "application/json" } }, (response) => {
      let bytes = 0;
      response.on("data", (chunk: Buffer) => (bytes += chunk.length));
      response.on("end", () => resolve({ status: response.statusCode!, bytes, connection: response.headers.connection }));
    });
    request.on("error", (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message, began: false }));
    let sent = 0;
    const timer = setInterval(() => {
      request.write(`${JSON.stringify({ padding: "x".repeat(10_000) })}\n`);
      if (++sent === 20) {
        clearInterval(timer);
        request.end();
      }
    }, 100);
  });
}

it("finishes what is in flight, closes keep-alive connections, stops the worker, closes the database and exits 0", async () => {
  server = await startAppServer({ env: { LOG_LEVEL: "info" } });
  const { port } = server;
  let signalled = false;
  const results: Outcome[] = [];
  const loops = Array.from({ length: 8 }, async (_, index) => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    for (;;) {
      const outcome = await getWithRetry(agent, port, index % 2 ? "/events" : "/healthz", () => signalled);
      results.push(outcome);
      // After the signal, a refused connection means the server has stopped listening: done.
      if ("error" in outcome && signalled) break;
    }
    agent.destroy();
  });
  const inFlight = slowPost(port);
  await new Promise((resolve) => setTimeout(resolve, 500));
  const signalledAt = Date.now();
  signalled = true;
  process.kill(server.pid, "SIGTERM");
  const exit = await server.exit;
  const stoppedIn = Date.now() - signalledAt;
  await Promise.all(loops);

  expect(exit).toEqual({ code: 0, signal: null });
  expect(stoppedIn).toBeLessThan(5_000);
  expect(await inFlight).toMatchObject({ status: 400, connection: "close" });
  const answered = results.filter((r) => "status" in r);
  expect(answered.length).toBeGreaterThan(8);
  expect(answered.every((r) => "status" in r && r.status === 200 && r.bytes > 0)).toBe(true);
  // Nothing that had begun was cut off; the only failures are new connections after the signal.
  expect(results.filter((r) => "error" in r && (r.began || !r.afterSignal))).toEqual([]);
  expect(server.output()).toContain('"msg":"stopped"');

  const wal = `${server.databaseFile}-wal`;
  expect(fs.existsSync(wal) ? fs.statSync(wal).size : 0).toBe(0);
  const reopened = new Database(server.databaseFile, { readonly: true });
  expect(reopened.pragma("integrity_check", { simple: true })).toBe("ok");
  reopened.close();
}, 60_000);
