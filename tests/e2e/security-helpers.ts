import crypto from "node:crypto";
import Database from "better-sqlite3";
import { expect } from "@playwright/test";
import { Http, type HttpAnswer } from "./http-client";

/**
 * A real session for the account, as the `Cookie` header a browser would send back after a
 * complete log-in (password and, just now, a second factor).
 */
export async function sessionCookie(accountId: string, userAgent = "Playwright"): Promise<string> {
  const { createSession } = await import("~/modules/auth/session.server");
  return cookiePair(createSession(accountId, userAgent, { secondFactorAt: Date.now() }).cookie);
}

/** `name=value` from a `Set-Cookie` line. */
export function cookiePair(setCookie: string): string {
  return setCookie.split(";")[0].trim();
}

/** The session cookie a response sets, or null. */
export async function sessionSetCookie(response: HttpAnswer): Promise<string | null> {
  const { SESSION_COOKIE } = await import("~/utils/session-cookie.server");
  const line = response
    .headersArray()
    .filter((h) => h.name.toLowerCase() === "set-cookie")
    .map((h) => h.value)
    .find((value) => value.startsWith(`${SESSION_COOKIE}=`));
  return line ?? null;
}

/** The session id inside a `name=id.secret` cookie pair. */
export function sessionIdOf(pair: string): string {
  return decodeURIComponent(pair.slice(pair.indexOf("=") + 1)).split(".")[0];
}

export function isLoginRedirect(response: HttpAnswer, from: string): boolean {
  const location = response.headers()["location"] ?? "";
  return [302, 303].includes(response.status()) && location === `/login?redirectTo=${encodeURIComponent(from)}`;
}

/**
 * A fingerprint of the whole database: every table's row count and a hash of all its rows,
 * read through a separate read-only connection, as an outside observer would see it.
 */
export function databaseFingerprint(file: string): Record<string, string> {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = sqlite
      .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
      .all() as { name: string }[];
    const fingerprint: Record<string, string> = {};
    for (const { name } of tables) {
      const rows = sqlite.prepare(`select * from "${name}" order by rowid`).raw().all();
      const hash = crypto.createHash("sha256");
      for (const row of rows) hash.update(JSON.stringify(row));
      fingerprint[name] = `${rows.length} rows, ${hash.digest("hex").slice(0, 16)}`;
    }
    return fingerprint;
  } finally {
    sqlite.close();
  }
}

function cspDirectives(response: HttpAnswer): Map<string, string[]> {
  const header = response.headers()["content-security-policy"] ?? "";
  return new Map(
    header
      .split(";")
      .map((directive) => directive.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name.toLowerCase(), values]),
  );
}

export function nonceOf(response: HttpAnswer): string {
  const script = cspDirectives(response).get("script-src") ?? [];
  const nonce = script.map((value) => /^'nonce-([A-Za-z0-9+/=_-]+)'$/.exec(value)?.[1]).find(Boolean);
  if (!nonce) throw new Error(`No nonce in script-src: ${script.join(" ")}`);
  return nonce;
}

export function expectSecurityHeaders(response: HttpAnswer, what: string) {
  const csp = cspDirectives(response);
  const script = csp.get("script-src") ?? [];
  expect.soft(script.filter((v) => v.startsWith("'nonce-")), `${what}: one nonce in script-src`).toHaveLength(1);
  expect.soft(nonceOf(response).length, `${what}: nonce length`).toBeGreaterThanOrEqual(16);
  expect.soft(script, `${what}: script-src`).toContain("'strict-dynamic'");
  expect.soft(script, `${what}: script-src`).not.toContain("'unsafe-inline'");
  expect.soft(script, `${what}: script-src`).not.toContain("'unsafe-eval'");
  expect.soft(csp.get("object-src"), `${what}: object-src`).toEqual(["'none'"]);
  expect.soft(csp.get("base-uri"), `${what}: base-uri`).toEqual(["'none'"]);
  expect.soft(csp.get("frame-ancestors"), `${what}: frame-ancestors`).toEqual(["'none'"]);
  expect.soft(response.headers()["x-content-type-options"], `${what}: nosniff`).toBe("nosniff");
  expect.soft(response.headers()["referrer-policy"], `${what}: referrer-policy`).toMatch(/^(strict-origin-when-cross-origin|no-referrer)$/);
}

/** A test fixture `http`: the test's own cookie-less client, with the test's X-Forwarded-For. */
export const httpFixture = {
  http: async (
    { baseURL, extraHTTPHeaders }: { baseURL: string | undefined; extraHTTPHeaders: Record<string, string> | undefined },
    use: (http: Http) => Promise<void>,
  ) => {
    await use(new Http(baseURL!, extraHTTPHeaders ?? {}));
  },
};
