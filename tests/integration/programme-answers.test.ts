import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { cohorts, exerciseAnswers, jobApplications } from "~db/schema";
import { mailtoHref } from "~/modules/curriculum/answers";
import type { CurriculumSource } from "~/modules/curriculum/exercise-types";
import { action as applicationsAction, loader as applicationsLoader } from "~/routes/me.applications";
import { loader as certificateLoader } from "~/routes/certificates.$id";
import { action as stepAction, loader as stepLoader } from "~/routes/me.programme.$cohortId.steps.$position";
import { loader as programmeLoader } from "~/routes/me.programme._index";
import { clock, DAY } from "~/utils/clock.server";
import { createUser, formRequest, getRequest, loadContext, signIn, type TestUser, routeArgs } from "../support/factories";
import { installTestCurriculum, join, makeCohort } from "../support/programme-factories";
import { runRoute } from "../support/route-results";
import { renderEmailDraft } from "~/modules/curriculum";
import { updateOrganisation } from "~/modules/organisation/index.server";

const ALL_KINDS: CurriculumSource = {
  slug: "all-kinds",
  title: "All kinds",
  summary: "",
  steps: [
    { slug: "a", title: "Email", summary: "s", readingMinutes: 1, body: "b", exercise: { kind: "email_draft", placeholders: [{ key: "company", label: "Company" }, { key: "name", label: "Your name" }], subjectTemplate: "Thanks, {{company}}", bodyTemplate: "Dear team at {{company}},\nThank you & goodbye.\n{{name}}" } },
    { slug: "b", title: "List", summary: "s", readingMinutes: 1, body: "b", exercise: { kind: "list", itemLabel: "Strength", minItems: 2, maxItems: 3, fields: [{ key: "what", label: "Strength" }, { key: "proof", label: "Evidence" }] } },
    { slug: "c", title: "Rating", summary: "s", readingMinutes: 1, body: "b", exercise: { kind: "rating_text", ratingLabel: "Fit", lowLabel: "Poor", highLabel: "Great", textPrompt: { key: "goal", label: "Your goal" } } },
    { slug: "d", title: "Journal", summary: "s", readingMinutes: 1, body: "b", exercise: { kind: "journal", entryLabel: "Win", fields: [{ key: "win", label: "Your win" }] } },
    { slug: "e", title: "Tracker", summary: "s", readingMinutes: 1, body: "b", exercise: { kind: "application_tracker", minEntries: 2 } },
    { slug: "f", title: "Note", summary: "s", readingMinutes: 1, body: "b", exercise: { kind: "future_note", prompt: { key: "note", label: "Dear future me" } } },
  ],
};

let person: TestUser, other: TestUser, cookie: string, otherCookie: string, cohortId: string;

beforeAll(async () => {
  updateOrganisation({ timeZone: "Africa/Lagos", name: "Rise Again Lagos" });
  clock.set(Date.UTC(2026, 11, 20, 12));
  const organiser = await createUser({ roles: ["organiser"] });
  person = await createUser({ name: "Kemi Adeyemi" });
  other = await createUser({ name: "Other One" });
  cookie = signIn(person.id).cookieHeader;
  otherCookie = signIn(other.id).cookieHeader;
  const curriculumId = installTestCurriculum(ALL_KINDS);
  cohortId = makeCohort({ actorId: organiser.id, curriculumId, startDate: "2026-12-01", schedule: { kind: "interval", everyDays: 1, hour: 9 }, name: "December" });
  join(person, cohortId);
  join(other, cohortId);
});

afterAll(() => clock.set(null));

const post = (position: number, fields: Record<string, string>, as = cookie) =>
  runRoute(() => stepAction(routeArgs({ request: formRequest(`/me/programme/${cohortId}/steps/${position}`, fields, { cookie: as }), params: { cohortId, position: String(position) }, context: loadContext() })));
const view = async (position: number, as = cookie) =>
  (await runRoute(() => stepLoader(routeArgs({ request: getRequest(`/me/programme/${cohortId}/steps/${position}`, { cookie: as }), params: { cohortId, position: String(position) }, context: loadContext() })))).data as {
    view: { completedAt: string | null; answer: Record<string, unknown>; draft: { subject: string; body: string; mailto: string } | null; entries: unknown[]; applications: unknown[] };
  };
const errorsOf = (result: { data: unknown }) => JSON.stringify((result.data as { error?: unknown }).error ?? {});

