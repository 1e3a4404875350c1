import { and, eq } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { auditLog, outbox } from "~db/schema";
import { sendPhoneVerification } from "~/modules/auth/index.server";
import { resetRateLimits } from "~/modules/auth/rate-limit.server";
import { userIdByPhone, verifiedPhoneOf } from "~/modules/outbox/index.server";
import { clock, MINUTE } from "~/utils/clock.server";
import { renderShortText } from "~emails/registry";
import { createUser, freshIp, signIn } from "../support/factories";
import { organisation } from "../support/email-examples";
import { personWithPhone, phoneOnlyAccount, postPhone } from "../support/phone-accounts";
import { codesTextedTo, lastCodeTextedTo, uniquePhone } from "../support/phone-factories";

// /me/phone: with a stolen session alone nobody can move an account's verified number to their
// own phone. Changing or removing it asks for the password, or for an account without one a code
// texted to the current number; the old number is told by SMS once the change is made.

const T0 = Date.UTC(2026, 11, 3, 9, 0, 0);
beforeEach(() => {
  clock.set(T0);
  resetRateLimits();
});
afterAll(() => clock.set(null));

const WRONG_PASSWORD = "Your password is incorrect";
const WRONG_CODE = "That code is not right. Check the text message and try again.";
const START_AGAIN = "For your security, start again: enter the new number and confirm it is you.";

/** A six-digit code that is not `code`. */
const otherThan = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

/** What was queued for a number about a change of number. */
const noticesTo = (phone: string) => db.select().from(outbox).where(and(eq(outbox.recipient, phone), eq(outbox.template, "phone-changed"))).all();

const auditOf = (userId: string) => db.select().from(auditLog).where(eq(auditLog.targetId, userId)).all().map((row) => row.action);

/** "0803 *** 4567", as the notice's SMS writes a number. */
const maskedInSms = (phone: { typed: string }) => `${phone.typed.slice(0, 4)} *** ${phone.typed.slice(-4)}`;

describe("changing a verified number, with a password", () => {
  it("is refused without the password or with a wrong one, keeping the number typed and texting nothing", async () => {
    const { person, phone, cookie } = await personWithPhone();
    const next = uniquePhone();

    const bare = await postPhone(cookie, { intent: "send-code", phone: next.typed });
    expect(bare.status).toBe(400);
    expect(bare.data).toMatchObject({ error: { password: ["Enter your password"] }, initialValue: { phone: next.typed } });

    const wrong = await postPhone(cookie, { intent: "send-code", phone: next.typed, password: "not-my-password" });
    expect(wrong.status).toBe(400);
    expect(wrong.data).toMatchObject({ error: { password: [WRONG_PASSWORD] }, initialValue: { phone: next.typed } });
    expect((wrong.data as { initialValue: Record<string, unknown> }).initialValue).not.toHaveProperty("password");

    // The area's own door holds too, whatever page calls it.
    expect(await sendPhoneVerification(person, next.e164, freshIp())).toMatchObject({ ok: false, field: "password" });

    expect(codesTextedTo(next.e164)).toEqual([]);
    expect(verifiedPhoneOf(person.id)).toBe(phone.e164);
  });

  it("with the password, a code to the new number moves it, and the old number is told by SMS", async () => {
    const { person, phone, cookie } = await personWithPhone();
    const next = uniquePhone();

    const sent = await postPhone(cookie, { intent: "send-code", phone: next.typed, password: person.password });
    expect(sent.data).toEqual({ step: "code", phone: next.e164, display: next.typed });
    expect(verifiedPhoneOf(person.id)).toBe(phone.e164);
    expect(noticesTo(phone.e164)).toEqual([]);

    const done = await postPhone(cookie, { intent: "check-code", phone: next.e164, code: lastCodeTextedTo(next.e164) });
    expect(done.status).toBe(302);
    expect(verifiedPhoneOf(person.id)).toBe(next.e164);
    expect(userIdByPhone(phone.e164)).toBeNull();
    expect(auditOf(person.id)).toEqual(expect.arrayContaining(["phone.added", "phone.changed"]));

    const [notice, ...more] = noticesTo(phone.e164);
    expect(more).toEqual([]);
    expect(notice.onlyChannel).toBe("sms");
    // The old number may belong to someone else by now: it never learns the whole new one.
    expect(JSON.stringify(notice.props)).not.toContain(next.e164.slice(4, -4));
    expect(renderShortText("phone-changed", notice.props as never, organisation)).toBe(
      `Rise Again Lagos: your mobile number on Rise Again Lagos was changed to ${maskedInSms(next)}. If this was not you, contact us at hello@riseagain.example.`,
    );
    expect(noticesTo(next.e164)).toEqual([]);
  });

  it("keeps the proof for a new code to the same number for half an hour, then asks to start again", async () => {
    const { person, phone, cookie } = await personWithPhone();
    const next = uniquePhone();
    await postPhone(cookie, { intent: "send-code", phone: next.typed, password: person.password });

    const resent = await postPhone(cookie, { intent: "resend-code", phone: next.e164 });
    expect(resent.data).toMatchObject({ step: "code", phone: next.e164, resent: true });
    expect(codesTextedTo(next.e164)).toHaveLength(2);

    clock.advance(31 * MINUTE);
    const stale = await postPhone(cookie, { intent: "resend-code", phone: next.e164 });
    expect(stale.status).toBe(409);
    expect(stale.data).toMatchObject({ step: "code", codeResult: { error: { "": [START_AGAIN] } } });
    expect(codesTextedTo(next.e164)).toHaveLength(2);

    // Nor does a new code come for a number never asked for with the password.
    const other = uniquePhone();
    expect((await postPhone(cookie, { intent: "resend-code", phone: other.e164 })).status).toBe(409);
    expect(codesTextedTo(other.e164)).toEqual([]);
    expect(verifiedPhoneOf(person.id)).toBe(phone.e164);
  });

  it("never lets a code asked for before the account had a number replace the number later", async () => {
    const person = await createUser();
    const { cookieHeader: cookie } = signIn(person.id);
    const early = uniquePhone();
    const mine = uniquePhone();
    await postPhone(cookie, { intent: "send-code", phone: early.typed });
    await postPhone(cookie, { intent: "send-code", phone: mine.typed });
    expect((await postPhone(cookie, { intent: "check-code", phone: mine.e164, code: lastCodeTextedTo(mine.e164) })).status).toBe(302);

    const late = await postPhone(cookie, { intent: "check-code", phone: early.e164, code: lastCodeTextedTo(early.e164) });
    expect(late.status).toBe(409);
    expect(late.data).toMatchObject({ step: "code", codeResult: { error: { "": [START_AGAIN] } } });
    expect(verifiedPhoneOf(person.id)).toBe(mine.e164);
    expect(noticesTo(mine.e164)).toEqual([]);
  });
});

