import type { NextFunction, Request, Response } from "express";
import { clock, MINUTE } from "./clock.server";
import { databaseVersion } from "./data-version.server";
import { KeptPages, pageHeaders, type KeptPage } from "./kept-pages.server";
import { withinReply } from "./reply-scope.server";
import { readCookie, SESSION_COOKIE } from "./session-cookie.server";

// Repeat visits for free: an anonymous visitor's page carries a validator made from what it is
// built from (the build, the database's version, the minute), so a browser or a proxy that asks
// again gets a 304 before anything is read or rendered. Any write anywhere changes the version, so
// no page is stale after a write; the minute covers what changes with time alone (seats that
// close, "starts in 2 hours"). For the same reason a page rendered for one anonymous visitor is
// the page for the next one until the validator changes, so it is kept and sent again (ADR 0048);
// and a signed-in person's reply is theirs again while the validator holds (ADR 0052). A reply
// that drew random bytes (a form's one-time key) is never sent twice.

/** A reverse proxy or CDN may keep an anonymous page briefly; browsers ask again every time. */
export const PUBLIC_PAGE_CACHE = "public, max-age=0, must-revalidate, s-maxage=30";

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((tag) => tag.trim() === etag || tag.trim() === "*");
}

/** For a visitor with no cookie: a page, not a data request. */
function isAnonymousPage(req: Request): boolean {
  return !req.path.endsWith(".data") && (req.get("accept") ?? "").includes("text/html");
}

/** What else a page's bytes depend on: the address asked for and the compression agreed. */
function pageKey(req: Request): string {
  return `${req.protocol}://${req.get("host") ?? ""}${req.originalUrl}\n${req.get("accept-encoding") ?? ""}`;
}

type Options = {
  buildVersion: () => string;
  keptPageBytes: number;
  /** Whether a session token still opens its session (checking it may write its last-seen time). */
  sessionIsLive: (token: string) => boolean;
};

/**
 * Goes before compression, so a kept page is kept as it went out (compressed once) and sent again
 * without running anything below.
 */