describe("saving an exercise", () => {
  it("checks each kind's answer and says what is missing, at the field", async () => {
    expect(errorsOf(await post(1, { intent: "save", "values.company": "Acme" }))).toContain("Write your answer to “Your name”");
    expect(errorsOf(await post(2, { intent: "save", "items[0].what": "Patience", "items[0].proof": "" }))).toMatch(/Fill in “Evidence” for strength 1.*Write at least 2 strengths/);
    expect(errorsOf(await post(3, { intent: "save", rating: "9", text: "x" }))).toContain("Choose a number from 1 to 5");
    expect((await post(6, { intent: "nonsense" })).status).toBe(400);
    expect((await view(1)).view.completedAt).toBeNull();
  });

  it("completes the step; the email draft is built from the participant's values, to copy or open in a mail app", async () => {
    const saved = await post(1, { intent: "save", "values.company": "Lagoon Foods", "values.name": "Kemi" });
    expect(saved.status).toBe(302);
    const { view: step } = await view(1);
    expect(step.completedAt).not.toBeNull();
    expect(step.draft).toEqual({
      subject: "Thanks, Lagoon Foods",
      body: "Dear team at Lagoon Foods,\nThank you & goodbye.\nKemi",
      mailto: "mailto:?subject=Thanks%2C%20Lagoon%20Foods&body=Dear%20team%20at%20Lagoon%20Foods%2C%0D%0AThank%20you%20%26%20goodbye.%0D%0AKemi",
    });
    expect(mailtoHref("a?b", "x=y")).toBe("mailto:?subject=a%3Fb&body=x%3Dy");
  });

  it("can be edited later, keeping when the step was first done", async () => {
    const first = db.select().from(exerciseAnswers).all().find((a) => JSON.stringify(a.answer).includes("Lagoon Foods"))!;
    clock.advance(DAY);
    await post(1, { intent: "save", "values.company": "Eko Logistics", "values.name": "Kemi" });
    const edited = db.select().from(exerciseAnswers).all().find((a) => a.memberId === first.memberId && a.stepId === first.stepId)!;
    expect(edited.completedAt).toBe(first.completedAt);
    expect(edited.updatedAt).toBe(clock.now());
    expect((await view(1)).view.draft?.subject).toBe("Thanks, Eko Logistics");
  });

  it("stores lists without the blank rows, and ratings with their text", async () => {
    expect((await post(2, { intent: "save", "items[0].what": "Patience", "items[0].proof": "Queued at NYSC", "items[1].what": "", "items[2].what": "Excel", "items[2].proof": "Built a budget" })).status).toBe(302);
    expect((await view(2)).view.answer).toEqual({ items: [{ what: "Patience", proof: "Queued at NYSC" }, { what: "Excel", proof: "Built a budget" }] });
    expect((await post(3, { intent: "save", rating: "4", text: "Close to my goal" })).status).toBe(302);
    expect((await view(3)).view.answer).toEqual({ rating: 4, text: "Close to my goal" });
  });

  it("adds journal entries one at a time; the first completes the step", async () => {
    expect(errorsOf(await post(4, { intent: "add-entry" }))).toContain("Your win");
    await post(4, { intent: "add-entry", "values.win": "Shortlisted at Kuda" });
    clock.advance(60_000);
    await post(4, { intent: "add-entry", "values.win": "Finished an Excel course" });
    const { view: step } = await view(4);
    expect(step.completedAt).not.toBeNull();
    expect(step.entries).toHaveLength(2);
    expect(JSON.stringify(step.entries[0])).toContain("Finished an Excel course");
  });

  it("completes the tracker step once enough applications are logged", async () => {
    await post(5, { intent: "add-application", company: "Kuda", role: "Support", appliedOn: "2026-12-18", status: "applied" });
    expect((await view(5)).view.completedAt).toBeNull();
    expect(errorsOf(await post(5, { intent: "add-application", company: "", role: "Analyst", appliedOn: "2026-13-40", status: "maybe" }))).toMatch(/company.*date you applied.*where this application stands/);
    await post(5, { intent: "add-application", company: "Paystack", role: "Analyst", appliedOn: "2026-12-19", status: "interview" });
    const { view: step } = await view(5);
    expect(step.completedAt).not.toBeNull();
    expect(step.applications).toHaveLength(2);
  });
});

