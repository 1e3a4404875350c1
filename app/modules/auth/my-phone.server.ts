import { eq } from "drizzle-orm";
import { db } from "~db/client.server";
import { users } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { securityEvent } from "~/utils/logger.server";
import { isPlaceholderAddress } from "~/utils/redact.server";
import { refuse, type Outcome } from "~/utils/refusal";
import { contactOf, enqueueMessage, removePhone, setVerifiedPhone, setWhatsAppOptIn } from "~/modules/outbox/index.server";
import { recordAudit } from "~/modules/organisation/index.server";
import { WHATSAPP_PURPOSE } from "./consent-uses";
import { appendConsents } from "./consents.server";
import { consumePhoneCode, issuePhoneCode } from "./phone-codes.server";
import { displayPhone } from "./phone-numbers.server";
import { hasPassword } from "./phone-sign-up.server";
import { assertEmailSendAllowed, phoneCodeNetworkRefusal } from "./rate-limit.server";
import type { SessionUser } from "./session.server";
import { issueToken, tokenUrl } from "./tokens.server";
import { findUserByEmail, normaliseEmail } from "./users.server";

// A person's own mobile number (/me/phone) and how they sign in: add or change it (a code proves
// it), take it off, say yes or no to WhatsApp. Every account keeps at least one verified way in.

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

/**
 * Texts a code to a number the person wants on their account. A number on another account gets a
 * code too (only its holder can use it, and is told then), so the form tells a stranger nothing.
 */
export async function sendPhoneVerification(user: Me, phone: string, ip: string): Promise<Outcome<{ phone: string }>> {
  if (signInMethodsOf(user).phone?.e164 === phone) return refuse("That is already your number. Enter a different one.", { field: "phone" });
  const busy = await phoneCodeNetworkRefusal(ip);
  if (busy) return { ...busy, field: "phone" };
  const issued = db.transaction((tx) => issuePhoneCode(tx, { purpose: "verify", phone, userId: user.id, send: true, now: clock.now() }), { behavior: "immediate" });
  if (!issued.ok) return { ...issued, field: "phone" };
  securityEvent("phone.code-sent", { purpose: "verify", userId: user.id, ip });
  return { ok: true, phone };
}

/** The code came back: the number is the account's, verified, in place of any earlier one. */
export function confirmPhone(user: Me, input: { phone: string; code: string }): Outcome<{ replaced: boolean }> {
  const now = clock.now();
  const before = signInMethodsOf(user).phone;
  const result = db.transaction(
    (tx): Outcome<{ replaced: boolean }> => {
      const used = consumePhoneCode(tx, { phone: input.phone, purpose: "verify", code: input.code, userId: user.id, now });
      if (!used.ok) return used;
      const set = setVerifiedPhone(tx, { userId: user.id, email: user.email, phone: input.phone, now });
      if (!set.ok) return set;
      recordAudit(tx, { actorId: user.id, action: before ? "phone.changed" : "phone.added", targetType: "user", targetId: user.id });
      return { ok: true, replaced: before !== null };
    },
    { behavior: "immediate" },
  );
  if (result.ok) securityEvent("phone.verified", { userId: user.id });
  return result;
}

const LAST_WAY_IN = "Your mobile number is how you sign in, so it cannot be removed. Add an email address first, or change the number instead.";

/** Takes the number off (and WhatsApp with it); refused when it is the account's only way in. */
export function removeOwnPhone(user: Me): Outcome {
  const methods = signInMethodsOf(user);
  if (!methods.phone) return refuse("There is no mobile number on your account.", { status: 409 });
  if (!methods.email) return refuse(LAST_WAY_IN, { status: 409, code: "last-way-in" });
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
