import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { matchProposals, menteeProfiles, mentorships } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { resetRateLimits } from "~/modules/auth/rate-limit.server";
import { findUserByEmail, giveGuardianConsent } from "~/modules/auth/index.server";
import { registerForEvent, signUpAndRegister } from "~/modules/events/index.server";
import { joinCohort } from "~/modules/cohorts/index.server";
import { createMatchRun, eligibleMentorsFor, requestMentor } from "~/modules/mentoring/index.server";
import { updateOrganisation } from "~/modules/organisation/index.server";
import { action as eventAction, loader as eventLoader } from "~/routes/events.$slug";
import { createUser, freshIp, getRequest, loadContext, routeArgs, uniqueEmail } from "../support/factories";
import { createTestEvent, registrationsOf } from "../support/event-factories";
import { installTestCurriculum, makeCohort } from "../support/programme-factories";
import { createMentorWithProfile } from "../support/mentoring-profile-factories";
import { runRoute } from "../support/route-results";
import { AGREED, birthDateForAge, createYoungPerson, multiFormRequest, type YoungPerson } from "../support/consent-factories";

// While a young person's account waits for a guardian (ADR 0023) they may read, but not book,
// join, ask for a mentor or be matched; once the guardian agrees, all of it opens.

beforeEach(() => {
  resetRateLimits();
  updateOrganisation({ adultAge: 18, under16Allowed: true });
});

const agree = (young: YoungPerson) => giveGuardianConsent(young.token, { guardianName: "Funke Adeyemi", relationship: "Mother", guardianPhone: "08031234567", optionalUses: [] });

function giveMenteeProfile(userId: string) {
  const now = clock.now();
  db.insert(menteeProfiles).values({ userId, languages: ["English"], formats: ["video"], createdAt: now, updatedAt: now }).run();
}

describe("booking a seat", () => {
  it("is refused with a clear reason while waiting, and works once the guardian agrees", async () => {
    const young = await createYoungPerson();
    const event = createTestEvent();
    const refused = registerForEvent(young.id, event.id, {});
    expect(refused).toMatchObject({ ok: false, code: "awaiting-guardian", status: 403 });
    expect(refused.ok ? "" : refused.message).toMatch(/once your parent or guardian has agreed/);
    expect(registrationsOf(event.id)).toHaveLength(0);

    const page = await runRoute(() => eventLoader(routeArgs({ request: getRequest(`/events/${event.slug}`, { cookie: young.cookie }), params: { slug: event.slug }, context: loadContext() })));
    expect(page.data).toMatchObject({ awaitingGuardian: true, canRegister: true });
    const posted = await runRoute(() => eventAction(routeArgs({ request: multiFormRequest(`/events/${event.slug}`, { intent: "register" }, { cookie: young.cookie }), params: { slug: event.slug }, context: loadContext() })));
    expect(posted.status).toBe(403);

    expect(agree(young).ok).toBe(true);
    expect(registerForEvent(young.id, event.id, {})).toMatchObject({ ok: true, status: "confirmed" });
  });

  it("books nothing for a visitor under age who signs up on the event page, and says so in the same words for a taken address", async () => {
    const event = createTestEvent();
    const email = uniqueEmail("teen");
    const fields = { intent: "register", name: "Tolu", email, password: "a long enough phrase", birthDate: birthDateForAge(14), guardianEmail: uniqueEmail("mum"), ...AGREED };
    const post = () => runRoute(() => eventAction(routeArgs({ request: multiFormRequest(`/events/${event.slug}`, fields), params: { slug: event.slug }, context: loadContext(freshIp()) })));
    const first = await post();
    expect(first.data).toEqual({ checkEmail: email, guardianAsked: true });
    expect(findUserByEmail(email)!.guardianConsent).toBe("waiting");
    expect(registrationsOf(event.id)).toHaveLength(0);
    const again = await post();
    expect(again.data).toEqual(first.data);

    const direct = await signUpAndRegister({ name: "Adult", email: uniqueEmail("adult"), password: "a long enough phrase", answers: {}, birthDate: birthDateForAge(25) }, event.id, freshIp());
    expect(direct).toMatchObject({ ok: true, kind: "booked" });
    expect(registrationsOf(event.id)).toHaveLength(1);
  });
});

describe("joining a cohort", () => {
  it("is refused while waiting, and works once the guardian agrees", async () => {
    const organiser = await createUser({ roles: ["organiser"] });
    const cohortId = makeCohort({ actorId: organiser.id, curriculumId: installTestCurriculum(), startDate: "2030-01-05" });
    const young = await createYoungPerson();
    expect(joinCohort({ user: young, cohortId })).toMatchObject({ ok: false, code: "awaiting-guardian", status: 403 });
    agree(young);
    expect(joinCohort({ user: young, cohortId })).toMatchObject({ ok: true, status: "joined" });
  });
});

describe("mentoring", () => {
  it("refuses a request for a mentor while waiting, so no mentor hears of them", async () => {
    const mentor = await createMentorWithProfile({}, "Waiting Mentor");
    const young = await createYoungPerson();
    giveMenteeProfile(young.id);
    expect(requestMentor({ menteeId: young.id, mentorId: mentor.id, message: "Hello" })).toMatchObject({ ok: false, code: "awaiting-guardian" });
    expect(db.select().from(mentorships).where(eq(mentorships.menteeId, young.id)).all()).toHaveLength(0);
    agree(young);
    expect(requestMentor({ menteeId: young.id, mentorId: mentor.id, message: "Hello" })).toMatchObject({ ok: true });
  });

  it("leaves them out of match runs and offers no mentor for them while waiting", async () => {
    const organiser = await createUser({ roles: ["organiser"] });
    await createMentorWithProfile({ capacity: 5 }, "Match Mentor");
    const young = await createYoungPerson({ name: "Held Back" });
    giveMenteeProfile(young.id);
    const adult = await createUser({ name: "Ready Adult" });
    giveMenteeProfile(adult.id);

    const run = createMatchRun({ actorId: organiser.id, pool: { kind: "waiting" } });
    if (!run.ok) throw new Error(run.message);
    const menteeIds = db.select().from(matchProposals).where(eq(matchProposals.runId, run.runId)).all().map((p) => p.menteeId);
    expect(menteeIds).toContain(adult.id);
    expect(menteeIds).not.toContain(young.id);

    // A run staged before the account was held never pairs them either.
    const staged = db.select().from(matchProposals).where(eq(matchProposals.runId, run.runId)).get()!;
    db.update(matchProposals).set({ menteeId: young.id }).where(eq(matchProposals.id, staged.id)).run();
    expect(eligibleMentorsFor(run.runId, staged.id)).toEqual([]);

    agree(young);
    const after = createMatchRun({ actorId: organiser.id, pool: { kind: "waiting" } });
    if (!after.ok) throw new Error(after.message);
    expect(db.select().from(matchProposals).where(eq(matchProposals.runId, after.runId)).all().map((p) => p.menteeId)).toContain(young.id);
  });
});
