import { randomInt } from "node:crypto";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { decodeHex } from "@oslojs/encoding";
import { and, asc, eq, gt, isNull, lt, sql } from "drizzle-orm";
import type { Tx } from "~db/client.server";
import { phoneCodes, type PhoneCodePurpose } from "~db/schema";
import { DAY, MINUTE } from "~/utils/clock.server";
import { hashToken, randomId } from "~/utils/ids.server";
import { refuse, type Outcome, type Refusal } from "~/utils/refusal";
import { enqueueMessage } from "~/modules/outbox/index.server";
import { describeWait } from "./rate-limit.server";

// Six-digit codes sent by SMS (ADR 0032). A code is single-use, lives ten minutes and dies after
// five wrong tries; only a hash of it is kept. The limits per number and per account are counted
// from these rows, with the app clock, so a restart does not reset what texts cost.

export const CODE_MINUTES = 10;
const CODE_LIFETIME = CODE_MINUTES * MINUTE;
export const MAX_WRONG_TRIES = 5;

/** Per number, every purpose together: a short burst, then a daily cap. */
const PER_NUMBER = [
  { count: 3, window: 15 * MINUTE },
  { count: 10, window: DAY },
] as const;
/** Per account: someone cycling through numbers still pays for at most this many texts a day. */
const PER_ACCOUNT = { count: 10, window: DAY } as const;
/** Rows outlive their code only as long as the longest limit needs them. */
const KEEP_FOR = DAY;

type PhoneCode = typeof phoneCodes.$inferSelect;

/** Salted with the row's id, so two people's equal codes never share a hash. */
function hashCode(id: string, code: string): string {
  return hashToken(`${id}:${code}`);
}

function sixDigits(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}

function createdSince(tx: Tx, where: ReturnType<typeof eq>, since: number) {
  return tx
    .select({ n: sql<number>`count(*)`, oldest: sql<number | null>`min(${phoneCodes.createdAt})` })
    .from(phoneCodes)
    .where(and(where, gt(phoneCodes.createdAt, since)))
    .get()!;
}

const TOO_MANY = (wait: string) => `We have sent several codes to this number already. Please try again in ${wait}. A code we sent in the last ${CODE_MINUTES} minutes still works.`;
const TOO_MANY_FOR_ACCOUNT = (wait: string) => `We have sent several codes for your account today. Please try again in ${wait}.`;

/** The limits per number and per account, counted from the codes already sent: a 429 to show in the form, or null. */
function limitRefusal(tx: Tx, input: { purpose: PhoneCodePurpose; phone: string; userId: string | null; now: number }): Refusal | null {
  for (const rule of PER_NUMBER) {
    const sent = createdSince(tx, eq(phoneCodes.phone, input.phone), input.now - rule.window);
    if (sent.n >= rule.count) return tooMany(TOO_MANY, sent.oldest! + rule.window - input.now);
  }
  // Only for a signed-in person (a number being added, a change being confirmed): on sign-in, a
  // limit that counted the account's other codes would tell a stranger the number has one.
  if (input.userId && (input.purpose === "verify" || input.purpose === "confirm")) {
    const sent = createdSince(tx, eq(phoneCodes.userId, input.userId), input.now - PER_ACCOUNT.window);
    if (sent.n >= PER_ACCOUNT.count) return tooMany(TOO_MANY_FOR_ACCOUNT, sent.oldest! + PER_ACCOUNT.window - input.now);
  }
  return null;
}

function tooMany(message: (wait: string) => string, waitMs: number): Refusal {
  const seconds = Math.max(1, waitMs / 1000);
  return refuse(message(describeWait(seconds)), { status: 429, code: "rate-limited", retryAfterSeconds: seconds });
}

export type NewCode = {
  purpose: PhoneCodePurpose;
  /** E.164. */
  phone: string;
  /** The account the code is for (verifying its number, signing in to it); null for a sign-up. */
  userId: string | null;
  /** A sign-up's answers, kept until the code comes back. */
  pending?: Record<string, unknown> | null;
  /**
   * False for a sign-in to a number with no account: the row is written (so limits and timing are
   * the same as for a real one) but nothing is sent and no code can match it.
   */
  send: boolean;
  now: number;
};

/**
 * Makes a code and queues its SMS in the caller's transaction; an earlier live code for the same
 * number and purpose stops working, so only the newest text counts.
 */
