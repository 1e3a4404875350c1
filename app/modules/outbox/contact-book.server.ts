import { eq } from "drizzle-orm";
import { db, type Tx } from "~db/client.server";
import { contactBook, smsOptOuts, type Channel } from "~db/schema";
import { refuse, type Outcome } from "~/utils/refusal";

export type Contact = typeof contactBook.$inferSelect;

const normalise = (address: string) => address.trim().toLowerCase();

export function contactOf(userId: string, tx: Tx | typeof db = db): Contact | undefined {
  return tx.select().from(contactBook).where(eq(contactBook.userId, userId)).get();
}

/** The contact whose account uses this email address (the outbox's recipient). */
export function contactByEmail(email: string, tx: Tx | typeof db = db): Contact | undefined {
  return tx.select().from(contactBook).where(eq(contactBook.email, normalise(email))).get();
}

/** The account a verified phone number (E.164) belongs to: the key of phone sign-in. */
export function userIdByPhone(phone: string): string | null {
  const row = db.select({ userId: contactBook.userId, verifiedAt: contactBook.phoneVerifiedAt }).from(contactBook).where(eq(contactBook.phone, phone)).get();
  return row?.verifiedAt ? row.userId : null;
}

/** The account a number was noted for without proof (a walk-in added at the door), or null. */
export function userIdByUnverifiedPhone(phone: string): string | null {
  const row = db.select({ userId: contactBook.userId, verifiedAt: contactBook.phoneVerifiedAt }).from(contactBook).where(eq(contactBook.phone, phone)).get();
  return row && !row.verifiedAt ? row.userId : null;
}

/**
 * A number someone else typed for the person (the door team adding a walk-in): kept unverified, so
 * it signs nobody in until a code sent to it comes back. A number already on an account is left alone.
 */
export function noteUnverifiedPhone(tx: Tx, input: { userId: string; email: string | null; phone: string; now: number }): void {
  if (tx.select({ userId: contactBook.userId }).from(contactBook).where(eq(contactBook.phone, input.phone)).get()) return;
  const own = contactOf(input.userId, tx);
  if (own?.phone) return;
  upsert(tx, input.userId, input.email, { phone: input.phone, phoneVerifiedAt: null }, input.now);
}

/** A person's verified phone number, or null. */
export function verifiedPhoneOf(userId: string): string | null {
  const row = contactOf(userId);
  return row?.phone && row.phoneVerifiedAt ? row.phone : null;
}

function upsert(tx: Tx, userId: string, email: string | null, values: Partial<Contact>, now: number): void {
  tx.insert(contactBook)
    .values({ userId, email: email === null ? null : normalise(email), updatedAt: now, ...values })
    .onConflictDoUpdate({ target: contactBook.userId, set: { ...values, updatedAt: now } })
    .run();
}

/**
 * Records a number the person proved they hold (a code sent to it came back). A number is one
 * person's: another account's verified number is refused; an unverified claim on it is dropped.
 */
export function setVerifiedPhone(tx: Tx, input: { userId: string; email: string | null; phone: string; now: number }): Outcome {
  const holder = tx.select().from(contactBook).where(eq(contactBook.phone, input.phone)).get();
  if (holder && holder.userId !== input.userId) {
    if (holder.phoneVerifiedAt) return refuse("That number is already on another account.", { field: "phone", code: "phone-taken", status: 409 });
    tx.update(contactBook).set({ phone: null, updatedAt: input.now }).where(eq(contactBook.userId, holder.userId)).run();
  }
  upsert(tx, input.userId, input.email, { phone: input.phone, phoneVerifiedAt: input.now }, input.now);
  // Proving the number again is asking for texts again.
  tx.delete(smsOptOuts).where(eq(smsOptOuts.phone, input.phone)).run();
  return { ok: true };
}

/** Takes the number off the account: no more SMS or WhatsApp, no more sign-in with it. */
export function removePhone(tx: Tx, userId: string, now: number): void {
  tx.update(contactBook).set({ phone: null, phoneVerifiedAt: null, whatsappOptInAt: null, updatedAt: now }).where(eq(contactBook.userId, userId)).run();
}

/** WhatsApp only after the person said yes (ADR 0031); saying no again stops it at once. */
export function setWhatsAppOptIn(tx: Tx, userId: string, on: boolean, now: number): Outcome {
  const row = contactOf(userId, tx);
  if (on && !(row?.phone && row.phoneVerifiedAt)) return refuse("Add and verify your mobile number first.", { field: "whatsapp" });
  if (!row) return { ok: true };
  tx.update(contactBook).set({ whatsappOptInAt: on ? (row.whatsappOptInAt ?? now) : null, updatedAt: now }).where(eq(contactBook.userId, userId)).run();
  return { ok: true };
}

/** The person's channel choices: the channel tried first, and per kind the channels allowed in order. */
export function saveChannelChoices(tx: Tx, input: { userId: string; email: string | null; preferred: Channel | null; choices: Record<string, Channel[]>; now: number }): void {
  upsert(tx, input.userId, input.email, { preferredChannel: input.preferred, channelChoices: input.choices }, input.now);
}

/** Keeps the contact book's address the account's own when the person changes it. */
export function moveContactEmail(tx: Tx, from: string, to: string, now: number): void {
  tx.update(contactBook).set({ email: normalise(to), updatedAt: now }).where(eq(contactBook.email, normalise(from))).run();
}

/** A number that asked for no more SMS (STOP), as the provider or the person reported it. */
export function recordSmsOptOut(tx: Tx, phone: string, source: string, now: number): void {
  tx.insert(smsOptOuts).values({ phone, source, optedOutAt: now }).onConflictDoNothing().run();
}

export function isSmsOptedOut(phone: string, tx: Tx | typeof db = db): boolean {
  return tx.select({ phone: smsOptOuts.phone }).from(smsOptOuts).where(eq(smsOptOuts.phone, phone)).get() !== undefined;
}

/** Everything the contact book holds for an account, when it is erased. */
export function forgetContact(tx: Tx, userId: string): void {
  const row = contactOf(userId, tx);
  if (row?.phone) tx.delete(smsOptOuts).where(eq(smsOptOuts.phone, row.phone)).run();
  tx.delete(contactBook).where(eq(contactBook.userId, userId)).run();
}
