import { eq } from "drizzle-orm";
import { db, type Tx } from "~db/client.server";
import { users } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { securityEvent } from "~/utils/logger.server";
import { isPlaceholderAddress } from "~/utils/redact.server";
import { refuse, type Outcome } from "~/utils/refusal";
import { contactOf, enqueueMessage, removePhone, setVerifiedPhone, setWhatsAppOptIn } from "~/modules/outbox/index.server";
import { recordAudit } from "~/modules/organisation/index.server";
import { confirmIdentity, type IdentityProof } from "./confirm-identity.server";
import { WHATSAPP_PURPOSE } from "./consent-uses";
import { appendConsents } from "./consents.server";
import { allowsReplacing, standingProof, START_AGAIN, tellOldNumber, type ChangeProof } from "./phone-change.server";
import { consumePhoneCode, issuePhoneCode } from "./phone-codes.server";
import { displayPhone } from "./phone-numbers.server";
import { hasPassword } from "./password.server";
import { assertEmailSendAllowed, phoneCodeNetworkRefusal } from "./rate-limit.server";
import type { SessionUser } from "./session.server";
import { issueToken, tokenUrl } from "./tokens.server";
import { findUserByEmail, normaliseEmail } from "./users.server";

// A person's own mobile number (/me/phone) and how they sign in: add or change it (a code proves
// it), take it off, say yes or no to WhatsApp. Every account keeps at least one verified way in.
// Changing or taking off a verified number also needs proof it is the owner (the password, or a
// code to that number): with a stolen session alone, nobody can move the account to their phone.

type Me = Pick<SessionUser, "id" | "email" | "name">;

export type SignInMethods = {
  /** The account's own email address; null for an account made with a phone number only. */
  email: string | null;
  hasPassword: boolean;
  /** The verified number, as people write it ("0803 123 4567"), and as stored (E.164). */
  phone: { display: string; e164: string } | null;
  whatsapp: boolean;
};

export function signInMethodsOf(user: Pick<SessionUser, "id" | "email">): SignInMethods {
  const row = db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id)).get();
  const contact = contactOf(user.id);
  const verified = contact?.phone && contact.phoneVerifiedAt ? contact.phone : null;
  return {
    email: isPlaceholderAddress(user.email) ? null : user.email,
    hasPassword: row ? hasPassword(row.passwordHash) : false,
    phone: verified ? { display: displayPhone(verified), e164: verified } : null,
    whatsapp: Boolean(verified && contact?.whatsappOptInAt),
  };
}

const WRONG_PASSWORD = "Your password is incorrect";
const SAME_NUMBER = "That is already your number. Enter a different one.";
// With nothing typed, `confirmIdentity` asks for what is missing (the password or a code), at its field.
const NOTHING_TYPED = {} as IdentityProof;

function verifiedPhoneIn(tx: Tx, userId: string): string | null {
  const contact = contactOf(userId, tx);
  return contact?.phone && contact.phoneVerifiedAt ? contact.phone : null;
}

/**
 * Texts a code to a number the person wants on their account; in place of a verified number only
 * with the owner's proof. A number on another account gets a code too (only its holder can use
 * it, and is told then), so the form tells a stranger nothing.
 */
export async function sendPhoneVerification(user: Me, phone: string, ip: string, proof: IdentityProof | null = null): Promise<Outcome<{ phone: string }>> {
  const current = signInMethodsOf(user).phone?.e164 ?? null;
  if (current === phone) return refuse(SAME_NUMBER, { field: "phone" });
  const busy = await phoneCodeNetworkRefusal(ip);
  if (busy) return { ...busy, field: "phone" };
  if (current) {
    const proved = await confirmIdentity(user, proof ?? NOTHING_TYPED, ip, WRONG_PASSWORD);
    if (!proved.ok) return proved;
  }
  const issued = issueVerifyCode(user, phone, ip, (_tx, now) => ({ ok: true, change: current ? { replaces: current, provenAt: now } : null }));
  return issued.ok ? issued : { ...issued, field: "phone" };
}

/** "Send a new code" to the new number: the proof given with it still holds for a while. */
export async function resendPhoneVerification(user: Me, phone: string, ip: string): Promise<Outcome<{ phone: string }>> {
  const busy = await phoneCodeNetworkRefusal(ip);
  if (busy) return busy;
  return issueVerifyCode(user, phone, ip, (tx, now) => {
    const current = verifiedPhoneIn(tx, user.id);
    if (current === phone) return refuse(SAME_NUMBER, { status: 409 });
    if (!current) return { ok: true, change: null };
    const change = standingProof(tx, { userId: user.id, phone, current, now });
    return change ? { ok: true, change } : refuse(START_AGAIN, { status: 409, code: "proof-needed" });
  });
}

