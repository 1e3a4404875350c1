import { and, eq } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { auditLog, dataSubjectRequests, emailTokens, outbox } from "~db/schema";
import { issuePhoneCode } from "~/modules/auth/phone-codes.server";
import { resetRateLimits } from "~/modules/auth/rate-limit.server";
import { confirmEmailLink, hasSecondFactor, signInWithPhoneCode } from "~/modules/auth/index.server";
import { scheduledErasureOf } from "~/modules/privacy/index.server";
import { clock, DAY, HOUR, MINUTE } from "~/utils/clock.server";
import { action as accountAction } from "~/routes/me.account";
import { action as deleteAction, loader as deleteLoader } from "~/routes/me.privacy_.delete";
import { action as stepUpAction, loader as stepUpLoader } from "~/routes/me.step-up";
import { createUser, formRequest, freshIp, getRequest, loadContext, routeArgs, signIn, uniqueEmail } from "../support/factories";
import { phoneOnlyAccount } from "../support/phone-accounts";
import { codesTextedTo, giveVerifiedPhone, lastCodeTextedTo, uniquePhone } from "../support/phone-factories";
import { runRoute } from "../support/route-results";
import { codeNow, keyFromSecret, postTwoFactor, twoFactorPage } from "../support/two-factor";

// An account made with a phone number has no password to type again: where others confirm a
// change with their password (deleting the account, two-factor sign-in, the email address), it
// asks for a code texted to its number, in two steps on the same page.

const T0 = Date.UTC(2026, 11, 3, 9, 0, 0);
beforeEach(() => {
  clock.set(T0);
  resetRateLimits();
});
afterAll(() => clock.set(null));

const WRONG = "That code is not right. Check the text message and try again.";
const EXPIRED = "That code has expired or has already been used. Ask for a new code.";

/** A six-digit code that is not `code`. */
const otherThan = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

const postDelete = (cookie: string, fields: Record<string, string>, ip = freshIp()) =>
  runRoute(() => deleteAction(routeArgs({ request: formRequest("/me/privacy/delete", fields, { cookie }), context: loadContext(ip), params: {} })));
const loadDelete = (cookie: string) => runRoute(() => deleteLoader(routeArgs({ request: getRequest("/me/privacy/delete", { cookie }), context: loadContext(), params: {} })));
const requestsOf = (userId: string) => db.select().from(dataSubjectRequests).where(eq(dataSubjectRequests.userId, userId)).all();

