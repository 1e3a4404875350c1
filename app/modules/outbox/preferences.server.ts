import { eq } from "drizzle-orm";
import { db, type Tx } from "~db/client.server";
import { emailPreferences } from "~db/schema";
import { isNotificationKind, NOTIFICATION_KINDS, NOTIFICATION_LABELS, type NotificationKind } from "~emails/registry";
import { clock } from "~/utils/clock.server";
import { randomId } from "~/utils/ids.server";
import { refuse, type Outcome } from "~/utils/refusal";
import { moveContactEmail } from "./contact-book.server";

export type NotificationChoice = { kind: NotificationKind; label: string; hint: string; on: boolean };

const normalise = (address: string) => address.trim().toLowerCase();

function rowFor(tx: Tx | typeof db, address: string) {
  return tx.select().from(emailPreferences).where(eq(emailPreferences.address, normalise(address))).get();
}

/** The address's secret token for its preferences link, made on first use. */
export function preferencesTokenFor(address: string): string {
  const existing = rowFor(db, address);
  if (existing) return existing.token;
  db.insert(emailPreferences)
    .values({ address: normalise(address), token: randomId(20), turnedOff: [], updatedAt: clock.now() })
    .onConflictDoNothing()
    .run();
  return rowFor(db, address)!.token;
}

/** Whether the address turned this kind of email off. */
export function hasTurnedOff(address: string, kind: NotificationKind): boolean {
  return rowFor(db, address)?.turnedOff.includes(kind) ?? false;
}

function choices(turnedOff: readonly string[]): NotificationChoice[] {
  return NOTIFICATION_KINDS.map((kind) => ({ kind, ...NOTIFICATION_LABELS[kind], on: !turnedOff.includes(kind) }));
}

/** Every kind with whether the address gets it, for the signed-in preferences page. */
export function notificationChoicesFor(address: string): NotificationChoice[] {
  return choices(rowFor(db, address)?.turnedOff ?? []);
}

/** The address behind a preferences link and its choices; undefined for an unknown token. */
export function notificationChoicesByToken(token: string): { address: string; choices: NotificationChoice[] } | undefined {
  const row = token ? db.select().from(emailPreferences).where(eq(emailPreferences.token, token)).get() : undefined;
  return row ? { address: row.address, choices: choices(row.turnedOff) } : undefined;
}

/** Keeps exactly the kinds listed in `on`; unknown kinds are ignored. */
export function saveNotificationChoices(address: string, on: readonly string[]): void {
  const turnedOff = NOTIFICATION_KINDS.filter((kind) => !on.includes(kind));
  preferencesTokenFor(address);
  db.update(emailPreferences).set({ turnedOff, updatedAt: clock.now() }).where(eq(emailPreferences.address, normalise(address))).run();
}

const UNKNOWN_LINK = refuse("This link is not one of ours, or it has been replaced.", { status: 404, code: "not-found" });

/** A one-click "stop these emails" from a message's link or its List-Unsubscribe header. */
export function turnOffByToken(token: string, kind: string): Outcome<{ address: string; label: string }> {
  if (!isNotificationKind(kind)) return refuse("That is not a kind of email we send.", { status: 404, code: "not-found" });
  const row = token ? db.select().from(emailPreferences).where(eq(emailPreferences.token, token)).get() : undefined;
  if (!row) return UNKNOWN_LINK;
  if (!row.turnedOff.includes(kind)) {
    db.update(emailPreferences).set({ turnedOff: [...row.turnedOff, kind], updatedAt: clock.now() }).where(eq(emailPreferences.address, row.address)).run();
  }
  return { ok: true, address: row.address, label: NOTIFICATION_LABELS[kind].label };
}

/** Carries an address's choices, and its place in the contact book, to its new address when a person changes it. */
export function moveEmailPreferences(tx: Tx, from: string, to: string): void {
  moveContactEmail(tx, from, to, clock.now());
  const row = rowFor(tx, from);
  if (!row || rowFor(tx, to)) return;
  // A new token too: links in mail to the old address no longer reach the new one's choices.
  tx.update(emailPreferences).set({ address: normalise(to), token: randomId(20), updatedAt: clock.now() }).where(eq(emailPreferences.address, row.address)).run();
}
