import { and, eq } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { auditLog, consentRecords, emailTokens, outbox, users } from "~db/schema";
import { resetRateLimits } from "~/modules/auth/rate-limit.server";
import { contactOf, verifiedPhoneOf } from "~/modules/outbox/index.server";
import { confirmEmailLink } from "~/modules/auth/index.server";
import { clock } from "~/utils/clock.server";
import { action as accountAction, loader as accountLoader } from "~/routes/me.account";
import { createUser, formRequest, freshIp, getRequest, loadContext, routeArgs, signIn, uniqueEmail } from "../support/factories";
import { loadPhone, personWithPhone, phoneOnlyAccount, postPhone } from "../support/phone-accounts";
import { lastCodeTextedTo, uniquePhone } from "../support/phone-factories";
import { runRoute } from "../support/route-results";

// /me/phone: a number added or changed with a code, WhatsApp said yes or no to (and recorded), the
// number taken off unless it is the account's only way in; /me/account for an account made by phone.

const T0 = Date.UTC(2026, 11, 3, 9, 0, 0);
beforeEach(() => {
  clock.set(T0);
  resetRateLimits();
});
afterAll(() => clock.set(null));

const auditOf = (userId: string) => db.select().from(auditLog).where(eq(auditLog.targetId, userId)).all().map((row) => row.action);

describe("adding a number", () => {
  it("texts a code, and the code puts the number on the account, verified, with an audit entry", async () => {
    const person = await createUser();
    const phone = uniquePhone();
    const { cookieHeader } = signIn(person.id);
    const sent = await postPhone(cookieHeader, { intent: "send-code", phone: `+234 ${phone.typed.slice(1)}` });
    expect(sent.data).toEqual({ step: "code", phone: phone.e164, display: phone.typed });
    expect(verifiedPhoneOf(person.id)).toBeNull();

    const done = await postPhone(cookieHeader, { intent: "check-code", phone: phone.e164, code: lastCodeTextedTo(phone.e164) });
    expect(done.status).toBe(302);
    expect(verifiedPhoneOf(person.id)).toBe(phone.e164);
    expect(auditOf(person.id)).toContain("phone.added");
    expect((await loadPhone(cookieHeader)).data).toEqual({ phone: phone.typed, whatsapp: false, hasEmail: true, confirmation: { by: "password" } });
  });

  it("refuses a number verified on another account only once its holder has typed the code", async () => {
    const { phone } = await personWithPhone();
    const other = await createUser();
    const { cookieHeader } = signIn(other.id);
    const sent = await postPhone(cookieHeader, { intent: "send-code", phone: phone.typed });
    expect(sent.data).toMatchObject({ step: "code", phone: phone.e164 });
    const done = await postPhone(cookieHeader, { intent: "check-code", phone: phone.e164, code: lastCodeTextedTo(phone.e164) });
    expect(done.status).toBe(409);
    expect(done.data).toMatchObject({ step: "code", codeResult: { error: { "": ["That number is already on another account."] } } });
    expect(verifiedPhoneOf(other.id)).toBeNull();
  });

  it("keeps a landline out, with the example at the field", async () => {
    const { cookieHeader } = signIn((await createUser()).id);
    const result = await postPhone(cookieHeader, { intent: "send-code", phone: "0201 234 5678" });
    expect(result.status).toBe(400);
    expect(result.data).toMatchObject({ error: { phone: ["Enter a mobile number like 0803 123 4567"] }, initialValue: { phone: "0201 234 5678" } });
  });
});

describe("WhatsApp", () => {
  it("needs a verified number first", async () => {
    const { cookieHeader } = signIn((await createUser()).id);
    const result = await postPhone(cookieHeader, { intent: "whatsapp", whatsapp: "on" });
    expect(result.status).toBe(400);
    expect(result.data).toMatchObject({ error: { whatsapp: ["Add and verify your mobile number first."] } });
  });

  it("records yes and no as consents, with audit entries, and no stops it at once", async () => {
    const { person, cookie } = await personWithPhone();
    expect((await postPhone(cookie, { intent: "whatsapp", whatsapp: "on" })).status).toBe(302);
    expect(contactOf(person.id)?.whatsappOptInAt).toBe(T0);
    expect((await postPhone(cookie, { intent: "whatsapp" })).status).toBe(302);
    expect(contactOf(person.id)?.whatsappOptInAt).toBeNull();
    const answers = db.select().from(consentRecords).where(and(eq(consentRecords.userId, person.id), eq(consentRecords.purpose, "whatsapp"))).all();
    expect(answers.map((row) => [row.granted, row.source])).toEqual([
      [true, "settings"],
      [false, "settings"],
    ]);
    expect(auditOf(person.id)).toEqual(expect.arrayContaining(["whatsapp.opted-in", "whatsapp.opted-out"]));
  });
});

describe("removing the number", () => {
  it("takes it off an account that has an email address, WhatsApp with it", async () => {
    const { person, cookie } = await personWithPhone();
    await postPhone(cookie, { intent: "whatsapp", whatsapp: "on" });
    expect((await postPhone(cookie, { intent: "remove-phone", password: person.password })).status).toBe(302);
    expect(verifiedPhoneOf(person.id)).toBeNull();
    expect(contactOf(person.id)?.whatsappOptInAt).toBeNull();
    expect(auditOf(person.id)).toContain("phone.removed");
    const last = db.select().from(consentRecords).where(and(eq(consentRecords.userId, person.id), eq(consentRecords.purpose, "whatsapp"))).all().at(-1);
    expect(last?.granted).toBe(false);
  });

  it("refuses when the number is the account's only way in", async () => {
    const { phone, cookie, userId } = await phoneOnlyAccount();
    const result = await postPhone(cookie, { intent: "remove-phone", code: "123456" });
    expect(result.status).toBe(409);
    expect(verifiedPhoneOf(userId)).toBe(phone.e164);
  });
});

describe("an account made with a phone number", () => {
  it("shows no email address in its settings, and adds one through a link sent to it", async () => {
    const { phone, cookie, userId } = await phoneOnlyAccount();
    const page = await runRoute(() => accountLoader(routeArgs({ request: getRequest("/me/account", { cookie }), context: loadContext(), params: {} })));
    expect(page.data).toMatchObject({ email: null, hasPassword: false });

    const email = uniqueEmail("found");
    const asked = await runRoute(() => accountAction(routeArgs({ request: formRequest("/me/account", { intent: "add-email", newEmail: email }, { cookie }), context: loadContext(freshIp()), params: {} })));
    expect(asked.status).toBe(302);
    expect(db.select().from(outbox).where(and(eq(outbox.recipient, email), eq(outbox.template, "change-email"))).all()).toHaveLength(1);

    expect(db.select().from(emailTokens).where(eq(emailTokens.userId, userId)).get()?.email).toBe(email);
    const url = String(db.select().from(outbox).where(eq(outbox.recipient, email)).get()!.props.url);
    const confirmed = confirmEmailLink(new URL(url).searchParams.get("token")!);
    expect(confirmed).toMatchObject({ ok: true, kind: "changed", email });
    expect(db.select({ email: users.email }).from(users).where(eq(users.id, userId)).get()?.email).toBe(email);
    // With an email address, the number may now be taken off, with a code texted to it.
    expect((await postPhone(cookie, { intent: "send-confirm-code", confirming: "remove-phone" })).status).toBe(200);
    expect((await postPhone(cookie, { intent: "remove-phone", code: lastCodeTextedTo(phone.e164) })).status).toBe(302);
    expect(verifiedPhoneOf(userId)).toBeNull();
  });
});
