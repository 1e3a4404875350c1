import { eq } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { phoneCodes, type PhoneCodePurpose } from "~db/schema";
import { consumePhoneCode, issuePhoneCode, MAX_WRONG_TRIES } from "~/modules/auth/phone-codes.server";
import { clock, DAY, MINUTE } from "~/utils/clock.server";
import { createUser } from "../support/factories";
import { codesTextedTo, lastCodeTextedTo, uniquePhone } from "../support/phone-factories";

// Codes texted to a number (ADR 0032): six digits, single-use, ten minutes, five tries, a hash at
// rest, and limits per number and per account counted with the app clock.

const T0 = Date.UTC(2026, 11, 3, 9, 0, 0);
beforeEach(() => clock.set(T0));
afterAll(() => clock.set(null));

function issue(phone: string, options: { purpose?: PhoneCodePurpose; userId?: string | null; send?: boolean } = {}) {
  return db.transaction((tx) =>
    issuePhoneCode(tx, { purpose: options.purpose ?? "sign_up", phone, userId: options.userId ?? null, pending: { name: "Ada" }, send: options.send ?? true, now: clock.now() }),
  );
}

function check(phone: string, code: string, purpose: PhoneCodePurpose = "sign_up") {
  return db.transaction((tx) => consumePhoneCode(tx, { phone, purpose, code, now: clock.now() }), { behavior: "immediate" });
}

/** A six-digit code that is not `code`. */
const otherThan = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

describe("a code", () => {
  it("is six random digits, texted by SMS only, and stored only as a hash", () => {
    const { e164 } = uniquePhone();
    expect(issue(e164).ok).toBe(true);
    const code = lastCodeTextedTo(e164);
    expect(code).toMatch(/^\d{6}$/);
    const row = db.select().from(phoneCodes).where(eq(phoneCodes.phone, e164)).get()!;
    expect(row.codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(code);
    expect(row.expiresAt - row.createdAt).toBe(10 * MINUTE);
  });

  it("works once, and hands back the answers kept with it, then forgets them", () => {
    const { e164 } = uniquePhone();
    issue(e164);
    const code = lastCodeTextedTo(e164);
    const used = check(e164, code);
    expect(used.ok && used.row.pending).toEqual({ name: "Ada" });
    expect(check(e164, code)).toMatchObject({ ok: false, code: "expired" });
    expect(db.select().from(phoneCodes).where(eq(phoneCodes.phone, e164)).get()!.pending).toBeNull();
  });

  it("works for ten minutes by the app clock, and not a moment after", () => {
    const [early, late] = [uniquePhone().e164, uniquePhone().e164];
    issue(early);
    issue(late);
    clock.set(T0 + 10 * MINUTE - 1);
    expect(check(early, lastCodeTextedTo(early)).ok).toBe(true);
    clock.set(T0 + 10 * MINUTE);
    expect(check(late, lastCodeTextedTo(late))).toMatchObject({ ok: false, code: "expired", message: "That code has expired or has already been used. Ask for a new code." });
  });

  it("dies after five wrong tries, even if the sixth is right", () => {
    const { e164 } = uniquePhone();
    issue(e164);
    const code = lastCodeTextedTo(e164);
    for (let attempt = 1; attempt < MAX_WRONG_TRIES; attempt += 1) {
      expect(check(e164, otherThan(code)), `try ${attempt}`).toMatchObject({ ok: false, code: "wrong-code", message: "That code is not right. Check the text message and try again." });
    }
    expect(check(e164, otherThan(code))).toMatchObject({ ok: false, message: "That code has been tried too many times. Ask for a new code." });
    expect(check(e164, code)).toMatchObject({ ok: false, code: "expired" });
  });

  it("is for its own purpose only", () => {
    const { e164 } = uniquePhone();
    issue(e164, { purpose: "sign_up" });
    expect(check(e164, lastCodeTextedTo(e164), "sign_in")).toMatchObject({ ok: false, code: "expired" });
  });

  it("stops working when a newer one is sent to the same number", () => {
    const { e164 } = uniquePhone();
    issue(e164);
    issue(e164);
    const [first, second] = codesTextedTo(e164);
    if (first !== second) expect(check(e164, first!)).toMatchObject({ ok: false });
    expect(check(e164, second!).ok).toBe(true);
  });

  it("that was never sent (a sign-in to a number with no account) matches nothing", () => {
    const { e164 } = uniquePhone();
    expect(issue(e164, { purpose: "sign_in", send: false }).ok).toBe(true);
    expect(codesTextedTo(e164)).toEqual([]);
    const tries = Array.from({ length: MAX_WRONG_TRIES }, (_, n) => check(e164, String(n).padStart(6, "0"), "sign_in"));
    expect(tries.every((result) => !result.ok)).toBe(true);
  });
});

describe("limits", () => {
  it("allows three codes to a number in 15 minutes and ten a day, saying when to try again", () => {
    const { e164 } = uniquePhone();
    for (let n = 0; n < 3; n += 1) expect(issue(e164).ok).toBe(true);
    clock.set(T0 + 5 * MINUTE);
    const refused = issue(e164);
    expect(refused).toMatchObject({ ok: false, status: 429, retryAfterSeconds: 10 * 60 });
    expect(!refused.ok && refused.message).toBe("We have sent several codes to this number already. Please try again in 10 minutes. A code we sent in the last 10 minutes still works.");
    expect(codesTextedTo(e164)).toHaveLength(3);
    // Spread out, the number gets ten a day, then no more until the first is a day old.
    for (let n = 3; n < 10; n += 1) {
      clock.set(T0 + n * 15 * MINUTE);
      expect(issue(e164).ok, `code ${n + 1}`).toBe(true);
    }
    clock.set(T0 + 10 * 15 * MINUTE);
    expect(issue(e164)).toMatchObject({ ok: false, status: 429 });
    clock.set(T0 + DAY + 1);
    expect(issue(e164).ok).toBe(true);
  });

  it("counts codes sent from one account to several numbers", async () => {
    const person = await createUser();
    for (let n = 0; n < 10; n += 1) expect(issue(uniquePhone().e164, { purpose: "verify", userId: person.id }).ok).toBe(true);
    expect(issue(uniquePhone().e164, { purpose: "verify", userId: person.id })).toMatchObject({
      ok: false,
      status: 429,
      message: "We have sent several codes for your account today. Please try again in 24 hours.",
    });
    // Another account is not held back.
    const other = await createUser();
    expect(issue(uniquePhone().e164, { purpose: "verify", userId: other.id }).ok).toBe(true);
  });

  it("keeps rows only as long as the daily limit needs them", () => {
    const { e164 } = uniquePhone();
    issue(e164);
    clock.set(T0 + DAY + 1);
    issue(uniquePhone().e164);
    expect(db.select().from(phoneCodes).where(eq(phoneCodes.phone, e164)).all()).toEqual([]);
  });
});