export function issuePhoneCode(tx: Tx, input: NewCode): Outcome<{ codeId: string }> {
  const { now } = input;
  tx.delete(phoneCodes).where(lt(phoneCodes.createdAt, now - KEEP_FOR)).run();
  const limited = limitRefusal(tx, input);
  if (limited) return limited;
  tx.update(phoneCodes)
    .set({ expiresAt: now })
    .where(and(eq(phoneCodes.phone, input.phone), eq(phoneCodes.purpose, input.purpose), isNull(phoneCodes.usedAt), gt(phoneCodes.expiresAt, now)))
    .run();
  const id = randomId(16);
  const code = sixDigits();
  tx.insert(phoneCodes)
    .values({
      id,
      purpose: input.purpose,
      phone: input.phone,
      userId: input.userId,
      // A code that was never sent cannot be typed: its hash is of nothing six digits can give.
      codeHash: hashCode(id, input.send ? code : randomId(16)),
      pending: input.pending ?? null,
      expiresAt: now + CODE_LIFETIME,
      createdAt: now,
    })
    .run();
  if (input.send) enqueueMessage(tx, input.phone, "phone-code", { code, minutes: CODE_MINUTES }, { onlyChannel: "sms" });
  return { ok: true, codeId: id };
}

export const CODE_EXPIRED = "That code has expired or has already been used. Ask for a new code.";
const CODE_WRONG = "That code is not right. Check the text message and try again.";
const CODE_DEAD = "That code has been tried too many times. Ask for a new code.";

/** The newest code still usable for this number and purpose (and account, when it belongs to one). */
function liveCode(tx: Tx, input: { phone: string; purpose: PhoneCodePurpose; userId?: string; now: number }): PhoneCode | undefined {
  return tx
    .select()
    .from(phoneCodes)
    .where(
      and(
        eq(phoneCodes.phone, input.phone),
        eq(phoneCodes.purpose, input.purpose),
        input.userId ? eq(phoneCodes.userId, input.userId) : undefined,
        isNull(phoneCodes.usedAt),
        gt(phoneCodes.expiresAt, input.now),
        lt(phoneCodes.attempts, MAX_WRONG_TRIES),
      ),
    )
    .orderBy(asc(phoneCodes.createdAt))
    .all()
    .at(-1);
}

/**
 * Checks a typed code in the caller's (immediate) transaction. Right: the code is used up and its
 * row (with any sign-up answers) returned. Wrong: one of its five tries is spent.
 */
export function consumePhoneCode(
  tx: Tx,
  input: { phone: string; purpose: PhoneCodePurpose; code: string; userId?: string; now: number },
): Outcome<{ row: PhoneCode }> {
  const row = liveCode(tx, input);
  if (!row) return refuse(CODE_EXPIRED, { field: "code", code: "expired" });
  const right = constantTimeEqual(decodeHex(hashCode(row.id, input.code)), decodeHex(row.codeHash));
  if (!right) {
    const attempts = row.attempts + 1;
    tx.update(phoneCodes).set({ attempts }).where(eq(phoneCodes.id, row.id)).run();
    return refuse(attempts >= MAX_WRONG_TRIES ? CODE_DEAD : CODE_WRONG, { field: "code", code: "wrong-code" });
  }
  // The answers have done their work once the code is used: they are not kept beside it.
  tx.update(phoneCodes).set({ usedAt: input.now, pending: null }).where(eq(phoneCodes.id, row.id)).run();
  return { ok: true, row };
}

/** The answers of the newest sign-up with this number still waiting for its code, to send a new code for them. */
export function waitingSignupAnswers(tx: Tx, phone: string): Record<string, unknown> | null {
  const rows = tx
    .select({ pending: phoneCodes.pending })
    .from(phoneCodes)
    .where(and(eq(phoneCodes.phone, phone), eq(phoneCodes.purpose, "sign_up"), isNull(phoneCodes.usedAt)))
    .orderBy(asc(phoneCodes.createdAt))
    .all();
  return rows.at(-1)?.pending ?? null;
}

/** An erased account's codes go with it; a sign-up's own row forgets its answers once used. */
export function forgetPhoneCodes(tx: Tx, userId: string): void {
  tx.delete(phoneCodes).where(eq(phoneCodes.userId, userId)).run();
}
