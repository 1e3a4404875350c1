import { and, eq, sql } from "drizzle-orm";
import { expect } from "vitest";
import { db } from "~db/client.server";
import { outbox } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { setVerifiedPhone } from "~/modules/outbox/index.server";

let sequence = 0;

/** A Nigerian mobile number no other test in this file has used, as stored (E.164) and as typed. */
export function uniquePhone(): { e164: string; typed: string } {
  sequence += 1;
  const rest = String(10_000_000 + sequence).slice(1);
  return { e164: `+234803${rest}`, typed: `0803 ${rest.slice(0, 3)} ${rest.slice(3)}` };
}

/** Every code texted to a number, oldest first, as the outbox holds them until the worker sends them. */
export function codesTextedTo(phone: string): string[] {
  return db
    .select()
    .from(outbox)
    .where(and(eq(outbox.recipient, phone), eq(outbox.template, "phone-code")))
    .orderBy(sql`rowid`)
    .all()
    .map((row) => String(row.props.code));
}

/** The newest code texted to a number; fails the test when none was. */
export function lastCodeTextedTo(phone: string): string {
  const row = db.select().from(outbox).where(and(eq(outbox.recipient, phone), eq(outbox.template, "phone-code"))).orderBy(sql`rowid desc`).get();
  if (!row) throw new Error(`No code was texted to ${phone}`);
  expect(row.onlyChannel).toBe("sms");
  return String(row.props.code);
}

/** Puts a verified number on an account, as /me/phone leaves it. */
export function giveVerifiedPhone(user: { id: string; email: string }, phone: string): void {
  db.transaction((tx) => {
    const result = setVerifiedPhone(tx, { userId: user.id, email: user.email, phone, now: clock.now() });
    if (!result.ok) throw new Error(result.message);
  });
}
