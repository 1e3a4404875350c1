import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { auditLog, guardianConsents, users } from "~db/schema";
import { clock, DAY } from "~/utils/clock.server";
import { resetRateLimits } from "~/modules/auth/rate-limit.server";
import { findUserByEmail, validateSessionToken } from "~/modules/auth/index.server";
import { updateOrganisation } from "~/modules/organisation/index.server";
import { action as guardianAction, loader as guardianLoader } from "~/routes/guardian-consent.$token";
import { action as privacyAction } from "~/routes/me.privacy";
import { action as adminAction, loader as adminLoader } from "~/routes/admin.privacy.guardians";
import { createUser, getRequest, loadContext, routeArgs, signIn, uniqueEmail } from "../support/factories";
import { runRoute } from "../support/route-results";
import { emailsOf } from "../support/event-factories";
import { AGREED, birthDateForAge, consentRowsOf, createYoungPerson, guardianTokenFor, multiFormRequest, postSignup } from "../support/consent-factories";

// A young person's account is held until a parent or guardian agrees (NDPA s.31, ADR 0023).

beforeEach(() => {
  resetRateLimits();
  updateOrganisation({ adultAge: 18, under16Allowed: true, timeZone: "Africa/Lagos" });
});
afterEach(() => clock.set(null));

const stateOf = (userId: string) => db.select().from(users).where(eq(users.id, userId)).get()!.guardianConsent;
const errorsOf = (data: unknown) => (data as { error: Record<string, string[]> }).error;

const openLink = (token: string) => runRoute(() => guardianLoader(routeArgs({ request: getRequest(`/guardian-consent/${token}`), params: { token }, context: loadContext() })));
const answerLink = (token: string, fields: Record<string, string | string[]>) =>
  runRoute(() => guardianAction(routeArgs({ request: multiFormRequest(`/guardian-consent/${token}`, fields), params: { token }, context: loadContext() })));
const GUARDIAN = { guardianName: "Funke Adeyemi", relationship: "Mother", guardianPhone: "0803 123 4567", account: "on" };

