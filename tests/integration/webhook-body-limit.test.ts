import fs from "node:fs";
import http from "node:http";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startAppServer, type AppServer } from "../support/app-server";

// A raw body is cut off at the limit while it streams, with or without a stated length, and the
// server's memory does not grow with what was sent.

let server: AppServer;
beforeAll(async () => {
  server = await startAppServer({ env: { STRIPE_WEBHOOK_SECRET: "whsec_body_limit" } });
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

function residentMegabytes(pid: number): number {
  const line = fs.readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((l) => l.startsWith("VmRSS:"))!;
  return Number(line.replace(/\D+/g, "")) / 1024;
}

/** Streams `totalBytes` in 64 KB chunks (chunked unless a length is given) until the server answers. */
function streamBody(totalBytes: number, headers: Record<string, string> = {}): Promise<{ status: number | null; sentBytes: number; error?: string }> {
  return new Promise((resolve) => {
    let sentBytes = 0;
    let status: number | null = null;
    const chunk = Buffer.alloc(64 * 1024, "x");
    const request = http.request({ host: "127.0.0.1", port: server.port, path: "/webhooks/stripe", method: "POST", headers: { "Content-Type": "application/json", ...headers } });
    request.on("response", (response) => {
      status = response.statusCode!;
      response.resume();
      response.on("end", () => resolve({ status, sentBytes }));
    });
    request.on("error", (error: NodeJS.ErrnoException) => resolve({ status, sentBytes, error: error.code }));
    const pump = () => {
      while (sentBytes < totalBytes && status === null) {
        sentBytes += chunk.length;
        if (!request.write(chunk)) return void request.once("drain", pump);
      }
      if (status === null) request.end();
    };
    pump();
  });
}

it("refuses a 64 MB chunked body with a 413 long before it has all arrived, without holding it in memory", async () => {
  const before = residentMegabytes(server.pid);
  for (let i = 0; i < 3; i++) {
    const { status, sentBytes, error } = await streamBody(64 * 1024 * 1024);
    // The 413 goes out and the connection closes; a client still writing may see the close (EPIPE,
    // ECONNRESET) before it reads the answer. Either way the body was cut off at the limit.
    expect(status === 413 || (status === null && ["EPIPE", "ECONNRESET"].includes(error ?? ""))).toBe(true);
    expect(sentBytes).toBeLessThan(16 * 1024 * 1024);
  }
  expect(residentMegabytes(server.pid) - before).toBeLessThan(30);
  expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
});

it("refuses a body whose stated length is over the limit at once, and never answers 5xx to a lying length", async () => {
  expect((await streamBody(64 * 1024, { "Content-Length": String(50 * 1024 * 1024) })).status).toBe(413);
  const lying = await streamBody(2 * 1024 * 1024, { "Content-Length": "100" });
  expect(lying.status === null || lying.status < 500).toBe(true);
});

it("still takes a small body and checks its signature", async () => {
  const response = await fetch(`${server.url}/webhooks/stripe`, { method: "POST", headers: { "Content-Type": "application/json", "Stripe-Signature": "t=1,v1=00" }, body: "{}" });
  expect(response.status).toBe(400);
});
