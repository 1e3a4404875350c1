import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { privacyNotices } from "~db/schema";
import { clock, DAY } from "~/utils/clock.server";
import { resetRateLimits } from "~/modules/auth/rate-limit.server";
import { consentsOf, findUserByEmail, giveGuardianConsent, hasOptionalConsent, needsNoticeReread } from "~/modules/auth/index.server";
import { getOrganisation, publishPrivacyNotice, updateOrganisation } from "~/modules/organisation/index.server";
import { loader as rootLoader } from "~/root";
import { action as privacyAction, loader as privacyLoader } from "~/routes/me.privacy";
import { action as settingsAction } from "~/routes/admin.settings";
import { createUser, formRequest, getRequest, loadContext, routeArgs, signIn, uniqueEmail } from "../support/factories";
import { runRoute } from "../support/route-results";
import { AGREED, birthDateForAge, consentRowsOf, createYoungPerson, multiFormRequest, postSignup } from "../support/consent-factories";

// What people agreed to, with the version and the time, and what they change later (ADR 0023).

beforeEach(() => {
  resetRateLimits();
  db.delete(privacyNotices).run();
  updateOrganisation({ adultAge: 18, under16Allowed: true });
});
afterEach(() => clock.set(null));

const errorsOf = (data: unknown) => (data as { error: Record<string, string[]> }).error;
const NOTICE = `## Who controls your data\n\nRise Again Lagos. ${"Details of what we hold and why. ".repeat(10)}`;

function postPrivacy(cookie: string, fields: Record<string, string | string[]>) {
  return runRoute(() => privacyAction(routeArgs({ request: multiFormRequest("/me/privacy", fields, { cookie }), params: {}, context: loadContext() })));
}

describe("signing up", () => {
  it("records the notice version read, the terms and each optional use, with the time, in the account's transaction", async () => {
    clock.set(Date.UTC(2026, 10, 3, 9, 0));
    publishPrivacyNotice({ actorId: "someone", body: NOTICE });
    const email = uniqueEmail("adult");
    const result = await postSignup({ name: "Ada Obi", email, password: "a long enough phrase", birthDate: birthDateForAge(22), optionalUses: ["partner_contact"], ...AGREED });
    expect(result.status).toBe(200);
    const user = findUserByEmail(email)!;
    const rows = consentRowsOf(user.id);
    expect(rows.map((r) => ({ purpose: r.purpose, granted: r.granted, noticeVersion: r.noticeVersion, source: r.source, at: r.at }))).toEqual([
      { purpose: "privacy_notice", granted: true, noticeVersion: 1, source: "signup", at: clock.now() },
      { purpose: "terms", granted: true, noticeVersion: 1, source: "signup", at: clock.now() },
      { purpose: "impact_stories", granted: false, noticeVersion: 1, source: "signup", at: clock.now() },
      { purpose: "news", granted: false, noticeVersion: 1, source: "signup", at: clock.now() },
      { purpose: "partner_contact", granted: true, noticeVersion: 1, source: "signup", at: clock.now() },
    ]);
    expect(hasOptionalConsent(user.id, "partner_contact")).toBe(true);
    expect(hasOptionalConsent(user.id, "impact_stories")).toBe(false);
    expect(needsNoticeReread(user.id)).toBe(false);
  });

  it("requires the notice and the terms to be ticked, saying so at each box, and creates nothing", async () => {
    const email = uniqueEmail("unticked");
    const result = await postSignup({ name: "Ada", email, password: "a long enough phrase", birthDate: birthDateForAge(22), optionalUses: "impact_stories" });
    expect(result.status).toBe(400);
    expect(errorsOf(result.data).privacyNotice).toEqual(["Tick the box to say you have read the privacy notice"]);
    expect(errorsOf(result.data).terms).toEqual(["Tick the box to agree to the terms of use"]);
    expect((result.data as { initialValue: Record<string, unknown> }).initialValue).toMatchObject({ optionalUses: "impact_stories", name: "Ada" });
    expect(findUserByEmail(email)).toBeUndefined();
  });

  it("records a mentor's agreement without asking their age", async () => {
    const email = uniqueEmail("mentor");
    const result = await postSignup({ name: "Tunde", email, password: "a long enough phrase", ...AGREED }, { as: "mentor" });
    expect(result.status).toBe(200);
    const user = findUserByEmail(email)!;
    expect(user).toMatchObject({ birthDate: null, guardianConsent: "not_needed" });
    expect(consentRowsOf(user.id).map((r) => [r.purpose, r.granted])).toEqual([
      ["privacy_notice", true],
      ["terms", true],
      ["impact_stories", false],
      ["news", false],
      ["partner_contact", false],
    ]);
  });
});

