import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { matchRuns, mentorships } from "~db/schema";
import { createMatchedMentorship } from "~/modules/mentoring/mentorships.server";
import { NO_PROFILE_REASON, TAKEN_REASON } from "~/modules/mentoring/group-matching.server";
import { action as startAction, loader as startLoader } from "~/routes/admin.mentoring.match._index";
import { action as runAction, loader as runLoader } from "~/routes/admin.mentoring.match.$runId";
import { clock } from "~/utils/clock.server";
import { createUser, formRequest, getRequest, loadContext, signIn, type TestUser, routeArgs } from "../support/factories";
import { createMenteeWithProfile, createMentorWithProfile } from "../support/mentoring-profile-factories";
import { installTestCurriculum, join, makeCohort, queued } from "../support/programme-factories";
import { runRoute } from "../support/route-results";
import { runProposals } from "~/modules/mentoring/index.server";
import { updateOrganisation } from "~/modules/organisation/index.server";

let organiser: TestUser;
let cookie: string;
const ctx = loadContext();

beforeAll(async () => {
  updateOrganisation({ timeZone: "Africa/Lagos" });
  clock.set(Date.UTC(2026, 10, 20, 9));
  organiser = await createUser({ name: "Org Aniser", roles: ["organiser"] });
  cookie = signIn(organiser.id).cookieHeader;
});

afterAll(() => clock.set(null));

async function startRun(pool: string, as = cookie) {
  return runRoute(() => startAction(routeArgs({ request: formRequest("/admin/mentoring/match", { pool }, { cookie: as }), params: {}, context: ctx })));
}

function runIdFrom(result: { headers: Headers }): string {
  const location = result.headers.get("location") ?? "";
  expect(location).toMatch(/^\/admin\/mentoring\/match\/[A-Za-z0-9]+$/);
  return location.split("/").pop()!;
}

function onRun(runId: string, fields: Record<string, string>, as = cookie) {
  return runRoute(() => runAction(routeArgs({ request: formRequest(`/admin/mentoring/match/${runId}`, fields, { cookie: as }), params: { runId }, context: ctx })));
}

const byMentee = (runId: string) => new Map(runProposals(runId).map((p) => [p.menteeId, p]));
const activeOf = (menteeId: string) => db.select().from(mentorships).where(eq(mentorships.menteeId, menteeId)).all();

describe("group matching of everyone waiting", () => {
  let ada: TestUser, bola: TestUser, xMentor: TestUser, yMentor: TestUser, runId: string;

  it("gives everyone a mentor where a first-come greedy pass would leave Bola out", async () => {
    // X fits Ada best (same city), but X is also Bola's only mentor with a shared language.
    xMentor = await createMentorWithProfile({ languages: ["English", "Yoruba"], industries: ["Banking"], city: "Lagos", capacity: 1 }, "Xavier Mentor");
    yMentor = await createMentorWithProfile({ languages: ["English"], industries: ["Banking"], city: "Abuja", capacity: 1 }, "Yemi Mentor");
    ada = await createMenteeWithProfile({ languages: ["English"], industries: ["Banking"], city: "Lagos" }, "Ada Mentee");
    bola = await createMenteeWithProfile({ languages: ["Yoruba"] }, "Bola Mentee");

    const page = await runRoute(() => startLoader(routeArgs({ request: getRequest("/admin/mentoring/match", { cookie }), params: {}, context: ctx })));
    expect((page.data as { pools: { value: string; label: string }[] }).pools[0]).toEqual({ value: "waiting", label: "Every participant with a mentee profile and no mentor (2)" });

    const started = await startRun("waiting");
    expect(started.status).toBe(302);
    runId = runIdFrom(started);
    const proposals = byMentee(runId);
    expect(proposals.get(ada.id)).toMatchObject({ mentorId: yMentor.id, score: 35 });
    expect(proposals.get(ada.id)!.reasons).toContain("Works in Banking, which you are aiming for");
    expect(proposals.get(bola.id)).toMatchObject({ mentorId: xMentor.id });
    expect(proposals.get(bola.id)!.reasons).toContain("Both speak Yoruba");
    // Staged only: nothing made, nothing sent.
    expect(activeOf(ada.id)).toEqual([]);
    expect(queued(ada.email, "mentorship-matched")).toEqual([]);
  });

  it("offers only mentors with room left in the run, and refuses any other", async () => {
    const adaProposal = byMentee(runId).get(ada.id)!;
    const bolaProposal = byMentee(runId).get(bola.id)!;
    const page = await runRoute(() => runLoader(routeArgs({ request: getRequest(`/admin/mentoring/match/${runId}?change=${adaProposal.id}`, { cookie }), params: { runId }, context: ctx })));
    const options = (page.data as { changing: { options: { value: string }[] } }).changing.options.map((o) => o.value);
    expect(options).toEqual([yMentor.id, "none"]);

    const refused = await onRun(runId, { intent: "change", proposalId: adaProposal.id, mentorId: xMentor.id });
    expect(refused.status).toBe(400);
    expect(byMentee(runId).get(ada.id)!.mentorId).toBe(yMentor.id);

    expect((await onRun(runId, { intent: "change", proposalId: bolaProposal.id, mentorId: "none" })).status).toBe(302);
    expect(byMentee(runId).get(bola.id)).toMatchObject({ mentorId: null, score: null });
    expect((await onRun(runId, { intent: "change", proposalId: adaProposal.id, mentorId: xMentor.id })).status).toBe(302);
    expect(byMentee(runId).get(ada.id)).toMatchObject({ mentorId: xMentor.id, score: 50 });
    expect(byMentee(runId).get(ada.id)!.reasons).toContain("Both in Lagos");
  });

  it("publishes once: makes the mentorships, emails both sides, and records each outcome", async () => {
    const published = await onRun(runId, { intent: "publish" });
    expect(published.status).toBe(302);
    expect(activeOf(ada.id)).toMatchObject([{ mentorId: xMentor.id, status: "active", source: "match", matchRunId: runId }]);
    expect(activeOf(bola.id)).toEqual([]);
    expect(queued(ada.email, "mentorship-matched")).toHaveLength(1);
    expect(queued(xMentor.email, "mentorship-matched")).toHaveLength(1);
    expect(byMentee(runId).get(ada.id)!.outcome).toBe("Matched");
    expect(byMentee(runId).get(bola.id)!.outcome).toBe("No mentor assigned");
    expect(db.select().from(matchRuns).where(eq(matchRuns.id, runId)).get()).toMatchObject({ status: "published", publishedAt: clock.now() });

    const again = await onRun(runId, { intent: "publish" });
    expect(again.status).toBe(400);
    expect(activeOf(ada.id)).toHaveLength(1);
    expect(queued(ada.email, "mentorship-matched")).toHaveLength(1);
    const late = await onRun(runId, { intent: "change", proposalId: byMentee(runId).get(bola.id)!.id, mentorId: yMentor.id });
    expect(late.status).toBe(400);
  });
});

