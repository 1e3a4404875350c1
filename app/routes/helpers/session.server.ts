import { data, redirect } from "react-router";
import type { Role } from "~db/schema";
import { databaseVersion } from "~/utils/data-version.server";
import { PENDING_LOGIN_COOKIE, readCookie, SESSION_COOKIE } from "~/utils/session-cookie.server";
import { consoleNeed, hasRole, sensitiveActionNeed, validateSessionToken, type SecondFactorNeed, type SessionUser } from "~/modules/auth/index.server";

// The signed-in person of a request, and the guards routes put in front of their pages.

// The loaders and the action of one request share it (React Router hands them one request), until
// anything is written: an action that signs someone out must not leave its loaders signed in.
const perRequest = new WeakMap<Request, { version: string; user: SessionUser | null }>();

function getSessionToken(request: Request): string | null {
  return readCookie(request.headers.get("cookie"), SESSION_COOKIE);
}

/** The token of a log-in that still owes a second-factor code, if the browser carries one. */
export function getPendingLoginToken(request: Request): string | null {
  return readCookie(request.headers.get("cookie"), PENDING_LOGIN_COOKIE);
}

export function getUser(request: Request): SessionUser | null {
  const seen = perRequest.get(request);
  if (seen && seen.version === databaseVersion()) return seen.user;
  const token = getSessionToken(request);
  const user = token ? validateSessionToken(token) : null;
  // Read after the lookup, which may itself write (a session's last-seen time, an expired one's removal).
  perRequest.set(request, { version: databaseVersion(), user });
  return user;
}

/** Where the request came from, to come back to: the page itself, for a form's POST too. */
function here(request: Request): string {
  const url = new URL(request.url);
  url.searchParams.delete("index");
  return url.pathname + url.search;
}

export function requireUser(request: Request): SessionUser {
  const user = getUser(request);
  if (!user) throw redirect(`/login?redirectTo=${encodeURIComponent(here(request))}`);
  return user;
}

function sendFor(need: SecondFactorNeed, request: Request): void {
  const back = encodeURIComponent(here(request));
  if (need === "enrol") throw redirect(`/me/two-factor?redirectTo=${back}`);
  if (need === "code") throw redirect(`/me/step-up?redirectTo=${back}`);
}

/** Organisers also pass a second factor first, when the organisation's setting asks for it (ADR 0022). */
export function requireRole(request: Request, role: Role): SessionUser {
  const user = requireUser(request);
  if (!hasRole(user, role)) {
    throw data({ message: `This page is for ${role}s only.` }, { status: 403 });
  }
  if (role === "organiser") sendFor(consoleNeed(user), request);
  return user;
}

/**
 * For refunds, role changes and exports: a second factor passed within the hour, else a code is
 * asked for and the person comes back here.
 */
export function requireRecentSecondFactor(request: Request, user: SessionUser): void {
  sendFor(sensitiveActionNeed(user), request);
}
