import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { auditLog, curriculumSteps, exerciseAnswers, outcomes, registrations, stories } from "~db/schema";
import { clock, DAY, HOUR } from "~/utils/clock.server";
import { checkIn, registerForEvent } from "~/modules/events/index.server";
import { addApplication } from "~/modules/cohorts/index.server";
import { consentedStories, journeyOf, recordOwnOutcome, saveStory, setStoryFeatured, withdrawStory } from "~/modules/journey/index.server";
import { quotedStories } from "~/modules/journey/impact-stories.server";
import { action as outcomesAction, loader as outcomesLoader } from "~/routes/me.outcomes";
import { action as onBehalfAction } from "~/routes/admin.people.$id_.outcomes";
import { action as storiesAction, loader as storiesLoader } from "~/routes/admin.stories";
import { loader as personLoader } from "~/routes/admin.people.$id";
import { createTestEvent } from "../support/event-factories";
import { createUser, formRequest, getRequest, loadContext, routeArgs, signIn } from "../support/factories";
import { activeMentorship, insertSession } from "../support/mentoring-workspace-factories";
import { installTestCurriculum, join, makeCohort } from "../support/programme-factories";
import { runRoute } from "../support/route-results";

// Where a person is now, told by them, by an organiser for them, or filled from their tracker; their
// story, shared only as far as they agreed and gone from reports when they withdraw; and the
// journey organisers read on the person's page.

beforeAll(() => clock.set(Date.UTC(2026, 9, 1, 9)));
afterAll(() => clock.set(null));

const post = (action: typeof outcomesAction, url: string, fields: Record<string, string>, cookie: string, params = {}) =>
  runRoute(() => action(routeArgs({ request: formRequest(url, fields, { cookie }), params, context: loadContext() })));

