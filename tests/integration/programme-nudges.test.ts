import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { curriculumSteps, stepNudges } from "~db/schema";
import { announceRelease, sendDueNudges } from "~/modules/cohorts/jobs.server";
import { runWorkerOnce } from "~/modules/outbox/worker.server";
import { clock, DAY, HOUR } from "~/utils/clock.server";
import { createUser, type TestUser } from "../support/factories";
import { installTestCurriculum, join, makeCohort, queued } from "../support/programme-factories";
import { saveAnswer, registerCohortJobs } from "~/modules/cohorts/index.server";
import { updateOrganisation } from "~/modules/organisation/index.server";

let organiser: TestUser;

beforeAll(async () => {
  registerCohortJobs();
  updateOrganisation({ timeZone: "America/New_York" });
  organiser = await createUser({ roles: ["organiser"] });
});

afterAll(() => clock.set(null));

async function drain() {
  for (let i = 0; i < 10; i++) if ((await runWorkerOnce()).jobs === 0) return;
}

const stepIds = (curriculumId: string) =>
  db.select({ id: curriculumSteps.id }).from(curriculumSteps).where(eq(curriculumSteps.curriculumId, curriculumId)).orderBy(asc(curriculumSteps.position)).all().map((s) => s.id);

// 9 am in New York, 5 January 2027 (standard time, UTC-5); a step every 3 days; reminders after 2 days.
const STEP1 = Date.UTC(2027, 0, 5, 14);

describe("reminders", () => {
  it("go once per member and step, only to those who have not done the open step", async () => {
    clock.set(STEP1 - DAY);
    const curriculumId = installTestCurriculum();
    const cohortId = makeCohort({ actorId: organiser.id, curriculumId, startDate: "2027-01-05", schedule: { kind: "interval", everyDays: 3, hour: 9 }, nudgeAfterDays: 2 });
    const slow = await createUser({ name: "Slow" });
    const quick = await createUser({ name: "Quick" });
    join(slow, cohortId);
    const quickMember = join(quick, cohortId);
    const [one] = stepIds(curriculumId);

    clock.set(STEP1);
    await drain();
    saveAnswer({ memberId: quickMember, stepId: one, answer: { values: { feeling: "ok", next: "go" } } });

    clock.set(STEP1 + 2 * DAY - 1);
    await drain();
    expect(queued(slow.email, "step-nudge")).toHaveLength(0);

    clock.set(STEP1 + 2 * DAY);
    await drain();
    const first = queued(slow.email, "step-nudge");
    expect(first).toHaveLength(1);
    expect(first[0].props).toMatchObject({ stepNumber: 1, moreWaiting: 0 });
    expect(queued(quick.email, "step-nudge")).toHaveLength(0);

    // Later checks, and a check asked for directly, never remind about step 1 again.
    for (let i = 0; i < 3; i++) {
      clock.advance(6 * HOUR);
      await drain();
      expect(sendDueNudges(cohortId, clock.now())).toBe(0);
    }
    expect(queued(slow.email, "step-nudge")).toHaveLength(1);

    // Step 2 opens on day 3; the slow member is reminded about it on day 5, once.
    clock.set(STEP1 + 5 * DAY);
    await drain();
    expect(queued(slow.email, "step-nudge").map((m) => m.props.stepNumber)).toEqual([1, 2]);
    expect(queued(quick.email, "step-nudge").map((m) => m.props.stepNumber)).toEqual([2]);
    clock.set(STEP1 + 6 * DAY);
    await drain();
    expect(queued(slow.email, "step-nudge")).toHaveLength(2);
  });

  it("send one message to someone behind on several steps, and count from when a late joiner joined", async () => {
    clock.set(STEP1 - DAY);
    const curriculumId = installTestCurriculum();
    const cohortId = makeCohort({ actorId: organiser.id, curriculumId, startDate: "2027-01-05", schedule: { kind: "interval", everyDays: 1, hour: 9 }, nudgeAfterDays: 3 });
    // Joins when steps 1 to 3 are already open.
    clock.set(STEP1 + 2 * DAY + HOUR);
    const late = await createUser({ name: "Late" });
    const lateMember = join(late, cohortId);
    await drain();
    clock.set(STEP1 + 5 * DAY + HOUR - 1);
    await drain();
    expect(queued(late.email, "step-nudge")).toHaveLength(0);
    clock.set(STEP1 + 5 * DAY + HOUR);
    await drain();
    const sent = queued(late.email, "step-nudge");
    expect(sent).toHaveLength(1);
    expect(sent[0].props).toMatchObject({ stepNumber: 1, moreWaiting: 2 });
    const nudged = db.select().from(stepNudges).where(eq(stepNudges.memberId, lateMember)).all();
    expect(nudged).toHaveLength(3);
    // Nobody is told about steps that opened before they joined.
    expect(queued(late.email, "step-released")).toHaveLength(0);
  });

  it("are off when the cohort's delay is 0", async () => {
    clock.set(STEP1 - DAY);
    const curriculumId = installTestCurriculum();
    const cohortId = makeCohort({ actorId: organiser.id, curriculumId, startDate: "2027-01-05", nudgeAfterDays: 0 });
    const member = await createUser();
    join(member, cohortId);
    clock.set(STEP1 + 30 * DAY);
    await drain();
    expect(sendDueNudges(cohortId, clock.now())).toBe(0);
    expect(queued(member.email, "step-nudge")).toHaveLength(0);
  });
});

describe("the step-opened email", () => {
  it("goes once, however many times the release is processed", async () => {
    clock.set(STEP1 - DAY);
    const curriculumId = installTestCurriculum();
    const cohortId = makeCohort({ actorId: organiser.id, curriculumId, startDate: "2027-01-05", nudgeAfterDays: 0 });
    const member = await createUser();
    join(member, cohortId);
    const [one] = stepIds(curriculumId);
    expect(announceRelease(cohortId, one, STEP1 - 1)).toBe(0);
    clock.set(STEP1);
    await drain();
    expect(announceRelease(cohortId, one, clock.now())).toBe(0);
    await drain();
    const sent = queued(member.email, "step-released");
    expect(sent).toHaveLength(1);
    expect(sent[0].props.url).toBe(`http://localhost:3000/me/programme/${cohortId}/steps/1`);
  });
});