describe("deleting an account made with a phone number", () => {
  it("offers a texted code instead of a password, refuses a wrong or expired one, and schedules the erasure with the right one", async () => {
    const { phone, cookie, userId } = await phoneOnlyAccount();
    expect((await loadDelete(cookie)).data).toMatchObject({ confirmation: { by: "phone", phone: phone.typed } });

    const none = await postDelete(cookie, { intent: "delete", code: "123456" });
    expect(none.status).toBe(400);
    expect(none.data).toMatchObject({ error: { code: [EXPIRED] } });

    const sent = await postDelete(cookie, { intent: "send-confirm-code" });
    expect(sent.status).toBe(200);
    expect(sent.data).toMatchObject({ status: "success", initialValue: { intent: "send-confirm-code" } });
    const code = lastCodeTextedTo(phone.e164);
    expect(codesTextedTo(phone.e164)).toHaveLength(2);

    const wrong = await postDelete(cookie, { intent: "delete", code: otherThan(code) });
    expect(wrong.status).toBe(400);
    expect(wrong.data).toMatchObject({ error: { code: [WRONG] }, initialValue: { intent: "delete" } });
    expect(scheduledErasureOf(userId)).toBeNull();

    clock.advance(10 * MINUTE);
    const late = await postDelete(cookie, { intent: "delete", code });
    expect(late.data).toMatchObject({ error: { code: [EXPIRED] } });
    expect(scheduledErasureOf(userId)).toBeNull();

    await postDelete(cookie, { intent: "send-confirm-code" });
    const done = await postDelete(cookie, { intent: "delete", code: lastCodeTextedTo(phone.e164) });
    expect(done.status).toBe(302);
    expect(scheduledErasureOf(userId)).toMatchObject({ eraseAt: clock.now() + 14 * DAY });
    expect(requestsOf(userId)).toMatchObject([{ kind: "erasure", status: "scheduled" }]);
    const audit = db.select().from(auditLog).where(and(eq(auditLog.targetId, userId), eq(auditLog.action, "erasure.requested"))).all();
    expect(audit).toHaveLength(1);
  });

  it("uses a code once: after the erasure is cancelled, the same code does not confirm it again", async () => {
    const { phone, cookie, userId } = await phoneOnlyAccount();
    await postDelete(cookie, { intent: "send-confirm-code" });
    const code = lastCodeTextedTo(phone.e164);
    expect((await postDelete(cookie, { intent: "delete", code })).status).toBe(302);
    expect((await postDelete(cookie, { intent: "cancel" })).status).toBe(302);
    expect(scheduledErasureOf(userId)).toBeNull();

    const again = await postDelete(cookie, { intent: "delete", code });
    expect(again.status).toBe(400);
    expect(again.data).toMatchObject({ error: { code: [EXPIRED] } });
    expect(scheduledErasureOf(userId)).toBeNull();
  });

  it("counts wrong codes like wrong passwords: the number's sign-in lock-out holds, then the code still works", async () => {
    const { phone, cookie, userId } = await phoneOnlyAccount();
    const ip = freshIp();
    await postDelete(cookie, { intent: "send-confirm-code" }, ip);
    const first = lastCodeTextedTo(phone.e164);
    for (let n = 0; n < 5; n += 1) expect((await postDelete(cookie, { intent: "delete", code: otherThan(first) }, ip)).status).toBe(400);

    await postDelete(cookie, { intent: "send-confirm-code" }, ip);
    const fresh = lastCodeTextedTo(phone.e164);
    const blocked = await postDelete(cookie, { intent: "delete", code: fresh }, ip);
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get("Retry-After")).toMatch(/^\d+$/);
    // The same lock-out as signing in with the number.
    expect((await runRoute(() => signInWithPhoneCode({ phone: phone.e164, code: fresh, ip: freshIp(), userAgent: null }))).status).toBe(429);
    expect(scheduledErasureOf(userId)).toBeNull();

    resetRateLimits();
    expect((await postDelete(cookie, { intent: "delete", code: fresh }, ip)).status).toBe(302);
  });

  it("keeps to the limit on codes per number, saying so in the form", async () => {
    const { phone, cookie } = await phoneOnlyAccount();
    // The sign-up's code counts too: three codes to a number in fifteen minutes.
    expect((await postDelete(cookie, { intent: "send-confirm-code" })).status).toBe(200);
    expect((await postDelete(cookie, { intent: "send-confirm-code" })).status).toBe(200);
    const refused = await postDelete(cookie, { intent: "send-confirm-code" });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("Retry-After")).toMatch(/^\d+$/);
    expect(refused.data).toMatchObject({ initialValue: { intent: "send-confirm-code" }, error: { "": [expect.stringContaining("We have sent several codes to this number already")] } });
    expect(codesTextedTo(phone.e164)).toHaveLength(3);
  });

  it("counts confirmation codes against the account's daily limit too, whatever number they went to", async () => {
    const person = await createUser();
    const issue = (phone: string) => db.transaction((tx) => issuePhoneCode(tx, { purpose: "confirm", phone, userId: person.id, send: true, now: clock.now() }));
    for (let n = 0; n < 10; n += 1) expect(issue(uniquePhone().e164).ok).toBe(true);
    expect(issue(uniquePhone().e164)).toMatchObject({ ok: false, status: 429, message: expect.stringContaining("We have sent several codes for your account today") });
  });
});

describe("an account with a password", () => {
  it("still confirms with its password, even with a verified number: no code is texted and a code is not enough", async () => {
    const person = await createUser({ name: "Tunde Password" });
    const phone = uniquePhone();
    giveVerifiedPhone(person, phone.e164);
    const { cookieHeader: cookie } = signIn(person.id);
    expect((await loadDelete(cookie)).data).toMatchObject({ confirmation: { by: "password" } });

    const asked = await postDelete(cookie, { intent: "send-confirm-code" });
    expect(asked.status).toBe(409);
    expect(codesTextedTo(phone.e164)).toEqual([]);
    const byCode = await postDelete(cookie, { intent: "delete", code: "123456" });
    expect(byCode.status).toBe(400);
    expect(byCode.data).toMatchObject({ error: { password: ["Enter your password"] } });
    expect((await postDelete(cookie, { intent: "delete", password: "not my password" })).status).toBe(400);
    expect(scheduledErasureOf(person.id)).toBeNull();

    expect((await postDelete(cookie, { intent: "delete", password: person.password })).status).toBe(302);
    expect(scheduledErasureOf(person.id)).not.toBeNull();
  });
});