describe("recording where you are", () => {
  it("refuses a job without its hours or sector, at the fields, with a 400", async () => {
    const person = await createUser();
    const { cookieHeader } = signIn(person.id);
    const refused = await post(outcomesAction, "/me/outcomes", { intent: "outcome", kind: "job", startedOn: "2026-02-30" }, cookieHeader);
    expect(refused.status).toBe(400);
    const errors = (refused.data as { error: Record<string, string[]> }).error;
    expect(errors.hours).toEqual(["Choose full time or part time"]);
    expect(errors.sector).toEqual(["Enter the sector, like banking or health"]);
    expect(errors.startedOn).toEqual(["Enter the start date as a real date, like 2026-12-01"]);
    expect(db.select().from(outcomes).where(eq(outcomes.userId, person.id)).all()).toEqual([]);
  });

  it("lists what the person told us, newest first, and keeps only what fits the kind", async () => {
    const person = await createUser();
    const { cookieHeader } = signIn(person.id);
    expect((await post(outcomesAction, "/me/outcomes", { intent: "outcome", kind: "searching", sector: "Banking" }, cookieHeader)).status).toBe(302);
    clock.advance(DAY);
    const saved = await post(outcomesAction, "/me/outcomes", { intent: "outcome", kind: "job", employer: "Zenith Bank", sector: "Banking", hours: "full_time", startedOn: "2026-10-01" }, cookieHeader);
    expect(saved.status).toBe(302);
    const page = await runRoute(() => outcomesLoader(routeArgs({ request: getRequest("/me/outcomes", { cookie: cookieHeader }), params: {}, context: loadContext() })));
    const rows = (page.data as { rows: { kind: string; employer: string; sector: string; hours: string | null; source: string }[] }).rows;
    expect(rows.map((row) => row.kind)).toEqual(["job", "searching"]);
    expect(rows[0]).toMatchObject({ employer: "Zenith Bank", sector: "Banking", hours: "full_time", source: "self" });
    // "Still searching" keeps no sector or start date, whatever the form carried.
    expect(rows[1]).toMatchObject({ sector: "", hours: null });
  });

  it("offers to fill the form from an offer in the application tracker, until an outcome follows it", async () => {
    const person = await createUser();
    const { cookieHeader } = signIn(person.id);
    const load = async () => (await runRoute(() => outcomesLoader(routeArgs({ request: getRequest("/me/outcomes", { cookie: cookieHeader }), params: {}, context: loadContext() })))).data as { offer: unknown };
    addApplication({ userId: person.id, values: { company: "Andela", role: "Junior developer", appliedOn: "2026-09-01", status: "interview" } });
    expect((await load()).offer).toBeNull();
    addApplication({ userId: person.id, values: { company: "Flutterwave", role: "Support analyst", appliedOn: "2026-09-10", status: "offer" } });
    expect((await load()).offer).toEqual({ company: "Flutterwave", role: "Support analyst", status: "offer" });
    clock.advance(HOUR);
    await post(outcomesAction, "/me/outcomes", { intent: "outcome", kind: "job", employer: "Flutterwave", sector: "Fintech", hours: "full_time", fromTracker: "on" }, cookieHeader);
    expect((await load()).offer).toBeNull();
    expect(db.select().from(outcomes).where(eq(outcomes.userId, person.id)).get()).toMatchObject({ source: "tracker", employer: "Flutterwave" });
  });

  it("lets an organiser record one for a person, audited without the details; no one else may", async () => {
    const organiser = await createUser({ roles: ["organiser"] });
    const person = await createUser();
    const path = `/admin/people/${person.id}/outcomes`;
    const asOrganiser = signIn(organiser.id).cookieHeader;
    const refused = await post(onBehalfAction, path, { kind: "study" }, asOrganiser, { id: person.id });
    expect(refused.status).toBe(400);
    const done = await post(onBehalfAction, path, { kind: "study", employer: "UNILAG", sector: "Education" }, asOrganiser, { id: person.id });
    expect(done.status).toBe(302);
    expect(db.select().from(outcomes).where(eq(outcomes.userId, person.id)).get()).toMatchObject({ kind: "study", source: "organiser", recordedBy: organiser.id });
    const entry = db.select().from(auditLog).where(and(eq(auditLog.action, "outcome.recorded"), eq(auditLog.targetId, person.id))).get()!;
    expect(entry).toMatchObject({ actorId: organiser.id, details: { kind: "study" } });
    expect(JSON.stringify(entry.details)).not.toContain("UNILAG");

    const participant = await createUser();
    const forbidden = await post(onBehalfAction, path, { kind: "job", sector: "x", hours: "full_time" }, signIn(participant.id).cookieHeader, { id: person.id });
    expect(forbidden.status).toBe(403);
    expect((await post(onBehalfAction, "/admin/people/nobody/outcomes", { kind: "searching" }, asOrganiser, { id: "nobody" })).status).toBe(404);
  });
});

describe("stories", () => {
  it("are shown to organisers only with consent, featured only while it stands, and gone from reports on withdrawal", async () => {
    const organiser = await createUser({ roles: ["organiser"] });
    const writer = await createUser({ name: "Ngozi Okafor" });
    const shy = await createUser({ name: "Private Person" });
    const asWriter = signIn(writer.id).cookieHeader;
    const asOrganiser = signIn(organiser.id).cookieHeader;

    const badConsent = await post(outcomesAction, "/me/outcomes", { intent: "story", story: "", mayQuote: "on" }, asWriter);
    expect(badConsent.status).toBe(400);
    const byNameAlone = await post(outcomesAction, "/me/outcomes", { intent: "story", story: "Words", byName: "on" }, asWriter);
    expect((byNameAlone.data as { error: Record<string, string[]> }).error.byName).toEqual(["Agree that we may quote you before choosing to be named"]);

    expect((await post(outcomesAction, "/me/outcomes", { intent: "story", story: "The mock interviews gave me courage.", mayQuote: "on", byName: "on" }, asWriter)).status).toBe(302);
    saveStory(shy.id, { story: "Only for me.", mayQuote: false, byName: false });
    const listed = () => consentedStories().stories.filter((story) => [writer.id, shy.id].includes(story.personId));
    expect(listed()).toEqual([expect.objectContaining({ text: "The mock interviews gave me courage.", by: "Ngozi" })]);
    const storyId = listed()[0]!.id;

    const page = await runRoute(() => storiesLoader(routeArgs({ request: getRequest("/admin/stories", { cookie: asOrganiser }), params: {}, context: loadContext() })));
    expect(JSON.stringify(page.data)).not.toContain("Only for me.");
    expect((await post(storiesAction, "/admin/stories", { id: storyId, feature: "on" }, asOrganiser)).status).toBe(302);
    const reached = { from: 0, to: clock.now() + DAY };
    expect(quotedStories(reached).map((story) => story.id)).toContain(storyId);

    expect(withdrawStory(writer.id)).toBe(true);
    expect(listed()).toEqual([]);
    expect(quotedStories(reached).map((story) => story.id)).not.toContain(storyId);
    expect(db.select().from(stories).where(eq(stories.id, storyId)).get()).toMatchObject({ mayQuote: false, featuredAt: null, withdrawnAt: clock.now() });
    expect(setStoryFeatured({ actorId: organiser.id, storyId, featured: true })).toMatchObject({ ok: false, code: "withdrawn" });
  });
});

