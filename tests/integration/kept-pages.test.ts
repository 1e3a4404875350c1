import type { AddressInfo } from "node:net";
import { get, type Server } from "node:http";
import { gunzipSync } from "node:zlib";
import compression from "compression";
import express from "express";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { clock, DAY, MINUTE } from "~/utils/clock.server";
import { ABSOLUTE_LIFETIME, sessionIsLive } from "~/modules/auth/index.server";
import { conditionalPages } from "~/utils/conditional-get.server";
import { randomId } from "~/utils/ids.server";
import { KeptPages } from "~/utils/kept-pages.server";
import { createTestEvent } from "../support/event-factories";
import { createUser, signIn } from "../support/factories";

// Pages are kept as they went out until the validator (build, database version, minute) changes:
// the same server stack as server.ts, the real compression, the real database version, real sessions.

const T0 = Date.UTC(2026, 10, 25, 9, 0, 5);
let server: Server;
let base: string;
let rendered = 0;
let nextStatus = 200;
let writeWhileRendering = false;
let making = 0;
let mostAtOnce = 0;

beforeAll(async () => {
  const app = express();
  // The app's pages come from React Router, not `res.send`: no ETag of express's own.
  app.set("etag", false);
  app.use(conditionalPages({ buildVersion: () => "b1", keptPageBytes: 1024 * 1024, sessionIsLive }));
  app.use(compression());
  app.get("/page", (req, res) => {
    rendered++;
    if (writeWhileRendering) createTestEvent();
    const body = `<!doctype html><p>render ${rendered} of ${req.query.q ?? "-"}</p>${"<i>padding</i>".repeat(200)}`;
    res.status(nextStatus).set("Content-Security-Policy", `script-src 'nonce-n${rendered}'`).type("html").send(body);
  });
  // A form carrying a key drawn for this page alone (the door's walk-in form, an in-person gift).
  app.get("/form-page", (_req, res) => {
    rendered++;
    res.type("html").send(`<input type="hidden" name="key" value="${randomId()}"><p>render ${rendered}</p>`);
  });
  // A page that takes a moment to make, kept or (with `?key`) drawing a one-time key.
  app.get("/slow-page", (req, res) => {
    rendered++;
    making++;
    mostAtOnce = Math.max(mostAtOnce, making);
    const key = req.query.key ? randomId() : "";
    setTimeout(() => {
      making--;
      res.type("html").send(`<p>render ${rendered} ${key}</p>`);
    }, 100);
  });
  app.get("/list.json", (req, res) => {
    rendered++;
    res.set("Cache-Control", "no-store").json({ render: rendered, cookie: req.headers.cookie });
  });
  app.get("/cookie-page", (_req, res) => {
    rendered++;
    res.cookie("flash", "x").type("html").send(`<p>render ${rendered}</p>`);
  });
  server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  clock.set(null);
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  clock.set(T0);
  nextStatus = 200;
  writeWhileRendering = false;
  // A fresh version for every case: nothing kept by an earlier case can answer.
  createTestEvent();
});

// fetch asks for compression unless told otherwise; the plain bytes are easier to compare.
const HTML = { accept: "text/html", "accept-encoding": "identity" };

async function text(path: string, headers: Record<string, string> = HTML) {
  const response = await fetch(`${base}${path}`, { headers });
  return { response, body: await response.text() };
}

describe("pages kept for anonymous visitors", () => {
  it("sends the page rendered for the first visitor to the next ones, headers and nonce included", async () => {
    const first = await text("/page");
    const second = await text("/page");
    expect(second.body).toBe(first.body);
    expect(second.response.headers.get("content-security-policy")).toBe(first.response.headers.get("content-security-policy"));
    expect(second.response.headers.get("etag")).toBe(first.response.headers.get("etag"));
    expect(second.response.headers.get("cache-control")).toBe("public, max-age=0, must-revalidate, s-maxage=30");
    expect(Number(second.response.headers.get("content-length"))).toBe(Buffer.byteLength(second.body));
    // Another address is another page.
    expect((await text("/page?q=other")).body).toContain("of other");
  });

  it("renders again after any write and when the minute turns", async () => {
    const first = await text("/page");
    createTestEvent();
    const afterWrite = await text("/page");
    expect(afterWrite.body).not.toBe(first.body);
    expect(afterWrite.response.headers.get("etag")).not.toBe(first.response.headers.get("etag"));
    expect((await text("/page")).body).toBe(afterWrite.body);
    clock.set(T0 + MINUTE);
    expect((await text("/page")).body).not.toBe(afterWrite.body);
  });

  it("keeps a compressed page for those who asked for it and a plain one for those who did not", async () => {
    // fetch would undo the compression; node:http shows the bytes as sent.
    const gzip = async () => {
      const reply = await new Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
        get(`${base}/page`, { headers: { ...HTML, "accept-encoding": "gzip" } }, (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
        }).on("error", reject);
      });
      expect(reply.headers["content-encoding"]).toBe("gzip");
      // A shared cache must not hand these bytes to someone who did not ask for gzip, nor to someone signed in.
      expect(reply.headers["vary"]).toMatch(/Accept-Encoding/i);
      expect(reply.headers["vary"]).toMatch(/Cookie/i);
      return gunzipSync(reply.body).toString();
    };
    const plain = await text("/page", HTML);
    expect(plain.response.headers.get("content-encoding")).toBeNull();
    const zipped = await gzip();
    expect(await gzip()).toBe(zipped);
    expect(zipped).toMatch(/<p>render \d+ of -<\/p>/);
    expect((await text("/page", HTML)).body).toBe(plain.body);
  });

  it("answers HEAD from a kept page without a body", async () => {
    const first = await text("/page");
    const head = await fetch(`${base}/page`, { method: "HEAD", headers: HTML });
    expect(head.status).toBe(200);
    expect(head.headers.get("etag")).toBe(first.response.headers.get("etag"));
    expect(await head.text()).toBe("");
  });

  it("keeps nothing that was not a reusable page: an error, a page setting a cookie, a page whose render wrote, a visitor with a cookie", async () => {
    const count = async (path: string, headers: Record<string, string> = HTML) => {
      const before = rendered;
      await text(path, headers);
      await text(path, headers);
      return rendered - before;
    };
    nextStatus = 500;
    expect(await count("/page")).toBe(2);
    nextStatus = 200;
    expect(await count("/cookie-page")).toBe(2);
    expect(await count("/page", { ...HTML, cookie: "session=abc" })).toBe(2);
    writeWhileRendering = true;
    expect(await count("/page")).toBe(2);
    writeWhileRendering = false;
    expect(await count("/page")).toBe(1);
  });

  it("makes a page once for visitors who ask for it while it is being made", async () => {
    const before = rendered;
    const replies = await Promise.all(Array.from({ length: 5 }, () => text("/slow-page")));
    expect(rendered - before).toBe(1);
    expect(new Set(replies.map((reply) => reply.body)).size).toBe(1);
    // One that turns out not to be kept is then made for each of those who waited, all at once,
    // not one after another.
    mostAtOnce = 0;
    const keyed = await Promise.all(Array.from({ length: 5 }, () => text("/slow-page?key=1")));
    expect(new Set(keyed.map((reply) => reply.body)).size).toBe(5);
    expect(mostAtOnce).toBe(4);
  });

  it("keeps no page that drew a random value while it was made, whatever the nonce", async () => {
    const first = await text("/form-page");
    const second = await text("/form-page");
    expect(second.body).not.toBe(first.body);
  });
});