describe("signing up under the age of consent", () => {
  it("holds the account and emails the guardian a single-use link, in the same answer an adult gets", async () => {
    const email = uniqueEmail("teen");
    const guardianEmail = uniqueEmail("mum");
    const result = await postSignup({ name: "Tolu Adeyemi", email, password: "a long enough phrase", birthDate: birthDateForAge(15), guardianEmail, ...AGREED });
    expect(result.status).toBe(200);
    expect(result.data).toEqual({ sent: true, email, guardianAsked: true });
    const user = findUserByEmail(email)!;
    expect(user.guardianConsent).toBe("waiting");
    expect(user.birthDate).toBe(birthDateForAge(15));
    const [request] = db.select().from(guardianConsents).where(eq(guardianConsents.userId, user.id)).all();
    expect(request).toMatchObject({ requestedEmail: guardianEmail, givenAt: null, method: null });
    expect(request!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(request!.expiresAt - request!.requestedAt).toBe(14 * DAY);
    const [mail] = emailsOf("guardian-consent-request", guardianEmail);
    expect(mail!.props).toMatchObject({ childName: "Tolu Adeyemi", adultAge: 18 });
    expect(String(mail!.props.url)).toMatch(/^http:\/\/localhost:3000\/guardian-consent\/[a-z2-7]{32}$/);

    // Signing up again with the same address and another guardian: the same answer, no new email.
    const otherGuardian = uniqueEmail("aunt");
    const again = await postSignup({ name: "Someone Else", email, password: "another long phrase", birthDate: birthDateForAge(15), guardianEmail: otherGuardian, ...AGREED });
    expect(again.status).toBe(result.status);
    expect(again.data).toEqual(result.data);
    expect(emailsOf("guardian-consent-request", otherGuardian)).toHaveLength(0);
  });

  it("asks for the guardian's email at its field, keeping what was typed", async () => {
    const email = uniqueEmail("teen");
    const result = await postSignup({ name: "Tolu", email, password: "a long enough phrase", birthDate: birthDateForAge(17), ...AGREED });
    expect(result.status).toBe(400);
    expect(errorsOf(result.data).guardianEmail).toEqual(["You are under 18, so a parent or guardian needs to agree before your account opens. Enter their email."]);
    expect((result.data as { initialValue: Record<string, unknown> }).initialValue).toMatchObject({ name: "Tolu", email, birthDate: birthDateForAge(17) });
    expect(findUserByEmail(email)).toBeUndefined();

    const own = await postSignup({ name: "Tolu", email, password: "a long enough phrase", birthDate: birthDateForAge(17), guardianEmail: email, ...AGREED });
    expect(errorsOf(own.data).guardianEmail).toEqual(["Enter your parent's or guardian's own email, not yours"]);
  });

  it("refuses a date in the future or one that is not a date, and accepts one typed as DD/MM/YYYY", async () => {
    const future = await postSignup({ name: "T", email: uniqueEmail(), password: "a long enough phrase", birthDate: "2999-01-01", ...AGREED });
    expect(errorsOf(future.data).birthDate).toEqual(["Your date of birth must be in the past"]);
    const nonsense = await postSignup({ name: "T", email: uniqueEmail(), password: "a long enough phrase", birthDate: "31/02/2005", ...AGREED });
    expect(errorsOf(nonsense.data).birthDate).toEqual(["Enter your date of birth as a real date, like 27/03/2009"]);
    const missing = await postSignup({ name: "T", email: uniqueEmail(), password: "a long enough phrase", ...AGREED });
    expect(errorsOf(missing.data).birthDate).toEqual(["Enter your date of birth"]);
    const email = uniqueEmail("adult");
    const typed = await postSignup({ name: "T", email, password: "a long enough phrase", birthDate: "27/03/1999", ...AGREED });
    expect(typed.data).toEqual({ sent: true, email, guardianAsked: false });
    expect(findUserByEmail(email)).toMatchObject({ birthDate: "1999-03-27", guardianConsent: "not_needed" });
  });

  it("turns away under-16s when the organisation does not take them, with the reason at the date", async () => {
    updateOrganisation({ under16Allowed: false });
    const email = uniqueEmail("young");
    const result = await postSignup({ name: "T", email, password: "a long enough phrase", birthDate: birthDateForAge(15), guardianEmail: uniqueEmail("g"), ...AGREED });
    expect(result.status).toBe(403);
    expect(errorsOf(result.data).birthDate![0]).toMatch(/can only take people aged 16 or over/);
    expect(findUserByEmail(email)).toBeUndefined();
    const sixteen = await postSignup({ name: "T", email, password: "a long enough phrase", birthDate: birthDateForAge(16), guardianEmail: uniqueEmail("g"), ...AGREED });
    expect(sixteen.status).toBe(200);
    expect(findUserByEmail(email)!.guardianConsent).toBe("waiting");
  });

  it("follows the organisation's age of consent, counted on the calendar day in its time zone", async () => {
    updateOrganisation({ adultAge: 16 });
    const seventeen = uniqueEmail("seventeen");
    await postSignup({ name: "T", email: seventeen, password: "a long enough phrase", birthDate: birthDateForAge(17), ...AGREED });
    expect(findUserByEmail(seventeen)!.guardianConsent).toBe("not_needed");

    updateOrganisation({ adultAge: 18 });
    // 23:30 in London on 26 March is already 27 March in Lagos: an 18th birthday there.
    clock.set(Date.UTC(2026, 2, 26, 23, 30));
    const birthday = uniqueEmail("birthday");
    const result = await postSignup({ name: "T", email: birthday, password: "a long enough phrase", birthDate: "2008-03-27", ...AGREED });
    expect(result.data).toMatchObject({ guardianAsked: false });
    updateOrganisation({ timeZone: "America/New_York" });
    const notYet = await postSignup({ name: "T", email: uniqueEmail(), password: "a long enough phrase", birthDate: "2008-03-27", ...AGREED });
    expect(errorsOf(notYet.data).guardianEmail).toBeDefined();
  });

  it("marks the session as waiting until the guardian agrees", async () => {
    const young = await createYoungPerson();
    const token = young.cookie.split("=")[1]!;
    expect(validateSessionToken(token)!.awaitingGuardian).toBe(true);
    await answerLink(young.token, GUARDIAN);
    expect(validateSessionToken(token)!.awaitingGuardian).toBe(false);
  });
});

describe("the guardian's link", () => {
  it("shows who signed up and what they asked for, then opens the account with the guardian's answers", async () => {
    const young = await createYoungPerson({ name: "Tolu Adeyemi", optionalUses: ["impact_stories", "partner_contact"] });
    const page = await openLink(young.token);
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({ state: "open", childName: "Tolu Adeyemi", wishes: ["impact_stories", "partner_contact"] });

    const done = await answerLink(young.token, { ...GUARDIAN, guardianEmail: young.guardianEmail, optionalUses: "impact_stories" });
    expect(done.data).toEqual({ done: true, childName: "Tolu Adeyemi" });
    expect(stateOf(young.id)).toBe("given");
    const row = db.select().from(guardianConsents).where(eq(guardianConsents.userId, young.id)).get()!;
    expect(row).toMatchObject({ guardianName: "Funke Adeyemi", relationship: "Mother", guardianPhone: "0803 123 4567", method: "link", agreedUses: ["account", "impact_stories"] });
    expect(row.givenAt).not.toBeNull();
    const fromGuardian = consentRowsOf(young.id).filter((r) => r.source === "guardian");
    expect(fromGuardian.map((r) => [r.purpose, r.granted])).toEqual([
      ["privacy_notice", true],
      ["terms", true],
      ["impact_stories", true],
      ["news", false],
      ["partner_contact", false],
    ]);
    expect(emailsOf("guardian-consent-given", young.email)).toHaveLength(1);
    expect(db.select().from(auditLog).where(eq(auditLog.targetId, young.id)).all().map((e) => e.action)).toContain("guardian_consent.given");

    // The link works once.
    const used = await openLink(young.token);
    expect(used.status).toBe(410);
    expect(used.data).toMatchObject({ state: "used" });
    const twice = await answerLink(young.token, GUARDIAN);
    expect(twice.status).toBe(409);
  });

  it("needs a name, a relationship, a way to reach them and agreement to the account, each at its field", async () => {
    const young = await createYoungPerson();
    const empty = await answerLink(young.token, { guardianName: "Funke", relationship: "Mother" });
    expect(empty.status).toBe(400);
    expect(Object.keys(errorsOf(empty.data))).toContain("account");
    const noContact = await answerLink(young.token, { guardianName: "Funke", relationship: "Mother", account: "on" });
    expect(errorsOf(noContact.data).guardianEmail).toEqual(["Enter an email address or a phone number, so we can reach the parent or guardian"]);
    const badRelationship = await answerLink(young.token, { ...GUARDIAN, relationship: "Neighbour" });
    expect(errorsOf(badRelationship.data).relationship).toEqual(["Choose who the adult is to the young person"]);
    expect(stateOf(young.id)).toBe("waiting");
  });

  it("answers an unknown link with 404 and an expired one with 410", async () => {
    expect((await openLink("not-a-token")).status).toBe(404);
    expect((await openLink("a".repeat(32))).status).toBe(404);
    const young = await createYoungPerson();
    clock.set(Date.now() + 15 * DAY);
    const expired = await openLink(young.token);
    expect(expired.status).toBe(410);
    expect(expired.data).toMatchObject({ state: "expired" });
    expect((await answerLink(young.token, GUARDIAN)).status).toBe(409);
    expect(stateOf(young.id)).toBe("waiting");
  });
});

describe("asking again", () => {
  it("lets the young person send a new link, to a corrected address, and the old link stops working", async () => {
    const young = await createYoungPerson();
    const corrected = uniqueEmail("dad");
    const post = (fields: Record<string, string>) => runRoute(() => privacyAction(routeArgs({ request: multiFormRequest("/me/privacy", fields, { cookie: young.cookie }), params: {}, context: loadContext() })));
    const sent = await post({ intent: "resend-guardian", guardianEmail: corrected });
    expect(sent.status).toBe(302);
    const fresh = guardianTokenFor(corrected);
    expect((await openLink(young.token)).data).toMatchObject({ state: "expired" });
    expect((await openLink(fresh)).status).toBe(200);
    const own = await post({ intent: "resend-guardian", guardianEmail: young.email });
    expect(errorsOf(own.data).guardianEmail).toEqual(["Enter your parent's or guardian's own email, not yours"]);
  });
});

describe("organisers", () => {
  it("see who waits, resend the request (audited) and record consent given on paper with their name", async () => {
    const organiser = await createUser({ roles: ["organiser"] });
    const cookie = signIn(organiser.id).cookieHeader;
    const young = await createYoungPerson({ name: "Kemi Waiting" });
    const list = await runRoute(() => adminLoader(routeArgs({ request: getRequest("/admin/privacy/guardians", { cookie }), params: {}, context: loadContext() })));
    const waiting = (list.data as { waiting: { userId: string; requestedEmail: string }[] }).waiting;
    expect(waiting.find((p) => p.userId === young.id)).toMatchObject({ requestedEmail: young.guardianEmail });

    const post = (fields: Record<string, string | string[]>) =>
      runRoute(() => adminAction(routeArgs({ request: multiFormRequest("/admin/privacy/guardians", fields, { cookie }), params: {}, context: loadContext() })));
    expect((await post({ intent: "resend", userId: young.id })).status).toBe(302);
    expect(emailsOf("guardian-consent-request", young.guardianEmail)).toHaveLength(2);
    expect((await openLink(young.token)).data).toMatchObject({ state: "expired" });

    const unsigned = await post({ intent: "record-paper", userId: young.id, guardianName: "Bisi Lawal", relationship: "Aunt or uncle", guardianPhone: "08031234567" });
    expect(errorsOf(unsigned.data).signed).toEqual(["Tick the box to confirm you hold the signed form"]);
    const recorded = await post({ intent: "record-paper", userId: young.id, guardianName: "Bisi Lawal", relationship: "Aunt or uncle", guardianPhone: "08031234567", signed: "on" });
    expect(recorded.status).toBe(302);
    expect(stateOf(young.id)).toBe("given");
    const paper = db.select().from(guardianConsents).where(eq(guardianConsents.userId, young.id)).all().find((r) => r.method === "paper")!;
    expect(paper).toMatchObject({ recordedBy: organiser.id, guardianName: "Bisi Lawal", relationship: "Aunt or uncle", agreedUses: ["account"] });
    expect(consentRowsOf(young.id).filter((r) => r.source === "paper").map((r) => r.purpose)).toEqual(["privacy_notice", "terms", "impact_stories", "news", "partner_contact"]);
    const actions = db.select().from(auditLog).where(eq(auditLog.targetId, young.id)).all().map((e) => [e.action, e.actorId]);
    expect(actions).toEqual(expect.arrayContaining([["guardian_consent.resent", organiser.id], ["guardian_consent.recorded", organiser.id]]));
    // Every link sent before stops working once consent is on paper.
    expect((await openLink(guardianTokenFor(young.guardianEmail))).status).toBe(410);
    const again = await post({ intent: "record-paper", userId: young.id, guardianName: "Bisi Lawal", relationship: "Aunt or uncle", guardianPhone: "08031234567", signed: "on" });
    expect(again.status).toBe(409);
  });

  it("is for organisers only", async () => {
    const participant = await createUser();
    const refused = await runRoute(() => adminLoader(routeArgs({ request: getRequest("/admin/privacy/guardians", { cookie: signIn(participant.id).cookieHeader }), params: {}, context: loadContext() })));
    expect(refused.status).toBe(403);
  });
});
