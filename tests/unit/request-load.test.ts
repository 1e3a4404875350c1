import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countRequests, requestsBeingAnswered, whenNoRequestWaits } from "~/utils/request-load.server";

// Background work gives way to requests being answered, for a bounded time.

let server: Server;
let base: string;
const held: Array<() => void> = [];

beforeAll(async () => {
  const app = express();
  app.use(countRequests);
  app.get("/slow", (_req, res) => {
    held.push(() => res.type("text").send("done"));
  });
  server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function untilHeld(count: number) {
  while (held.length < count) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe("background work waits for requests being answered", () => {
  it("goes once the last request is answered", async () => {
    const reply = fetch(`${base}/slow`);
    await untilHeld(1);
    expect(requestsBeingAnswered()).toBe(1);
    let went = false;
    const waiting = whenNoRequestWaits(10_000).then(() => (went = true));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(went).toBe(false);
    held.shift()!();
    await reply;
    await waiting;
    expect(requestsBeingAnswered()).toBe(0);
  });

  it("waits no longer than its patience under a request that lasts", async () => {
    const reply = fetch(`${base}/slow`);
    await untilHeld(1);
    const started = performance.now();
    await whenNoRequestWaits(200);
    const waited = performance.now() - started;
    expect(waited).toBeGreaterThanOrEqual(190);
    expect(requestsBeingAnswered()).toBe(1);
    held.shift()!();
    await reply;
  });

  it("stops counting a request whose reader left", async () => {
    const controller = new AbortController();
    const reply = fetch(`${base}/slow`, { signal: controller.signal }).catch(() => "left");
    await untilHeld(1);
    expect(requestsBeingAnswered()).toBe(1);
    controller.abort();
    expect(await reply).toBe("left");
    await whenNoRequestWaits(5_000);
    expect(requestsBeingAnswered()).toBe(0);
    held.shift()!();
  });
});