describe("two-factor sign-in and step-up without a password", () => {
  it("sets up an authenticator app with a texted code, steps up with it, and removes it with another texted code", async () => {
    const { phone, cookie, userId } = await phoneOnlyAccount();
    const stepUpPage = await runRoute(() => stepUpLoader(routeArgs({ request: getRequest("/me/step-up?redirectTo=/me", { cookie }), context: loadContext(), params: {} })));
    expect(stepUpPage.status).toBe(302);
    expect(stepUpPage.headers.get("Location")).toBe("/me/two-factor?redirectTo=%2Fme");
    expect(await twoFactorPage(cookie)).toMatchObject({ confirmation: { by: "phone", phone: phone.typed } });

    expect((await postTwoFactor(cookie, { intent: "start", password: "anything" })).status).toBe(400);
    expect((await postTwoFactor(cookie, { intent: "send-confirm-code" })).status).toBe(200);
    expect((await postTwoFactor(cookie, { intent: "start", code: lastCodeTextedTo(phone.e164) })).status).toBe(302);
    const page = await twoFactorPage(cookie);
    if (page.status.state !== "enrolling") throw new Error(`expected the enrolment step, got ${page.status.state}`);
    const key = keyFromSecret(page.status.secret);
    expect((await postTwoFactor(cookie, { intent: "confirm", code: codeNow(key) })).status).toBe(200);

    // An hour later a sensitive action asks again, and the authenticator answers.
    clock.advance(2 * HOUR);
    const stepped = await runRoute(() => stepUpAction(routeArgs({ request: formRequest("/me/step-up", { code: codeNow(key), redirectTo: "/me" }, { cookie }), context: loadContext(freshIp()), params: {} })));
    expect(stepped.status).toBe(302);
    expect(stepped.headers.get("Location")).toBe("/me");

    await postTwoFactor(cookie, { intent: "send-confirm-code" });
    const code = lastCodeTextedTo(phone.e164);
    expect((await postTwoFactor(cookie, { intent: "remove", code: otherThan(code) })).status).toBe(400);
    expect(hasSecondFactor(userId)).toBe(true);
    expect((await postTwoFactor(cookie, { intent: "remove", code })).status).toBe(302);
    expect(hasSecondFactor(userId)).toBe(false);
  });
});

describe("changing the email address without a password", () => {
  it("sends the link once a texted code confirms it, keeping the new address typed between the steps", async () => {
    const { phone, cookie, userId } = await phoneOnlyAccount();
    const postAccount = (fields: Record<string, string>) =>
      runRoute(() => accountAction(routeArgs({ request: formRequest("/me/account", fields, { cookie }), context: loadContext(freshIp()), params: {} })));
    const first = uniqueEmail("first");
    await postAccount({ intent: "add-email", newEmail: first });
    const url = String(db.select().from(outbox).where(and(eq(outbox.recipient, first), eq(outbox.template, "change-email"))).get()!.props.url);
    expect(confirmEmailLink(new URL(url).searchParams.get("token")!)).toMatchObject({ ok: true, email: first });

    const next = uniqueEmail("next");
    const asked = await postAccount({ intent: "send-confirm-code", newEmail: next });
    expect(asked.data).toMatchObject({ initialValue: { intent: "send-confirm-code", newEmail: next } });
    const wrong = await postAccount({ intent: "change-email", newEmail: next, code: otherThan(lastCodeTextedTo(phone.e164)) });
    expect(wrong.data).toMatchObject({ error: { code: [WRONG] }, initialValue: { newEmail: next } });
    expect(db.select().from(emailTokens).where(and(eq(emailTokens.userId, userId), eq(emailTokens.email, next))).all()).toEqual([]);

    expect((await postAccount({ intent: "change-email", newEmail: next, code: lastCodeTextedTo(phone.e164) })).status).toBe(302);
    expect(db.select().from(emailTokens).where(and(eq(emailTokens.userId, userId), eq(emailTokens.email, next))).all()).toHaveLength(1);
  });
});
