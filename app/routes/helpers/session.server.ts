import { data, redirect } from "react-router";
import type { Role } from "~db/schema";
import { readCookie, SESSION_COOKIE } from "~/utils/session-cookie.server";
import { hasRole, validateSessionToken, type SessionUser } from "~/modules/auth/index.server";

// The signed-in person of a request, and the guards routes put in front of their pages.

const perRequest = new WeakMap<Request, SessionUser | null>();

function getSessionToken(request: Request): string | null {
  return readCookie(request.headers.get("cookie"), SESSION_COOKIE);
}

export function getUser(request: Request): SessionUser | null {
  if (perRequest.has(request)) return perRequest.get(request) ?? null;
  const token = getSessionToken(request);
  const user = token ? validateSessionToken(token) : null;
  perRequest.set(request, user);
  return user;
}

export function requireUser(request: Request): SessionUser {
  const user = getUser(request);
  if (!user) {
    const url = new URL(request.url);
    const back = url.pathname + url.search;
    throw redirect(`/login?redirectTo=${encodeURIComponent(back)}`);
  }
  return user;
}

export function requireRole(request: Request, role: Role): SessionUser {
  const user = requireUser(request);
  if (!hasRole(user, role)) {
    throw data({ message: `This page is for ${role}s only.` }, { status: 403 });
  }
  return user;
}
