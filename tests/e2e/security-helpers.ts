import crypto from "node:crypto";
import Database from "better-sqlite3";
import type { APIResponse } from "@playwright/test";

/** A real session for the account, as the `Cookie` header a browser would send back. */
export async function sessionCookie(accountId: string, userAgent = "Playwright"): Promise<string> {
  const { createSession } = await import("~/modules/auth/session.server");
  return cookiePair(createSession(accountId, userAgent).cookie);
}

/** `name=value` from a `Set-Cookie` line. */
export function cookiePair(setCookie: string): string {
  return setCookie.split(";")[0].trim();
}

/** The session cookie a response sets, or null. */
export async function sessionSetCookie(response: APIResponse): Promise<string | null> {
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

export function isLoginRedirect(response: APIResponse, from: string): boolean {
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
