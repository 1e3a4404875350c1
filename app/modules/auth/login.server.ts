import { clock, HOUR } from "~/utils/clock.server";
import { securityEvent } from "~/utils/logger.server";
import { deviceLabel } from "./device";
import { verifyAgainstDummy, verifyPassword } from "./password.server";
import { assertLoginAllowed, recordLoginFailure, recordLoginSuccess } from "./rate-limit.server";
import {
  ABSOLUTE_LIFETIME,
  createSession,
  INACTIVITY_TIMEOUT,
  invalidateOtherSessions,
  invalidateSession,
  listSessions,
  type SessionUser,
} from "./session.server";
import { findUserByEmail, findUserById } from "./users.server";
import { startPendingLogin } from "./pending-login.server";
import { hasSecondFactor } from "./second-factors.server";
import { refuse, type Refusal } from "~/utils/refusal";

/** One message for an unknown address and a wrong password, so neither reveals the other. */
export const LOGIN_FAILED_MESSAGE = "Email or password is incorrect";

type LoginInput = {
  email: string;
  password: string;
  ip: string;
  userAgent: string | null;
  /** The session the browser already carried, if any: it ends, and a new one takes its place. */
  previousSessionId?: string | null;
};

type LoggedIn =
  | { ok: true; codeNeeded: false; userId: string; sessionId: string; cookie: string }
  /** The password was right and a second factor is set up: `cookie` carries the pending log-in, not a session. */
  | { ok: true; codeNeeded: true; userId: string; cookie: string };

/**
 * Checks the credentials and opens a brand-new session (never reusing one the browser brought,
 * which defeats session fixation), or, for someone with a second factor, a pending log-in that
 * becomes a session only after the code. Throws a 429 while the account or the IP is throttled.
 */
export async function logIn(input: LoginInput): Promise<LoggedIn | Refusal> {
  await assertLoginAllowed(input.email, input.ip);
  const user = findUserByEmail(input.email);
  const valid = user ? await verifyPassword(user.passwordHash, input.password) : await verifyAgainstDummy(input.password);
  if (!user || !valid) {
    const blockedForSeconds = await recordLoginFailure(input.email, input.ip);
    securityEvent("login.failure", { userId: user?.id ?? null, knownAccount: !!user, ip: input.ip, blockedForSeconds });
    return refuse(LOGIN_FAILED_MESSAGE);
  }
  await recordLoginSuccess(input.email);
  if (hasSecondFactor(user.id)) {
    securityEvent("login.password-accepted", { userId: user.id, ip: input.ip });
    return { ok: true, codeNeeded: true, userId: user.id, cookie: startPendingLogin(user.id).cookie };
  }
  if (input.previousSessionId) invalidateSession(input.previousSessionId);
  const { sessionId, cookie } = createSession(user.id, input.userAgent);
  securityEvent("login.success", { userId: user.id, ip: input.ip });
  return { ok: true, codeNeeded: false, userId: user.id, sessionId, cookie };
}

export function logOut(user: Pick<SessionUser, "id" | "sessionId">): void {
  invalidateSession(user.sessionId);
  securityEvent("logout", { userId: user.id });
}

/**
 * Re-checks the password of a signed-in person before a sensitive change. Wrong guesses count
 * towards the same limits as logging in, so a stolen session cannot be used to guess it.
 */
export async function checkCurrentPassword(user: Pick<SessionUser, "id" | "email">, password: string, ip: string) {
  await assertLoginAllowed(user.email, ip);
  const row = findUserById(user.id);
  if (row && (await verifyPassword(row.passwordHash, password))) return true;
  const blockedForSeconds = await recordLoginFailure(user.email, ip);
  securityEvent("login.failure", { userId: user.id, ip, reauthentication: true, blockedForSeconds });
  return false;
}

/** Ends every session of this person except the one making the request. */
export function signOutOtherSessions(user: Pick<SessionUser, "id" | "sessionId">): number {
  const count = invalidateOtherSessions(user.id, user.sessionId);
  securityEvent("sessions.revoked", { userId: user.id, count, reason: "signed-out-others" });
  return count;
}

type SessionSummary = {
  id: string;
  device: string;
  createdAt: number;
  lastSeenAt: number;
  seenThisHour: boolean;
  current: boolean;
};

/** The person's sessions, most recently active first, for the "my sessions" table. */
export function mySessions(user: Pick<SessionUser, "id" | "sessionId">): SessionSummary[] {
  const now = clock.now();
  return listSessions(user.id)
    .filter((s) => now - s.lastSeenAt < INACTIVITY_TIMEOUT && now - s.createdAt < ABSOLUTE_LIFETIME)
    .map((s) => ({
      id: s.id,
      device: deviceLabel(s.userAgent),
      createdAt: s.createdAt,
      lastSeenAt: s.lastSeenAt,
      // Last-seen times are refreshed at most hourly, so "now" cannot be more precise than that.
      seenThisHour: now - s.lastSeenAt < HOUR,
      current: s.id === user.sessionId,
    }))
    .sort((a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt - a.lastSeenAt);
}