function issueVerifyCode(user: Me, phone: string, ip: string, changeFor: (tx: Tx, now: number) => Outcome<{ change: ChangeProof | null }>): Outcome<{ phone: string }> {
  const now = clock.now();
  const issued = db.transaction(
    (tx) => {
      const allowed = changeFor(tx, now);
      if (!allowed.ok) return allowed;
      return issuePhoneCode(tx, { purpose: "verify", phone, userId: user.id, pending: allowed.change, send: true, now });
    },
    { behavior: "immediate" },
  );
  if (!issued.ok) return issued;
  securityEvent("phone.code-sent", { purpose: "verify", userId: user.id, ip });
  return { ok: true, phone };
}

/**
 * The code came back: the number is the account's, verified, in place of any earlier one (when
 * the code was asked for with the owner's proof), and the earlier number is told by SMS.
 */
export function confirmPhone(user: Me, input: { phone: string; code: string }): Outcome<{ replaced: boolean }> {
  const now = clock.now();
  const result = db.transaction(
    (tx): Outcome<{ replaced: boolean }> => {
      const before = verifiedPhoneIn(tx, user.id);
      const used = consumePhoneCode(tx, { phone: input.phone, purpose: "verify", code: input.code, userId: user.id, now });
      if (!used.ok) return used;
      if (!allowsReplacing(used.row.pending, before)) return refuse(START_AGAIN, { status: 409, code: "proof-needed" });
      const set = setVerifiedPhone(tx, { userId: user.id, email: user.email, phone: input.phone, now });
      if (!set.ok) return set;
      recordAudit(tx, { actorId: user.id, action: before ? "phone.changed" : "phone.added", targetType: "user", targetId: user.id });
      if (before && before !== input.phone) tellOldNumber(tx, { name: user.name, oldPhone: before, newPhone: input.phone });
      return { ok: true, replaced: before !== null };
    },
    { behavior: "immediate" },
  );
  if (result.ok) securityEvent("phone.verified", { userId: user.id, replaced: result.replaced });
  return result;
}

const LAST_WAY_IN = "Your mobile number is how you sign in, so it cannot be removed. Add an email address first, or change the number instead.";

/** Takes the number off (and WhatsApp with it), with the owner's proof; refused when it is the account's only way in. */
export async function removeOwnPhone(user: Me, proof: IdentityProof, ip: string): Promise<Outcome> {
  const methods = signInMethodsOf(user);
  if (!methods.phone) return refuse("There is no mobile number on your account.", { status: 409 });
  if (!methods.email) return refuse(LAST_WAY_IN, { status: 409, code: "last-way-in" });
  const proved = await confirmIdentity(user, proof, ip, WRONG_PASSWORD);
  if (!proved.ok) return proved;
  const now = clock.now();
  db.transaction(
    (tx) => {
      removePhone(tx, user.id, now);
      if (methods.whatsapp) appendConsents(tx, { userId: user.id, entries: [{ purpose: WHATSAPP_PURPOSE, granted: false }], source: "settings", now });
      recordAudit(tx, { actorId: user.id, action: "phone.removed", targetType: "user", targetId: user.id });
    },
    { behavior: "immediate" },
  );
  securityEvent("phone.removed", { userId: user.id });
  return { ok: true };
}

/** Yes or no to WhatsApp, recorded with the other consents (with a way out: the same box, unticked). */
export function setOwnWhatsApp(user: Me, on: boolean): Outcome<{ changed: boolean }> {
  const now = clock.now();
  return db.transaction(
    (tx): Outcome<{ changed: boolean }> => {
      const wasOn = Boolean(contactOf(user.id, tx)?.whatsappOptInAt);
      const set = setWhatsAppOptIn(tx, user.id, on, now);
      if (!set.ok) return set;
      if (wasOn === on) return { ok: true, changed: false };
      appendConsents(tx, { userId: user.id, entries: [{ purpose: WHATSAPP_PURPOSE, granted: on }], source: "settings", now });
      recordAudit(tx, { actorId: user.id, action: on ? "whatsapp.opted-in" : "whatsapp.opted-out", targetType: "user", targetId: user.id });
      return { ok: true, changed: true };
    },
    { behavior: "immediate" },
  );
}

/**
 * An account made with a phone number adds an email address: a link goes to it, and opening it
 * makes it the account's address (as a change of address does). It has no password to re-type:
 * the session, opened by a code sent to the phone, is the proof. An address with an account
 * gets the same answer and no email.
 */
export async function addEmailAddress(user: Me, newEmailInput: string, ip: string): Promise<Outcome<{ newEmail: string }>> {
  if (!isPlaceholderAddress(user.email)) return refuse("Your account already has an email address: change it below.", { status: 409 });
  const newEmail = normaliseEmail(newEmailInput);
  await assertEmailSendAllowed(newEmail, ip);
  db.transaction(
    (tx) => {
      if (findUserByEmail(newEmail)) return;
      const token = issueToken(tx, { userId: user.id, purpose: "change_email", email: newEmail });
      enqueueMessage(tx, newEmail, "change-email", { name: user.name, url: tokenUrl("change_email", token), newEmail });
    },
    { behavior: "immediate" },
  );
  return { ok: true, newEmail };
}