export function conditionalPages({ buildVersion, keptPageBytes, sessionIsLive }: Options) {
  const forAnyone = new KeptPages(keptPageBytes);
  const forPeople = new KeptPages(keptPageBytes);
  const validator = () => `W/"${buildVersion()}.${databaseVersion()}.${Math.floor(clock.now() / MINUTE)}"`;

  // Replies being made that may be kept, by validator and key: a request for the same one waits for
  // it rather than making it again (a write or the minute's turn otherwise sets 50 connections
  // rendering the same page at once). Told whether the reply was kept.
  const beingMade = new Map<string, ((kept: boolean) => void)[]>();

  const send = (req: Request, res: Response, page: KeptPage) => {
    res.writeHead(200, { ...page.headers, "Content-Length": page.body.length });
    res.end(req.method === "HEAD" ? undefined : page.body);
  };

  /** Sends a kept page, or has the reply kept once it is done if `reusable` says it may be. */
  const keptOr = (req: Request, res: Response, next: NextFunction, store: KeptPages, etag: string, key: string, reusable: () => boolean) => {
    if (keptPageBytes === 0) return next();
    const page = store.get(etag, key);
    if (page) return send(req, res, page);
    if (req.method !== "GET") return next();
    const made = `${etag}\n${key}`;
    const waiting = beingMade.get(made);
    if (waiting) {
      waiting.push((kept) => {
        const page = kept ? store.get(etag, key) : undefined;
        if (page) send(req, res, page);
        else next();
      });
      return;
    }
    beingMade.set(made, []);
    const done = (kept: boolean) => {
      const waiters = beingMade.get(made);
      beingMade.delete(made);
      for (const waiter of waiters ?? []) waiter(kept);
    };
    const reply = { drewRandom: false };
    keepWhenDone(res, store.largestPage, (body) => {
      // Kept only when nothing was written or drawn at random while it was made: it is then
      // exactly that version's page.
      const kept = body !== null && reusable() && !reply.drewRandom && validator() === etag;
      if (kept) store.keep(etag, key, { headers: pageHeaders(res.getHeaders()), body });
      done(kept);
    });
    // A reply cut off before it finished keeps nobody waiting ("finish" comes before "close").
    res.once("close", () => done(false));
    withinReply(reply, next);
  };

  const anonymous = (req: Request, res: Response, next: NextFunction) => {
    const etag = validator();
    if (matches(req.get("if-none-match"), etag)) {
      // The same Vary as the page's own 200 (compression adds Accept-Encoding to it).
      res.status(304).set({ ETag: etag, "Cache-Control": PUBLIC_PAGE_CACHE, Vary: "Accept-Encoding, Cookie" }).end();
      return;
    }
    // Validators only on what could be served again as it is: a 200 page that sets no cookie.
    let reusable = false;
    const writeHead = res.writeHead;
    res.writeHead = function (this: Response, ...args: unknown[]) {
      const html = String(this.getHeader("content-type") ?? "").startsWith("text/html");
      if (this.statusCode === 200 && html && !this.getHeader("set-cookie") && !this.getHeader("cache-control")) {
        this.setHeader("ETag", etag);
        this.setHeader("Cache-Control", PUBLIC_PAGE_CACHE);
        // Added to compression's `Accept-Encoding`, which is already there: a cache must keep both apart.
        this.vary("Cookie");
        reusable = true;
      }
      return (writeHead as (...a: unknown[]) => Response).apply(this, args);
    } as Response["writeHead"];
    keptOr(req, res, next, forAnyone, etag, pageKey(req), () => reusable && res.statusCode === 200);
  };

  // A signed-in person's page, data request or list is theirs alone: it keeps its `no-store` and
  // gets no validator, but the same cookie asking for the same address while nothing is written
  // gets the reply made for it a moment ago (ADR 0052). The session is checked first, every time.
  const signedIn = (req: Request, res: Response, next: NextFunction, cookie: string) => {
    const token = readCookie(cookie, SESSION_COOKIE);
    if (!token || keptPageBytes === 0 || !sessionIsLive(token)) return next();
    const reusable = () => res.statusCode === 200 && !res.getHeader("set-cookie");
    keptOr(req, res, next, forPeople, validator(), `${pageKey(req)}\n${cookie}`, reusable);
  };

  return (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== "GET" && req.method !== "HEAD") || req.path.startsWith("/assets/")) return next();
    const cookie = req.headers.cookie;
    if (cookie) return signedIn(req, res, next, cookie);
    if (isAnonymousPage(req)) return anonymous(req, res, next);
    next();
  };
}

/** Collects the bytes a reply writes (after compression, which wraps these); null past the limit. */
function keepWhenDone(res: Response, limit: number, done: (body: Buffer | null) => void): void {
  const chunks: Buffer[] = [];
  let length = 0;
  let tooLarge = false;
  const collect = (chunk: unknown, encoding: unknown) => {
    if (tooLarge || chunk == null || typeof chunk === "function") return;
    const bytes = typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8") : Buffer.from(chunk as Uint8Array);
    length += bytes.length;
    if (length > limit) {
      tooLarge = true;
      chunks.length = 0;
    } else chunks.push(bytes);
  };
  const write = res.write;
  const end = res.end;
  res.write = function (this: Response, chunk: unknown, ...rest: unknown[]) {
    collect(chunk, rest[0]);
    return (write as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
  } as Response["write"];
  res.end = function (this: Response, chunk?: unknown, ...rest: unknown[]) {
    collect(chunk, rest[0]);
    return (end as (...a: unknown[]) => Response).call(this, chunk, ...rest);
  } as Response["end"];
  res.once("finish", () => done(tooLarge ? null : Buffer.concat(chunks)));
}
