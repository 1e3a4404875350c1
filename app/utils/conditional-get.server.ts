import type { NextFunction, Request, Response } from "express";
import { clock, MINUTE } from "./clock.server";
import { databaseVersion } from "./data-version.server";

// Repeat visits for free: an anonymous visitor's page carries a validator made from what it is
// built from (the build, the database's version, the minute), so a browser or a proxy that asks
// again gets a 304 before anything is read or rendered. Any write anywhere changes the version, so
// no page is stale after a write; the minute covers what changes with time alone (seats that
// close, "starts in 2 hours").

/** A reverse proxy or CDN may keep an anonymous page briefly; browsers ask again every time. */
export const PUBLIC_PAGE_CACHE = "public, max-age=0, must-revalidate, s-maxage=30";

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((tag) => tag.trim() === etag || tag.trim() === "*");
}

/** Only what anyone would get: a page (not an asset or a data request) for a visitor with no cookie. */
function isAnonymousPageRequest(req: Request): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  if (req.headers.cookie) return false;
  if (req.path.startsWith("/assets/") || req.path.endsWith(".data")) return false;
  return (req.get("accept") ?? "").includes("text/html");
}

export function conditionalPublicPages(buildVersion: () => string) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!isAnonymousPageRequest(req)) return next();
    const etag = `W/"${buildVersion()}.${databaseVersion()}.${Math.floor(clock.now() / MINUTE)}"`;
    if (matches(req.get("if-none-match"), etag)) {
      res.status(304).set({ ETag: etag, "Cache-Control": PUBLIC_PAGE_CACHE, Vary: "Cookie" }).end();
      return;
    }
    // Validators only on what could be served again as it is: a 200 page that sets no cookie.
    const writeHead = res.writeHead;
    res.writeHead = function (this: Response, ...args: unknown[]) {
      const html = String(this.getHeader("content-type") ?? "").startsWith("text/html");
      if (this.statusCode === 200 && html && !this.getHeader("set-cookie") && !this.getHeader("cache-control")) {
        this.setHeader("ETag", etag);
        this.setHeader("Cache-Control", PUBLIC_PAGE_CACHE);
        this.setHeader("Vary", "Cookie");
      }
      return (writeHead as (...a: unknown[]) => Response).apply(this, args);
    } as Response["writeHead"];
    next();
  };
}