describe("the journey on a person's page", () => {
  it("puts events, the programme, mentoring and outcomes on one dated list, without answers or notes", async () => {
    const organiser = await createUser({ roles: ["organiser"] });
    const person = await createUser({ name: "Journey Person" });
    const mentor = await createUser({ name: "Kemi Mentor", roles: ["mentor"] });
    const event = createTestEvent({ title: "CV clinic", startsAt: clock.now() + HOUR });
    expect(registerForEvent(person.id, event.id, {}).ok).toBe(true);
    clock.advance(HOUR);
    const registrationId = db.select().from(registrations).where(eq(registrations.userId, person.id)).get()!.id;
    checkIn({ eventId: event.id, by: organiser.id, registrationId });
    const curriculumId = installTestCurriculum();
    const cohortId = makeCohort({ actorId: organiser.id, curriculumId, startDate: "2026-09-01", name: "September cohort" });
    const memberId = join(person, cohortId);
    const step = db.select().from(curriculumSteps).where(eq(curriculumSteps.curriculumId, curriculumId)).orderBy(curriculumSteps.position).get()!;
    db.insert(exerciseAnswers).values({ memberId, stepId: step.id, answer: { feeling: "PRIVATE-ANSWER-WORDS" }, completedAt: clock.now(), updatedAt: clock.now() }).run();
    const mentorshipId = activeMentorship(mentor.id, person.id);
    insertSession({ mentorshipId, proposedBy: person.id, startsAt: clock.now() - DAY, status: "confirmed", location: "PRIVATE-SESSION-PLACE" });
    clock.advance(HOUR);
    recordOwnOutcome(person.id, { kind: "internship", employer: "Interswitch", sector: "Fintech", startedOn: "2026-10-05", fromTracker: false });

    const titles = journeyOf(person.id).map((entry) => entry.title);
    expect(titles).toEqual(
      expect.arrayContaining([
        "Registered for CV clinic",
        "Attended CV clinic",
        "Joined September cohort",
        `Completed step 1: ${step.title}`,
        "Mentored by Kemi Mentor",
        "Session with Kemi Mentor",
        "Started an internship or apprenticeship",
      ]),
    );
    expect(titles[0]).toBe("Started an internship or apprenticeship");
    const at = journeyOf(person.id).map((entry) => entry.at);
    expect(at).toEqual([...at].sort((a, b) => b - a));

    const page = await runRoute(() => personLoader(routeArgs({ request: getRequest(`/admin/people/${person.id}`, { cookie: signIn(organiser.id).cookieHeader }), params: { id: person.id }, context: loadContext() })));
    const text = JSON.stringify(page.data);
    expect(text).toContain("Attended CV clinic");
    expect(text).not.toContain("PRIVATE-ANSWER-WORDS");
    expect(text).not.toContain("PRIVATE-SESSION-PLACE");
    expect(db.select().from(outcomes).where(eq(outcomes.userId, person.id)).orderBy(desc(outcomes.recordedAt)).get()!.source).toBe("self");
  });
});