describe("replies kept for a signed-in person", () => {
  async function session() {
    const person = await createUser();
    return signIn(person.id).cookieHeader;
  }

  it("sends the same cookie the reply made for it a moment ago, and nobody else", async () => {
    const mine = await session();
    const theirs = await session();
    const first = await text("/list.json", { cookie: mine, "accept-encoding": "identity" });
    expect(first.response.headers.get("cache-control")).toBe("no-store");
    expect(first.response.headers.get("etag")).toBeNull();
    const again = await text("/list.json", { cookie: mine, "accept-encoding": "identity" });
    expect(again.body).toBe(first.body);
    expect(again.response.headers.get("cache-control")).toBe("no-store");
    const other = await text("/list.json", { cookie: theirs, "accept-encoding": "identity" });
    expect(JSON.parse(other.body)).toMatchObject({ cookie: theirs });
    expect(other.body).not.toBe(first.body);
    // A page of theirs too, with its own nonce.
    const page = await text("/page", { ...HTML, cookie: mine });
    expect((await text("/page", { ...HTML, cookie: mine })).body).toBe(page.body);
  });

  it("makes the reply again after any write and when the minute turns", async () => {
    const mine = await session();
    const first = await text("/list.json", { cookie: mine });
    createTestEvent();
    const afterWrite = await text("/list.json", { cookie: mine });
    expect(afterWrite.body).not.toBe(first.body);
    expect((await text("/list.json", { cookie: mine })).body).toBe(afterWrite.body);
    clock.set(T0 + MINUTE);
    expect((await text("/list.json", { cookie: mine })).body).not.toBe(afterWrite.body);
  });

  it("sends nothing kept to a session that has ended, to a cookie it does not open, or from a reply that drew a random value", async () => {
    const count = async (path: string, cookie: string) => {
      const before = rendered;
      await text(path, { ...HTML, cookie });
      await text(path, { ...HTML, cookie });
      return rendered - before;
    };
    const mine = await session();
    expect(await count("/form-page", mine)).toBe(2);
    expect(await count("/page", mine.replace(/\.[^.]+$/, ".not-the-secret"))).toBe(2);
    expect(await count("/page", "flash=hello")).toBe(2);

    // Its ninety days end halfway through a minute: kept in the first half, never in the second.
    const ending = T0 + 30_000;
    const opened = ending - ABSOLUTE_LIFETIME;
    clock.set(opened);
    const late = await session();
    // Used every four weeks, so it never lapses for want of use.
    for (const day of [28, 56, 84]) {
      clock.set(opened + day * DAY);
      await text("/page", { ...HTML, cookie: late });
    }
    clock.set(ending - 10_000);
    expect(await count("/page", late)).toBe(1);
    clock.set(ending + 10_000);
    const before = rendered;
    await text("/page", { ...HTML, cookie: late });
    expect(rendered - before).toBe(1);
  });
});

describe("the store of kept pages", () => {
  const page = (bytes: number) => ({ headers: {}, body: Buffer.alloc(bytes) });

  it("stays within its budget, letting the least recently read page go first", () => {
    const store = new KeptPages(800);
    store.keep("v1", "a", page(40));
    store.keep("v1", "b", page(40));
    store.get("v1", "a");
    for (let i = 0; i < 19; i++) store.keep("v1", `c${i}`, page(40));
    expect(store.size.bytes).toBeLessThanOrEqual(800);
    expect(store.get("v1", "a")).toBeDefined();
    expect(store.get("v1", "b")).toBeUndefined();
  });

  it("forgets every page of an older validator and refuses a page too large to share the budget", () => {
    const store = new KeptPages(800);
    store.keep("v1", "a", page(10));
    expect(store.get("v2", "a")).toBeUndefined();
    store.keep("v2", "b", page(10));
    expect(store.size).toEqual({ pages: 1, bytes: 10 });
    store.keep("v2", "huge", page(101));
    expect(store.get("v2", "huge")).toBeUndefined();
  });
});
