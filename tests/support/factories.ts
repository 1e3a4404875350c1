import type { AppLoadContext } from "react-router";
import { inject } from "vitest";
import { db } from "~db/client.server";
import type { Role } from "~db/schema";
import { SESSION_COOKIE } from "~/utils/session-cookie.server";
import { clock } from "~/utils/clock.server";
import { DEFAULT_TEST_PASSWORD } from "./test-password";
import { hashPassword, createSession, insertUser } from "~/modules/auth/index.server";

export { DEFAULT_TEST_PASSWORD };

let sequence = 0;

/** A unique address per call within a test file. */
export function uniqueEmail(label = "person"): string {
  sequence += 1;
  return `${label}-${sequence}@example.org`;
}

export type TestUser = { id: string; email: string; name: string; password: string; roles: Role[] };

/** Inserts an account directly, as sign-up or an invitation would leave it. */
export async function createUser(
  input: { email?: string; name?: string; password?: string; roles?: Role[]; verified?: boolean } = {},
): Promise<TestUser> {
  const email = input.email ?? uniqueEmail();
  const name = input.name ?? "Test Person";
  const password = input.password ?? DEFAULT_TEST_PASSWORD;
  const roles = input.roles ?? ["participant"];
  // Hashing is deliberately slow, and most tests create several people with the same password.
  const passwordHash = password === DEFAULT_TEST_PASSWORD ? inject("defaultPasswordHash") : await hashPassword(password);
  const id = insertUser(db, { email, name, passwordHash, roles, emailVerified: input.verified ?? true });
  return { id, email, name, password, roles };
}

/**
 * Opens a real session for the user, as a complete log-in leaves it: passed the password and, by
 * default, a second factor just now (organisers need one for the console). Pass
 * `secondFactorAt: null` for a session that passed the password alone. Returns the `Cookie`
 * header a browser would send.
 */
export function signIn(
  userId: string,
  userAgent = "Mozilla/5.0 (X11; Linux x86_64) Chrome/124.0 Safari/537.36",
  options: { secondFactorAt?: number | null } = {},
) {
  const secondFactorAt = options.secondFactorAt === undefined ? clock.now() : options.secondFactorAt;
  const { sessionId, cookie } = createSession(userId, userAgent, { secondFactorAt });
  return { sessionId, cookieHeader: cookieHeaderFrom(cookie) };
}

/** Turns a `Set-Cookie` value into the `Cookie` request header that carries it. */
export function cookieHeaderFrom(setCookie: string): string {
  return setCookie.split(";")[0]!;
}

export function sessionCookieName(): string {
  return SESSION_COOKIE;
}

/** The load context the server passes to loaders and actions. */
export function loadContext(clientIp = "203.0.113.5"): AppLoadContext {
  return { nonce: "n", clientIp };
}

/** The arguments the router passes a loader or action, around the request a test made. */
export function routeArgs<Args extends { request: Request }>(args: Args): Args & { url: URL; pattern: string } {
  return { ...args, url: new URL(args.request.url), pattern: "" };
}

/** A form POST as a browser sends it. */
export function formRequest(
  url: string,
  fields: Record<string, string>,
  options: { cookie?: string; userAgent?: string } = {},
): Request {
  const headers = new Headers({ "content-type": "application/x-www-form-urlencoded" });
  if (options.cookie) headers.set("cookie", options.cookie);
  if (options.userAgent) headers.set("user-agent", options.userAgent);
  return new Request(new URL(url, "http://localhost:3000"), {
    method: "POST",
    headers,
    body: new URLSearchParams(fields).toString(),
  });
}

/** A page GET as a browser sends it. */
export function getRequest(url: string, options: { cookie?: string } = {}): Request {
  const headers = new Headers();
  if (options.cookie) headers.set("cookie", options.cookie);
  return new Request(new URL(url, "http://localhost:3000"), { headers });
}

let ipCounter = 0;

/** A client address no other test in this file has used, so per-IP limits never couple tests. */
export function freshIp(): string {
  ipCounter += 1;
  return `198.51.${100 + Math.floor(ipCounter / 250)}.${(ipCounter % 250) + 1}`;
}
