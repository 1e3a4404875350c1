import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { db } from "~db/client.server";
import { auditLog, outbox, users } from "~db/schema";
import { clock, HOUR } from "~/utils/clock.server";
import { action as accountAction, loader as accountLoader } from "~/routes/me.account";
import { action as personAction } from "~/routes/admin.people.$id";
import { createUser, formRequest, getRequest, loadContext, routeArgs, signIn, type TestUser } from "../support/factories";
import { runRoute } from "../support/route-results";
import { enrolTotp } from "../support/two-factor";
import { birthDateForAge, createYoungPerson } from "../support/consent-factories";

// Rectification (NDPA s.35): a person corrects their own name; an organiser corrects a person's
// name and email address on their request. Each is audited by which fields changed, not the values.

let organiser: TestUser;
let organiserCookie: string;
beforeAll(async () => {
  organiser = await createUser({ roles: ["organiser"] });
  // With an authenticator app, so an old session is asked for a fresh code before a correction.
  await enrolTotp(organiser, signIn(organiser.id, undefined, { secondFactorAt: null }).cookieHeader);
  organiserCookie = signIn(organiser.id).cookieHeader;
});

const userRow = (id: string) => db.select().from(users).where(eq(users.id, id)).get()!;
const auditsFor = (action: string, targetId: string) => db.select().from(auditLog).where(eq(auditLog.action, action)).all().filter((entry) => entry.targetId === targetId);
const postAccount = (cookie: string, fields: Record<string, string>) =>
  runRoute(() => accountAction(routeArgs({ request: formRequest("/me/account", fields, { cookie }), params: {}, context: loadContext() })));
const rectify = (id: string, fields: Record<string, string>, cookie = organiserCookie) =>
  runRoute(() => personAction(routeArgs({ request: formRequest(`/admin/people/${id}`, { intent: "rectify", ...fields }, { cookie }), params: { id }, context: loadContext() })));
const errorsOf = (result: { data: unknown }) => (result.data as { error: Record<string, string[]> }).error;

describe("a person correcting their own name", () => {
  it("saves the new name, shows it on the account page, and audits the change without the value", async () => {
    const person = await createUser({ name: "Tunde Bakre" });
    const { cookieHeader } = signIn(person.id);
    const saved = await postAccount(cookieHeader, { intent: "change-name", name: "  Babatunde Bakare " });
    expect(saved.status).toBe(302);
    expect(userRow(person.id).name).toBe("Babatunde Bakare");
    const page = await runRoute(() => accountLoader(routeArgs({ request: getRequest("/me/account", { cookie: cookieHeader }), params: {}, context: loadContext() })));
    expect(page.data).toMatchObject({ name: "Babatunde Bakare" });
    const [entry] = auditsFor("name.changed", person.id);
    expect(entry).toMatchObject({ actorId: person.id, details: {} });
    expect(JSON.stringify(entry)).not.toContain("Bakare");
  });

  it("refuses an empty name at the field, and records nothing when the name is the same", async () => {
    const person = await createUser({ name: "Same Name" });
    const { cookieHeader } = signIn(person.id);
    const empty = await postAccount(cookieHeader, { intent: "change-name", name: "   " });
    expect(empty.status).toBe(400);
    expect(errorsOf(empty).name).toEqual(["Enter your name"]);
    expect((await postAccount(cookieHeader, { intent: "change-name", name: "Same Name" })).status).toBe(302);
    expect(auditsFor("name.changed", person.id)).toEqual([]);
  });
});

