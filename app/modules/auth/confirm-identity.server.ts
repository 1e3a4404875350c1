import { db } from "~db/client.server";
import { clock } from "~/utils/clock.server";
import { securityEvent } from "~/utils/logger.server";
import { refuse, type Outcome } from "~/utils/refusal";
import { verifiedPhoneOf } from "~/modules/outbox/index.server";
import type { Confirmation } from "./confirm-schemas";
import { checkCurrentPassword } from "./login.server";
import { CODE_EXPIRED, consumePhoneCode, issuePhoneCode } from "./phone-codes.server";
import { displayPhone } from "./phone-numbers.server";
import { hasPassword } from "./password.server";
import { assertLoginAllowed, phoneCodeNetworkRefusal, recordLoginFailure } from "./rate-limit.server";
import type { SessionUser } from "./session.server";
import { findUserById } from "./users.server";

// "Is it really you?" before a change that cannot be undone (deleting the account, the second
// factor, the email address). An account with a password types it again; an account made with a
// phone number has none, so a code texted to its verified number takes the password's place.

type Me = Pick<SessionUser, "id" | "email">;

/** What the person typed to prove it is them. */
export type IdentityProof = { password: string } | { code: string };

/** True for an account with no usable password: it confirms with a code texted to its number. */
export function confirmsWithPhone(user: Pick<SessionUser, "id">): boolean {
  const row = findUserById(user.id);
  return row ? !hasPassword(row.passwordHash) : false;
}

/** How the person's forms ask them to confirm: their password, or a code to their number (shown as people write it). */
export function confirmationOf(user: Pick<SessionUser, "id">): Confirmation {
  if (!confirmsWithPhone(user)) return { by: "password" };
  const phone = verifiedPhoneOf(user.id);
  return { by: "phone", phone: phone ? displayPhone(phone) : null };
}

const HAS_PASSWORD = "Your account has a password: type it to confirm it is you.";
const NO_NUMBER = "There is no mobile number on your account to text a code to. Add your number first.";
const ASK_FOR_CODE = "Ask for a code by text message, then type it here.";

/**
 * "Text me a code": a code to the verified number, for the next confirmation. The limits of every
 * texted code apply (per number, per account, per network).
 */
export async function sendConfirmationCode(user: Me, ip: string): Promise<Outcome<{ phone: string }>> {
  if (!confirmsWithPhone(user)) return refuse(HAS_PASSWORD, { status: 409, code: "has-password" });
  const phone = verifiedPhoneOf(user.id);
  if (!phone) return refuse(NO_NUMBER, { status: 409, code: "no-phone" });
  const busy = await phoneCodeNetworkRefusal(ip);
  if (busy) return busy;
  const issued = db.transaction((tx) => issuePhoneCode(tx, { purpose: "confirm", phone, userId: user.id, send: true, now: clock.now() }), {
    behavior: "immediate",
  });
  if (!issued.ok) return issued;
  securityEvent("phone.code-sent", { purpose: "confirm", userId: user.id, ip });
  return { ok: true, phone };
}

/**
 * Checks the proof a form carried: the password for an account that has one (refused with
 * `wrongPassword`, the caller's own words), else the texted code, used up when right. Wrong codes
 * count towards the same lock-out as signing in with that number; throws a 429 while it holds.
 */
export async function confirmIdentity(user: Me, proof: IdentityProof, ip: string, wrongPassword: string): Promise<Outcome> {
  if (!confirmsWithPhone(user)) {
    if (!("password" in proof)) return refuse("Enter your password", { field: "password" });
    return (await checkCurrentPassword(user, proof.password, ip)) ? { ok: true } : refuse(wrongPassword, { field: "password" });
  }
  if (!("code" in proof)) return refuse(ASK_FOR_CODE, { field: "code" });
  const phone = verifiedPhoneOf(user.id);
  // A code went to the number the account had then: once the number changes, no code can match.
  if (!phone) return refuse(CODE_EXPIRED, { field: "code", code: "expired" });
  await assertLoginAllowed(phone, ip);
  const used = db.transaction((tx) => consumePhoneCode(tx, { phone, purpose: "confirm", code: proof.code, userId: user.id, now: clock.now() }), {
    behavior: "immediate",
  });
  if (used.ok) return { ok: true };
  if (used.code === "wrong-code") {
    const blockedForSeconds = await recordLoginFailure(phone, ip);
    securityEvent("login.failure", { userId: user.id, ip, reauthentication: true, by: "phone", blockedForSeconds });
  }
  return used;
}