describe("finishing every step", () => {
  it("issues a certificate with a public verification page and shows the note to future self back", async () => {
    const finished = await post(6, { intent: "save", text: "You kept going. Be proud." });
    expect(finished.headers.get("location")).toBe("/me/programme");
    const programme = (await runRoute(() => programmeLoader(routeArgs({ request: getRequest("/me/programme", { cookie }), params: {}, context: loadContext() })))).data as {
      programmes: { doneCount: number; certificateId: string; futureNote: string }[];
    };
    const mine = programme.programmes[0];
    expect(mine.doneCount).toBe(6);
    expect(mine.futureNote).toBe("You kept going. Be proud.");
    expect(mine.certificateId).toMatch(/^[a-z2-7]{26}$/);
    const certificate = await runRoute(() => certificateLoader(routeArgs({ request: getRequest(`/certificates/${mine.certificateId}`), params: { id: mine.certificateId }, context: loadContext() })));
    expect(certificate.data).toMatchObject({ recipientName: "Kemi Adeyemi", curriculumTitle: "All kinds", cohortName: "December", organisationName: "Rise Again Lagos" });
    expect(JSON.stringify(certificate.data)).not.toContain("Be proud");
    const wrong = await runRoute(() => certificateLoader(routeArgs({ request: getRequest("/certificates/nope"), params: { id: "nope" }, context: loadContext() })));
    expect(wrong.status).toBe(404);

    const others = (await runRoute(() => programmeLoader(routeArgs({ request: getRequest("/me/programme", { cookie: otherCookie }), params: {}, context: loadContext() })))).data as { programmes: { certificateId: string | null; futureNote: string | null }[] };
    expect(others.programmes[0]).toMatchObject({ certificateId: null, futureNote: null });
  });
});

describe("the application tracker", () => {
  const apps = (as: string) => runRoute(() => applicationsAction(routeArgs({ request: formRequest("/me/applications", {}, { cookie: as }), params: {}, context: loadContext() })));
  const act = (fields: Record<string, string>, as: string) => runRoute(() => applicationsAction(routeArgs({ request: formRequest("/me/applications", fields, { cookie: as }), params: {}, context: loadContext() })));

  it("is the person's own: others can neither change nor delete an entry", async () => {
    expect((await apps(cookie)).status).toBe(400);
    const mine = db.select().from(jobApplications).where(eq(jobApplications.userId, person.id)).all()[0];
    await act({ intent: "update-application", id: mine.id, company: "Hacked", role: "x", appliedOn: "2026-12-01", status: "hired" }, otherCookie);
    await act({ intent: "delete-application", id: mine.id }, otherCookie);
    expect(db.select().from(jobApplications).where(eq(jobApplications.id, mine.id)).get()).toMatchObject({ company: mine.company, status: mine.status });
    await act({ intent: "update-application", id: mine.id, company: mine.company, role: mine.role, appliedOn: mine.appliedOn, status: "offer" }, cookie);
    expect(db.select().from(jobApplications).where(eq(jobApplications.id, mine.id)).get()?.status).toBe("offer");
    const listed = (await runRoute(() => applicationsLoader(routeArgs({ request: getRequest(`/me/applications?edit=${mine.id}`, { cookie: otherCookie }), params: {}, context: loadContext() })))).data as { rows: unknown[]; editing: unknown };
    expect(listed).toMatchObject({ rows: [], editing: null });
  });

  it("stays with the person after the cohort is gone", async () => {
    const before = db.select().from(jobApplications).where(eq(jobApplications.userId, person.id)).all().length;
    // Deleting the cohort takes its memberships and answers with it, never the person's applications.
    db.delete(cohorts).where(eq(cohorts.id, cohortId)).run();
    expect(db.select().from(jobApplications).where(eq(jobApplications.userId, person.id)).all()).toHaveLength(before);
    await act({ intent: "delete-application", id: db.select().from(jobApplications).where(eq(jobApplications.userId, person.id)).all()[0].id }, cookie);
    expect(db.select().from(jobApplications).where(eq(jobApplications.userId, person.id)).all()).toHaveLength(before - 1);
  });
});

describe("email drafts", () => {
  it("show a missing value as its label rather than a raw placeholder", () => {
    const def = ALL_KINDS.steps[0].exercise as Parameters<typeof renderEmailDraft>[0];
    expect(renderEmailDraft({ ...def, placeholders: def.placeholders.map((p) => ({ ...p, hint: "", multiline: false })) }, { company: "Acme" }).body).toContain("[Your name]");
  });
});