describe("an organiser correcting a person's details on request", () => {
  it("corrects the name alone, audited as person.rectified with the field's name only", async () => {
    const person = await createUser({ name: "Ngozi Eze", email: "ngozi@example.org" });
    expect((await rectify(person.id, { name: "Ngozi Ezeh", email: "ngozi@example.org" })).status).toBe(302);
    expect(userRow(person.id)).toMatchObject({ name: "Ngozi Ezeh", email: "ngozi@example.org" });
    const [entry] = auditsFor("person.rectified", person.id);
    expect(entry).toMatchObject({ actorId: organiser.id, details: { fields: ["name"] } });
    expect(JSON.stringify(entry.details)).not.toContain("Ezeh");
  });

  it("corrects the email address: unconfirmed until the link is opened, the old address told", async () => {
    const person = await createUser({ name: "Emeka Obi", email: "emeka.old@example.org" });
    expect((await rectify(person.id, { name: "Emeka Obi", email: "Emeka.New@Example.org" })).status).toBe(302);
    expect(userRow(person.id)).toMatchObject({ email: "emeka.new@example.org", emailVerifiedAt: null });
    const mail = db.select().from(outbox).all();
    expect(mail.some((m) => m.recipient === "emeka.new@example.org" && m.template === "verify-email")).toBe(true);
    expect(mail.some((m) => m.recipient === "emeka.old@example.org" && m.template === "email-changed")).toBe(true);
    expect(auditsFor("person.rectified", person.id)[0].details).toEqual({ fields: ["email"] });
  });

  it("refuses an address another account uses, in any letter case, keeping what was typed", async () => {
    await createUser({ email: "taken@example.org" });
    const person = await createUser({ name: "Kemi Lawal", email: "kemi@example.org" });
    const refused = await rectify(person.id, { name: "Kemi Lawal-Ade", email: "TAKEN@example.ORG" });
    expect(refused.status).toBe(400);
    expect(errorsOf(refused).email).toEqual(["Another account already uses that email address"]);
    expect(JSON.stringify(refused.data)).toContain("Kemi Lawal-Ade");
    expect(userRow(person.id)).toMatchObject({ name: "Kemi Lawal", email: "kemi@example.org" });
    expect(auditsFor("person.rectified", person.id)).toEqual([]);
  });

  it("refuses a malformed address at the field and leaves an erased account alone", async () => {
    const person = await createUser();
    const malformed = await rectify(person.id, { name: "Someone", email: "not-an-email" });
    expect(malformed.status).toBe(400);
    expect(errorsOf(malformed).email?.[0]).toContain("correct format");
    const erased = await createUser({ name: "Gone" });
    db.update(users).set({ erasedAt: clock.now() }).where(eq(users.id, erased.id)).run();
    expect((await rectify(erased.id, { name: "Back Again", email: "back@example.org" })).status).toBe(409);
    expect(userRow(erased.id).name).toBe("Gone");
  });

  it("asks for a fresh second factor when the session's is over an hour old, and changes nothing", async () => {
    const person = await createUser({ name: "Old Session" });
    const { cookieHeader } = signIn(organiser.id, undefined, { secondFactorAt: clock.now() - 2 * HOUR });
    const result = await rectify(person.id, { name: "Changed", email: person.email }, cookieHeader);
    expect(result.status).toBe(302);
    expect(result.headers.get("location")).toBe(`/me/step-up?redirectTo=${encodeURIComponent(`/admin/people/${person.id}`)}`);
    expect(userRow(person.id).name).toBe("Old Session");
  });

  it("corrects a date of birth: of age ends a guardian's wait, under age starts one, audited without the dates", async () => {
    const young = await createYoungPerson({ age: 15 });
    const adultDate = birthDateForAge(19);
    const row = userRow(young.id);
    expect((await rectify(young.id, { name: row.name, email: row.email, birthDate: adultDate })).status).toBe(302);
    expect(userRow(young.id)).toMatchObject({ birthDate: adultDate, guardianConsent: "not_needed" });
    const [entry] = auditsFor("person.rectified", young.id);
    expect(entry.details).toEqual({ fields: ["birthDate"], guardianConsent: { from: "waiting", to: "not_needed" } });
    expect(JSON.stringify(entry)).not.toContain(adultDate);

    const person = await createUser({ name: "Was Grown Up" });
    const minorDate = birthDateForAge(14);
    expect((await rectify(person.id, { name: person.name, email: person.email, birthDate: minorDate })).status).toBe(302);
    expect(userRow(person.id)).toMatchObject({ birthDate: minorDate, guardianConsent: "waiting" });
  });

  it("refuses a date of birth that is not a real date or is still to come, at the field", async () => {
    const person = await createUser({ name: "Date Typo" });
    const wrong = await rectify(person.id, { name: person.name, email: person.email, birthDate: "31/02/2008" });
    expect(wrong.status).toBe(400);
    expect(errorsOf(wrong).birthDate?.[0]).toMatch(/real date/);
    const future = await rectify(person.id, { name: person.name, email: person.email, birthDate: `${new Date(clock.now()).getUTCFullYear() + 1}-01-01` });
    expect(future.status).toBe(400);
    expect(errorsOf(future).birthDate).toEqual(["A date of birth must be in the past"]);
    expect(userRow(person.id).birthDate).toBeNull();
  });

  it("is refused to anyone but organisers", async () => {
    const person = await createUser({ name: "Target" });
    const mentor = await createUser({ roles: ["mentor"] });
    const result = await rectify(person.id, { name: "Hijacked", email: person.email }, signIn(mentor.id).cookieHeader);
    expect(result.status).toBe(403);
    expect(userRow(person.id).name).toBe("Target");
  });
});
