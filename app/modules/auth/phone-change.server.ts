import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Tx } from "~db/client.server";
import { phoneCodes } from "~db/schema";
import { MINUTE } from "~/utils/clock.server";
import { enqueueMessage } from "~/modules/outbox/index.server";
import { displayPhone } from "./phone-numbers.server";

// Moving a verified number to another phone needs proof it is the owner, given once in the form
// with the new number. The code texted to the new number remembers which number that proof
// allowed it to replace, so a code asked for without proof (before the account had a number, say)
// can never move the number later.

/** How long one proof covers new codes to the same new number ("Send a new code"). */
export const PROOF_LASTS = 30 * MINUTE;

export const START_AGAIN = "For your security, start again: enter the new number and confirm it is you.";

/** What a code to a new number keeps in its `pending` answers. */
export type ChangeProof = { replaces: string; provenAt: number };

/** True when a used code's answers allow it to take the place of `current` (no number: nothing to replace). */
export function allowsReplacing(pending: Record<string, unknown> | null, current: string | null): boolean {
  return current === null || pending?.replaces === current;
}

/** The proof given for the newest code to this new number, while it still covers a new code; null when none does. */
export function standingProof(tx: Tx, input: { userId: string; phone: string; current: string; now: number }): ChangeProof | null {
  const newest = tx
    .select({ pending: phoneCodes.pending })
    .from(phoneCodes)
    .where(and(eq(phoneCodes.userId, input.userId), eq(phoneCodes.phone, input.phone), eq(phoneCodes.purpose, "verify"), isNull(phoneCodes.usedAt)))
    .orderBy(desc(phoneCodes.createdAt), sql`rowid desc`)
    .get();
  const provenAt = newest?.pending?.provenAt;
  if (!allowsReplacing(newest?.pending ?? null, input.current) || typeof provenAt !== "number") return null;
  return provenAt > input.now - PROOF_LASTS ? { replaces: input.current, provenAt } : null;
}

/** "0803 ••• 4567" in parts: the number's first group as people write it, and its last four digits. */
export function maskedNumber(e164: string): { numberStart: string; numberEnd: string } {
  const firstGroup = displayPhone(e164).split(" ")[0];
  return { numberStart: /^\+?\d{1,5}$/.test(firstGroup) ? firstGroup : e164.slice(0, 4), numberEnd: e164.slice(-4) };
}

/** Tells the old number, by SMS only, that the account now uses another one (shown masked). */
export function tellOldNumber(tx: Tx, input: { name: string; oldPhone: string; newPhone: string }): void {
  enqueueMessage(tx, input.oldPhone, "phone-changed", { name: input.name, ...maskedNumber(input.newPhone) }, { onlyChannel: "sms" });
}
