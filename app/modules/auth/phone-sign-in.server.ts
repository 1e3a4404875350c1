import { db } from "~db/client.server";
import { clock } from "~/utils/clock.server";
import { securityEvent } from "~/utils/logger.server";
import { refuse, type Outcome, type Refusal } from "~/utils/refusal";
import { setVerifiedPhone, userIdByPhone, userIdByUnverifiedPhone } from "~/modules/outbox/index.server";
import { findUserById } from "./users.server";
import { hasPassword } from "./password.server";
import { CODE_EXPIRED, consumePhoneCode, issuePhoneCode } from "./phone-codes.server";
import { startPendingLogin } from "./pending-login.server";
import { assertLoginAllowed, phoneCodeNetworkRefusal, recordLoginFailure, recordLoginSuccess } from "./rate-limit.server";
import { hasSecondFactor } from "./second-factors.server";
import { createSession, invalidateSession } from "./session.server";

// Signing in with a mobile number and a code sent to it (ADR 0032), beside email and password.

export type SessionOpened =
  | { ok: true; codeNeeded: false; userId: string; cookie: string }
  /** The account has a second factor: `cookie` carries a pending log-in that /login/code finishes, as after a password. */
  | { ok: true; codeNeeded: true; userId: string; cookie: string };

type Device = { ip: string; userAgent: string | null; previousSessionId?: string | null };

/** The code proved the number: a new session, or a pending log-in when a second factor is set up (as `/login` does). */
export function openSessionAfterCode(userId: string, device: Device): SessionOpened {
  if (hasSecondFactor(userId)) {
    securityEvent("login.password-accepted", { userId, ip: device.ip, by: "phone" });
    return { ok: true, codeNeeded: true, userId, cookie: startPendingLogin(userId).cookie };
  }
  if (device.previousSessionId) invalidateSession(device.previousSessionId);
  const { cookie } = createSession(userId, device.userAgent);
  securityEvent("login.success", { userId, ip: device.ip, by: "phone" });
  return { ok: true, codeNeeded: false, userId, cookie };
}

/**
 * The account a number signs in to: the one that proved it, or else a walk-in's account the door
 * team noted it for, still without a password (the code then proves the number and claims it).
 */
function accountOfNumber(phone: string): string | null {
  const verified = userIdByPhone(phone);
  if (verified) return verified;
  const noted = userIdByUnverifiedPhone(phone);
  const account = noted ? findUserById(noted) : undefined;
  return account && !hasPassword(account.passwordHash) ? account.id : null;
}

/**
 * Sends a sign-in code to a number that has an account. A number without one gets the same answer
 * and the same row (so limits and timing match) but no text (ADR 0009): a stranger learns nothing,
 * and nobody is sent messages they did not ask for.
 */
export async function requestSignInCode(phone: string, ip: string): Promise<Outcome<{ phone: string }>> {
  const busy = await phoneCodeNetworkRefusal(ip);
  if (busy) return busy;
  const userId = accountOfNumber(phone);
  const issued = db.transaction((tx) => issuePhoneCode(tx, { purpose: "sign_in", phone, userId, send: userId !== null, now: clock.now() }), {
    behavior: "immediate",
  });
  if (!issued.ok) return issued;
  securityEvent("phone.code-sent", { purpose: "sign_in", userId, ip });
  return { ok: true, phone };
}

/**
 * Checks the code and opens a session for the number's account. Wrong codes count towards the same
 * lock-out as wrong passwords (per number and per network); throws a 429 while it is in force.
 */
export async function signInWithPhoneCode(input: Device & { phone: string; code: string }): Promise<SessionOpened | Refusal> {
  await assertLoginAllowed(input.phone, input.ip);
  const now = clock.now();
  const used = db.transaction((tx) => consumePhoneCode(tx, { phone: input.phone, purpose: "sign_in", code: input.code, now }), { behavior: "immediate" });
  if (!used.ok) {
    if (used.code === "wrong-code") {
      const blockedForSeconds = await recordLoginFailure(input.phone, input.ip);
      securityEvent("login.failure", { by: "phone", ip: input.ip, blockedForSeconds });
    }
    return used;
  }
  const userId = used.row.userId;
  // The number may have moved to another account since the code was sent.
  if (!userId || accountOfNumber(input.phone) !== userId) return refuse(CODE_EXPIRED, { field: "code", code: "expired" });
  if (userIdByPhone(input.phone) !== userId) {
    const account = findUserById(userId)!;
    db.transaction((tx) => setVerifiedPhone(tx, { userId, email: account.email, phone: input.phone, now }), { behavior: "immediate" });
  }
  await recordLoginSuccess(input.phone);
  return openSessionAfterCode(userId, input);
}
