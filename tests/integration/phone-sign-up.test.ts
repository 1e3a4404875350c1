import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { consentRecords, outbox, pendingLogins, phoneCodes, users } from "~db/schema";
import { resetRateLimits } from "~/modules/auth/rate-limit.server";
import { verifiedPhoneOf } from "~/modules/outbox/index.server";
import { clock } from "~/utils/clock.server";
import { isPlaceholderAddress } from "~/utils/redact.server";
import { PENDING_LOGIN_COOKIE } from "~/utils/session-cookie.server";
import { getUser } from "~/routes/helpers/session.server";
import { action as loginPhoneAction } from "~/routes/login_.phone";
import { action as signupPhoneAction } from "~/routes/signup.phone";
import { cookieHeaderFrom, createUser, formRequest, freshIp, getRequest, loadContext, routeArgs, sessionCookieName, signIn } from "../support/factories";
import { codesTextedTo, giveVerifiedPhone, lastCodeTextedTo, uniquePhone } from "../support/phone-factories";
import { runRoute, setCookies, type RouteResult } from "../support/route-results";
import { enrolTotp } from "../support/two-factor";

// Signing up and logging in with a mobile number and a code texted to it (ADR 0032).

const T0 = Date.UTC(2026, 11, 3, 9, 0, 0);
beforeEach(() => {
  clock.set(T0);
  resetRateLimits();
});
afterAll(() => clock.set(null));

const ADULT = { name: "Chidi Eze", birthDate: "1996-05-14", privacyNotice: "on", terms: "on" };

function post(action: typeof signupPhoneAction, path: string, fields: Record<string, string>, ip = freshIp()) {
  return runRoute(() => action(routeArgs({ request: formRequest(path, fields), context: loadContext(ip), params: {} })));
}
const signup = (fields: Record<string, string>, ip?: string) => post(signupPhoneAction, "/signup/phone", fields, ip);
const login = (fields: Record<string, string>, ip?: string) => post(loginPhoneAction, "/login/phone", fields, ip);

const userCount = () => db.select({ n: sql<number>`count(*)` }).from(users).get()!.n;

/** The signed-in person behind a result's session cookie, or null. */
function personSignedInBy(result: RouteResult) {
  const cookie = setCookies(result).find((value) => value.startsWith(`${sessionCookieName()}=`));
  return cookie ? getUser(getRequest("/me", { cookie: cookieHeaderFrom(cookie) })) : null;
}