describe("changing optional consents at /me/privacy", () => {
  it("adds a row for each answer that changed and keeps the history", async () => {
    const email = uniqueEmail("changer");
    await postSignup({ name: "Ada", email, password: "a long enough phrase", birthDate: birthDateForAge(30), optionalUses: "impact_stories", ...AGREED });
    const user = findUserByEmail(email)!;
    const cookie = signIn(user.id).cookieHeader;
    const before = consentRowsOf(user.id).length;
    clock.set(Date.now() + DAY);

    const saved = await postPrivacy(cookie, { intent: "change-consents", optionalUses: "partner_contact" });
    expect(saved.status).toBe(302);
    const added = consentRowsOf(user.id).slice(before);
    expect(added.map((r) => [r.purpose, r.granted, r.source, r.at])).toEqual([
      ["impact_stories", false, "settings", clock.now()],
      ["partner_contact", true, "settings", clock.now()],
    ]);
    expect(consentsOf(user.id).optional).toMatchObject({ impact_stories: { granted: false }, partner_contact: { granted: true } });
    expect(consentsOf(user.id).history).toHaveLength(before + 2);

    const same = await postPrivacy(cookie, { intent: "change-consents", optionalUses: "partner_contact" });
    expect(same.status).toBe(302);
    expect(consentRowsOf(user.id)).toHaveLength(before + 2);

    const noneTicked = await postPrivacy(cookie, { intent: "change-consents" });
    expect(noneTicked.status).toBe(302);
    expect(hasOptionalConsent(user.id, "partner_contact")).toBe(false);

    const unknown = await postPrivacy(cookie, { intent: "change-consents", optionalUses: "sell_my_data" });
    expect(unknown.status).toBe(400);

    const page = await runRoute(() => privacyLoader(routeArgs({ request: getRequest("/me/privacy", { cookie }), params: {}, context: loadContext() })));
    expect(page.data).toMatchObject({ granted: [], minor: false, guardian: { state: "not_needed" } });
  });

  it("lets a young person turn a use off but leaves turning one on to their guardian, and counts nothing while they wait", async () => {
    const young = await createYoungPerson({ optionalUses: ["impact_stories"] });
    expect(hasOptionalConsent(young.id, "impact_stories")).toBe(false);
    giveGuardianConsent(young.token, { guardianName: "Funke", relationship: "Mother", guardianPhone: "08031234567", optionalUses: ["impact_stories"] });
    expect(hasOptionalConsent(young.id, "impact_stories")).toBe(true);

    const turnOn = await postPrivacy(young.cookie, { intent: "change-consents", optionalUses: ["impact_stories", "partner_contact"] });
    expect(turnOn.status).toBe(403);
    expect(errorsOf(turnOn.data).optionalUses![0]).toMatch(/Your parent or guardian decides/);
    const turnOff = await postPrivacy(young.cookie, { intent: "change-consents" });
    expect(turnOff.status).toBe(302);
    expect(hasOptionalConsent(young.id, "impact_stories")).toBe(false);
  });
});

describe("a new privacy notice", () => {
  it("asks people to read it at their next visit, until they say they have", async () => {
    const email = uniqueEmail("reader");
    await postSignup({ name: "Ada", email, password: "a long enough phrase", birthDate: birthDateForAge(30), ...AGREED });
    const user = findUserByEmail(email)!;
    const cookie = signIn(user.id).cookieHeader;
    const root = async () => (await runRoute(() => rootLoader(routeArgs({ request: getRequest("/events", { cookie }), params: {}, context: loadContext() })))).data as { noticeChanged: boolean };
    // Version 0 is the default text: signing up read it, and nothing is new.
    expect(consentRowsOf(user.id)[0]).toMatchObject({ purpose: "privacy_notice", noticeVersion: 0 });
    expect((await root()).noticeChanged).toBe(false);

    publishPrivacyNotice({ actorId: "someone", body: NOTICE });
    expect(needsNoticeReread(user.id)).toBe(true);
    expect((await root()).noticeChanged).toBe(true);

    const read = await postPrivacy(cookie, { intent: "acknowledge-notice", redirectTo: "/events?kind=workshop" });
    expect(read.status).toBe(302);
    expect(read.headers.get("location")).toBe("/events?kind=workshop");
    expect(consentRowsOf(user.id).at(-1)).toMatchObject({ purpose: "privacy_notice", granted: true, noticeVersion: 1, source: "notice_update" });
    expect((await root()).noticeChanged).toBe(false);

    publishPrivacyNotice({ actorId: "someone", body: `${NOTICE}\n\n## Changes\n\nA new mail provider.` });
    const elsewhere = await postPrivacy(cookie, { intent: "acknowledge-notice", redirectTo: "https://evil.example/" });
    expect(elsewhere.headers.get("location")).toBe("/me/privacy");
  });

  it("asks people who never agreed to one here, such as accounts older than the record", async () => {
    const older = await createUser();
    expect(needsNoticeReread(older.id)).toBe(false);
    publishPrivacyNotice({ actorId: "someone", body: NOTICE });
    expect(needsNoticeReread(older.id)).toBe(true);
  });
});

describe("the settings for young people", () => {
  it("saves the age of consent (13 to 21) and whether under-16s may join, and refuses anything else at the field", async () => {
    const organiser = await createUser({ roles: ["organiser"] });
    const cookie = signIn(organiser.id).cookieHeader;
    const save = (fields: Record<string, string>) => runRoute(() => settingsAction(routeArgs({ request: formRequest("/admin/settings", { name: "Rise Again", timeZone: "Africa/Lagos", currency: "NGN", organiserSecondFactorRequired: "on", ...fields }, { cookie }), params: {}, context: loadContext() })));
    expect((await save({ adultAge: "16" })).status).toBe(302);
    expect(getOrganisation()).toMatchObject({ adultAge: 16, under16Allowed: false });
    expect((await save({ adultAge: "18", under16Allowed: "on" })).status).toBe(302);
    expect(getOrganisation()).toMatchObject({ adultAge: 18, under16Allowed: true });
    const tooLow = await save({ adultAge: "12" });
    expect(tooLow.status).toBe(400);
    expect(errorsOf(tooLow.data).adultAge).toEqual(["The age of consent is at least 13"]);
    expect(errorsOf((await save({ adultAge: "eighteen" })).data).adultAge).toEqual(["Enter the age of consent as a whole number, like 18"]);
  });
});