describe("adding a first number", () => {
  it("needs only the code sent to it, and tells no other number", async () => {
    const person = await createUser();
    const { cookieHeader: cookie } = signIn(person.id);
    const phone = uniquePhone();
    const allNotices = () => db.select().from(outbox).where(eq(outbox.template, "phone-changed")).all().length;
    const noticesBefore = allNotices();
    const sent = await postPhone(cookie, { intent: "send-code", phone: phone.typed });
    expect(sent.data).toMatchObject({ step: "code", phone: phone.e164 });
    expect((await postPhone(cookie, { intent: "check-code", phone: phone.e164, code: lastCodeTextedTo(phone.e164) })).status).toBe(302);
    expect(verifiedPhoneOf(person.id)).toBe(phone.e164);
    expect(allNotices()).toBe(noticesBefore);
    expect(auditOf(person.id)).toEqual(["phone.added"]);
  });
});

describe("changing the number of an account made with a phone number", () => {
  it("asks for a code texted to the current number, refuses a wrong one, and moves the number with the right one", async () => {
    const { phone, cookie, userId } = await phoneOnlyAccount();
    const next = uniquePhone();

    const bare = await postPhone(cookie, { intent: "send-code", phone: next.typed });
    expect(bare.status).toBe(400);
    expect(bare.data).toMatchObject({ error: { code: ["Enter the 6-digit code from the text message"] }, initialValue: { phone: next.typed } });

    const asked = await postPhone(cookie, { intent: "send-confirm-code", confirming: "send-code", phone: next.typed });
    expect(asked.status).toBe(200);
    expect(asked.data).toMatchObject({ initialValue: { intent: "send-confirm-code", confirming: "send-code", phone: next.typed } });
    const code = lastCodeTextedTo(phone.e164);

    const wrong = await postPhone(cookie, { intent: "send-code", phone: next.typed, code: otherThan(code) });
    expect(wrong.status).toBe(400);
    expect(wrong.data).toMatchObject({ error: { code: [WRONG_CODE] }, initialValue: { phone: next.typed } });
    expect(codesTextedTo(next.e164)).toEqual([]);

    const sent = await postPhone(cookie, { intent: "send-code", phone: next.typed, code });
    expect(sent.data).toEqual({ step: "code", phone: next.e164, display: next.typed });
    const done = await postPhone(cookie, { intent: "check-code", phone: next.e164, code: lastCodeTextedTo(next.e164) });
    expect(done.status).toBe(302);
    expect(verifiedPhoneOf(userId)).toBe(next.e164);
    expect(noticesTo(phone.e164)).toMatchObject([{ onlyChannel: "sms", props: { name: expect.stringContaining("Amaka") } }]);
  });
});

describe("removing the number", () => {
  it("needs the password: refused without it or with a wrong one, done with it", async () => {
    const { person, phone, cookie } = await personWithPhone();
    const bare = await postPhone(cookie, { intent: "remove-phone" });
    expect(bare.status).toBe(400);
    expect(bare.data).toMatchObject({ error: { password: ["Enter your password"] } });
    const wrong = await postPhone(cookie, { intent: "remove-phone", password: "not-my-password" });
    expect(wrong.status).toBe(400);
    expect(wrong.data).toMatchObject({ error: { password: [WRONG_PASSWORD] } });
    expect(verifiedPhoneOf(person.id)).toBe(phone.e164);

    expect((await postPhone(cookie, { intent: "remove-phone", password: person.password })).status).toBe(302);
    expect(verifiedPhoneOf(person.id)).toBeNull();
    expect(auditOf(person.id)).toContain("phone.removed");
  });
});