describe("signing up with a mobile number", () => {
  it("texts a code, then makes the account with the number verified, no email and no password, and signs it in", async () => {
    const phone = uniquePhone();
    const before = userCount();
    const sent = await signup({ intent: "send-code", ...ADULT, phone: phone.typed, optionalUses: "impact_stories" });
    expect(sent.status).toBe(200);
    expect(sent.data).toEqual({ step: "code", phone: phone.e164, display: phone.typed });
    expect(userCount()).toBe(before);

    const done = await signup({ intent: "check-code", phone: phone.e164, code: lastCodeTextedTo(phone.e164) });
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe("/me");
    const person = personSignedInBy(done)!;
    expect(person).toMatchObject({ name: "Chidi Eze", roles: ["participant"], awaitingGuardian: false });
    expect(isPlaceholderAddress(person.email)).toBe(true);
    const row = db.select().from(users).where(eq(users.id, person.id)).get()!;
    expect(row).toMatchObject({ birthDate: "1996-05-14", passwordHash: "!phone-only" });
    expect(verifiedPhoneOf(person.id)).toBe(phone.e164);
    const agreed = db.select().from(consentRecords).where(and(eq(consentRecords.userId, person.id), eq(consentRecords.granted, true))).all();
    expect(agreed.map((c) => c.purpose).sort()).toEqual(["impact_stories", "privacy_notice", "terms"]);
    // The answers waited with the code and are gone once it was used.
    expect(db.select().from(phoneCodes).where(eq(phoneCodes.phone, phone.e164)).all().map((c) => c.pending)).toEqual([null]);
  });

  it("keeps what was typed and says what to fix, as /signup does", async () => {
    const result = await signup({ intent: "send-code", name: "Chidi Eze", phone: "0201 234 5678", birthDate: "1996-05-14", terms: "on" });
    expect(result.status).toBe(400);
    const reply = result.data as { initialValue: Record<string, unknown>; error: Record<string, string[]> };
    expect(reply.error.phone).toEqual(["Enter a mobile number like 0803 123 4567"]);
    expect(reply.error.privacyNotice).toEqual(["Tick the box to say you have read the privacy notice"]);
    expect(reply.initialValue).toMatchObject({ name: "Chidi Eze", phone: "0201 234 5678", birthDate: "1996-05-14" });
  });

  it("asks a parent or guardian under age, by email, once the code is back", async () => {
    const phone = uniquePhone();
    const guardianEmail = "mum-of-tobi@example.org";
    const sent = await signup({ intent: "send-code", ...ADULT, name: "Tobi", birthDate: "2011-01-20", phone: phone.typed, guardianEmail });
    expect(sent.status).toBe(200);
    const done = await signup({ intent: "check-code", phone: phone.e164, code: lastCodeTextedTo(phone.e164) });
    expect(done.status).toBe(302);
    expect(personSignedInBy(done)).toMatchObject({ name: "Tobi", awaitingGuardian: true });
    expect(db.select().from(outbox).where(and(eq(outbox.recipient, guardianEmail), eq(outbox.template, "guardian-consent-request"))).all()).toHaveLength(1);
  });

  it("answers a number that already has an account exactly like a new one, and the code signs its owner in", async () => {
    const owner = await createUser({ name: "First Owner" });
    const phone = uniquePhone();
    giveVerifiedPhone(owner, phone.e164);
    const before = userCount();
    const sent = await signup({ intent: "send-code", ...ADULT, phone: phone.typed });
    expect(sent.status).toBe(200);
    expect(sent.data).toEqual({ step: "code", phone: phone.e164, display: phone.typed });
    const done = await signup({ intent: "check-code", phone: phone.e164, code: lastCodeTextedTo(phone.e164) });
    expect(personSignedInBy(done)).toMatchObject({ id: owner.id, name: "First Owner" });
    expect(userCount()).toBe(before);
  });

  it("keeps the second step after a wrong code, and a new code can be asked for with the same answers", async () => {
    const phone = uniquePhone();
    await signup({ intent: "send-code", ...ADULT, phone: phone.typed });
    const first = lastCodeTextedTo(phone.e164);
    const wrong = await signup({ intent: "check-code", phone: phone.e164, code: first === "000000" ? "111111" : "000000" });
    expect(wrong.status).toBe(400);
    expect(wrong.data).toMatchObject({ step: "code", phone: phone.e164, codeResult: { error: { code: ["That code is not right. Check the text message and try again."] } } });

    const resent = await signup({ intent: "resend-code", phone: phone.e164 });
    expect(resent.data).toMatchObject({ step: "code", phone: phone.e164, resent: true });
    expect(codesTextedTo(phone.e164)).toHaveLength(2);
    const done = await signup({ intent: "check-code", phone: phone.e164, code: lastCodeTextedTo(phone.e164) });
    expect(personSignedInBy(done)).toMatchObject({ name: "Chidi Eze" });
  });

  it("starts again when there are no answers left to send a new code for", async () => {
    const result = await signup({ intent: "resend-code", phone: uniquePhone().e164 });
    expect(result.status).toBe(302);
    expect(result.headers.get("location")).toBe("/signup/phone");
  });

  it("keeps the form filled in when the network has sent too many codes", async () => {
    const ip = freshIp();
    for (let n = 0; n < 60; n += 1) expect((await login({ intent: "send-code", phone: uniquePhone().typed }, ip)).status, `code ${n + 1}`).toBe(200);
    const refused = await signup({ intent: "send-code", ...ADULT, phone: uniquePhone().typed, optionalUses: "news" }, ip);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    const reply = refused.data as { initialValue: Record<string, unknown>; error: Record<string, string[]> };
    expect(reply.error[""]?.[0]).toMatch(/^Many codes have been sent from this network .* Please try again in \d+ (minute|hour)s?, or switch to mobile data\. What you typed is still here\.$/);
    expect(reply.initialValue).toMatchObject({ name: "Chidi Eze", birthDate: "1996-05-14", privacyNotice: "on", terms: "on", optionalUses: "news" });
  });
});

describe("logging in with a mobile number", () => {
  it("texts a code to the number's account, and the code opens a session", async () => {
    const person = await createUser({ name: "Ngozi" });
    const phone = uniquePhone();
    giveVerifiedPhone(person, phone.e164);
    const sent = await login({ intent: "send-code", phone: phone.typed, redirectTo: "/me/programme" });
    expect(sent.data).toEqual({ step: "code", phone: phone.e164, display: phone.typed });
    const done = await login({ intent: "check-code", phone: phone.e164, code: lastCodeTextedTo(phone.e164), redirectTo: "/me/programme" });
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe("/me/programme");
    expect(personSignedInBy(done)).toMatchObject({ id: person.id });
  });

  it("gives a number without an account the same answer, texts it nothing, and no code opens anything", async () => {
    const phone = uniquePhone();
    const sent = await login({ intent: "send-code", phone: phone.typed });
    expect(sent).toMatchObject({ status: 200, data: { step: "code", phone: phone.e164, display: phone.typed } });
    expect(codesTextedTo(phone.e164)).toEqual([]);
    const tried = await login({ intent: "check-code", phone: phone.e164, code: "123456" });
    expect(tried.status).toBe(400);
    expect(tried.data).toMatchObject({ codeResult: { error: { code: ["That code is not right. Check the text message and try again."] } } });
    expect(personSignedInBy(tried)).toBeNull();
  });

  it("asks an account with two-factor sign-in for its second factor, as /login does", async () => {
    const organiser = await createUser({ roles: ["organiser"] });
    await enrolTotp(organiser, signIn(organiser.id).cookieHeader);
    const phone = uniquePhone();
    giveVerifiedPhone(organiser, phone.e164);
    await login({ intent: "send-code", phone: phone.typed, redirectTo: "/admin" });
    const done = await login({ intent: "check-code", phone: phone.e164, code: lastCodeTextedTo(phone.e164), redirectTo: "/admin" });
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe("/login/code?redirectTo=%2Fadmin");
    expect(setCookies(done).some((value) => value.startsWith(`${PENDING_LOGIN_COOKIE}=`))).toBe(true);
    expect(personSignedInBy(done)).toBeNull();
    expect(db.select().from(pendingLogins).where(eq(pendingLogins.userId, organiser.id)).all()).toHaveLength(1);
  });
});