describe("group matching of a cohort", () => {
  let curriculumId: string;
  beforeAll(() => {
    curriculumId = installTestCurriculum();
  });

  it("leaves out members who have a mentor, explains members without a profile, and refuses an empty group", async () => {
    const mentor = await createMentorWithProfile({ languages: ["Hausa"], capacity: 2 }, "Hauwa Mentor");
    const cohortId = makeCohort({ actorId: organiser.id, curriculumId, startDate: "2026-12-01", name: "Kano cohort" });
    const withProfile = await createMenteeWithProfile({ languages: ["Hausa"] }, "Musa Member");
    const noProfile = await createUser({ name: "Aisha Member" });
    const mentored = await createMenteeWithProfile({ languages: ["Hausa"] }, "Sani Member");
    for (const person of [withProfile, noProfile, mentored]) join(person, cohortId);
    db.transaction((tx) => createMatchedMentorship(tx, { mentorId: mentor.id, menteeId: mentored.id, runId: makeRunRow(), now: clock.now() }), { behavior: "immediate" });

    const runId = runIdFrom(await startRun(`cohort:${cohortId}`));
    const proposals = byMentee(runId);
    expect([...proposals.keys()].sort()).toEqual([withProfile.id, noProfile.id].sort());
    expect(proposals.get(withProfile.id)).toMatchObject({ mentorId: mentor.id });
    expect(proposals.get(noProfile.id)).toMatchObject({ mentorId: null, reasons: [NO_PROFILE_REASON] });

    const emptyCohort = makeCohort({ actorId: organiser.id, curriculumId, startDate: "2026-12-01", name: "Empty cohort" });
    const empty = await startRun(`cohort:${emptyCohort}`);
    expect(empty.status).toBe(400);
    expect((empty.data as { error: Record<string, string[]> }).error.pool).toEqual(["Nobody in that group is waiting for a mentor"]);
    expect((await startRun("cohort:doesnotexist")).status).toBe(400);
    expect((await startRun("everyone; drop table")).status).toBe(400);
  });

  it("reports a proposal whose mentor filled up after staging instead of overfilling", async () => {
    const mentor = await createMentorWithProfile({ languages: ["Igbo"], capacity: 1 }, "Ngozi Mentor");
    const cohortId = makeCohort({ actorId: organiser.id, curriculumId, startDate: "2026-12-01", name: "Enugu cohort" });
    const first = await createMenteeWithProfile({ languages: ["Igbo"] }, "Obi Member");
    const second = await createMenteeWithProfile({ languages: ["Igbo"] }, "Uche Member");
    join(first, cohortId);
    join(second, cohortId);
    const runId = runIdFrom(await startRun(`cohort:${cohortId}`));
    const proposals = runProposals(runId);
    expect(proposals.filter((p) => p.mentorId === mentor.id)).toHaveLength(1);
    expect(proposals.filter((p) => p.mentorId === null).map((p) => p.reasons)).toEqual([[TAKEN_REASON]]);
    const chosen = proposals.find((p) => p.mentorId === mentor.id)!;

    // Someone else takes the mentor's last place before the organiser publishes.
    const outsider = await createMenteeWithProfile({ languages: ["Igbo"] }, "Outside Person");
    db.transaction((tx) => createMatchedMentorship(tx, { mentorId: mentor.id, menteeId: outsider.id, runId: makeRunRow(), now: clock.now() }), { behavior: "immediate" });

    const published = await onRun(runId, { intent: "publish" });
    expect(published.status).toBe(302);
    expect(activeOf(chosen.menteeId)).toEqual([]);
    expect(byMentee(runId).get(chosen.menteeId)!.outcome).toBe("Not made: This mentor has no places left.");
    expect(db.select().from(mentorships).where(eq(mentorships.mentorId, mentor.id)).all().filter((m) => m.status === "active")).toHaveLength(1);
  });

  it("does not give a second mentor to a mentee who found one after the run was staged", async () => {
    const staged = await createMentorWithProfile({ languages: ["Nigerian Pidgin"], capacity: 2 }, "Staged Mentor");
    const other = await createMentorWithProfile({ languages: ["Nigerian Pidgin"], capacity: 2 }, "Quick Mentor");
    const cohortId = makeCohort({ actorId: organiser.id, curriculumId, startDate: "2026-12-01", name: "Port Harcourt cohort" });
    const member = await createMenteeWithProfile({ languages: ["Nigerian Pidgin"] }, "Ebi Member");
    join(member, cohortId);
    const runId = runIdFrom(await startRun(`cohort:${cohortId}`));
    expect(byMentee(runId).get(member.id)!.mentorId).not.toBeNull();

    // Before the organiser publishes, the member gets a mentor another way (a request accepted, another run).
    const mentorNow = byMentee(runId).get(member.id)!.mentorId === staged.id ? other : staged;
    db.transaction((tx) => createMatchedMentorship(tx, { mentorId: mentorNow.id, menteeId: member.id, runId: makeRunRow(), now: clock.now() }), { behavior: "immediate" });

    expect((await onRun(runId, { intent: "publish" })).status).toBe(302);
    expect(activeOf(member.id).filter((m) => m.status === "active").map((m) => m.mentorId)).toEqual([mentorNow.id]);
    expect(byMentee(runId).get(member.id)!.outcome).toMatch(/^Not made: .*already has a mentor/);
  });

  it("discards a run without telling anyone, after which it cannot be changed or published", async () => {
    await createMentorWithProfile({ languages: ["French"], capacity: 1 }, "Fatou Mentor");
    const cohortId = makeCohort({ actorId: organiser.id, curriculumId, startDate: "2026-12-01", name: "Francophone cohort" });
    const member = await createMenteeWithProfile({ languages: ["French"] }, "Amadou Member");
    join(member, cohortId);
    const runId = runIdFrom(await startRun(`cohort:${cohortId}`));
    expect((await onRun(runId, { intent: "discard" })).status).toBe(302);
    expect(db.select().from(matchRuns).where(eq(matchRuns.id, runId)).get()?.status).toBe("discarded");
    expect((await onRun(runId, { intent: "publish" })).status).toBe(400);
    expect(activeOf(member.id)).toEqual([]);
    expect(queued(member.email, "mentorship-matched")).toEqual([]);
  });
});

describe("who may match", () => {
  it("is organisers only, and an unknown run is a 404", async () => {
    const mentor = await createMentorWithProfile({}, "Curious Mentor");
    const theirs = signIn(mentor.id).cookieHeader;
    expect((await runRoute(() => startLoader(routeArgs({ request: getRequest("/admin/mentoring/match", { cookie: theirs }), params: {}, context: ctx })))).status).toBe(403);
    expect((await startRun("waiting", theirs)).status).toBe(403);
    const missing = await runRoute(() => runLoader(routeArgs({ request: getRequest("/admin/mentoring/match/nope", { cookie }), params: { runId: "nope" }, context: ctx })));
    expect(missing.status).toBe(404);
    expect((await onRun("nope", { intent: "publish" })).status).toBe(404);
  });
});

function makeRunRow(): string {
  const id = `manual${Math.random().toString(36).slice(2, 10)}`;
  db.insert(matchRuns).values({ id, label: "Set up by the test", createdAt: clock.now() }).run();
  return id;
}
