import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { curriculumSteps } from "~db/schema";
import { releaseTimes } from "~/modules/cohorts/schedule";
import { runWorkerOnce } from "~/modules/outbox/worker.server";
import { clock, HOUR } from "~/utils/clock.server";
import { createUser, type TestUser } from "../support/factories";
import { installTestCurriculum, join, makeCohort, queued, releaseAtOf } from "../support/programme-factories";
import { updateCohort, registerCohortJobs } from "~/modules/cohorts/index.server";
import { updateOrganisation } from "~/modules/organisation/index.server";

let organiser: TestUser;

beforeAll(async () => {
  registerCohortJobs();
  organiser = await createUser({ roles: ["organiser"] });
});

afterAll(() => clock.set(null));

const stepIds = (curriculumId: string) =>
  db.select({ id: curriculumSteps.id }).from(curriculumSteps).where(eq(curriculumSteps.curriculumId, curriculumId)).orderBy(asc(curriculumSteps.position)).all().map((s) => s.id);

/** Runs the worker until it has nothing due (jobs may schedule more jobs). */
async function drain() {
  for (let i = 0; i < 10; i++) if ((await runWorkerOnce()).jobs === 0) return;
}

describe("release times", () => {
  it("open at the local hour in Lagos (UTC+1, no daylight saving)", () => {
    const times = releaseTimes({ kind: "interval", everyDays: 2, hour: 9 }, "2026-12-30", 3, "Africa/Lagos");
    expect(times).toEqual([Date.UTC(2026, 11, 30, 8), Date.UTC(2027, 0, 1, 8), Date.UTC(2027, 0, 3, 8)]);
  });

  it("keep the local hour across New York's spring-forward and fall-back changes", () => {
    // Sundays at 9 am from 1 March 2026; clocks go forward on 8 March and back on 1 November.
    const spring = releaseTimes({ kind: "weekly", weekday: 0, hour: 9 }, "2026-03-01", 3, "America/New_York");
    expect(spring).toEqual([Date.UTC(2026, 2, 1, 14), Date.UTC(2026, 2, 8, 13), Date.UTC(2026, 2, 15, 13)]);
    const autumn = releaseTimes({ kind: "interval", everyDays: 1, hour: 9 }, "2026-10-31", 3, "America/New_York");
    expect(autumn).toEqual([Date.UTC(2026, 9, 31, 13), Date.UTC(2026, 10, 1, 14), Date.UTC(2026, 10, 2, 14)]);
  });

  it("start weekly schedules on the first chosen weekday on or after the start date", () => {
    // 2 December 2026 is a Wednesday; the first Monday after it is 7 December.
    const times = releaseTimes({ kind: "weekly", weekday: 1, hour: 18 }, "2026-12-02", 2, "Africa/Lagos");
    expect(times).toEqual([Date.UTC(2026, 11, 7, 17), Date.UTC(2026, 11, 14, 17)]);
  });

  it("leave a step without a date unscheduled in a date-per-step schedule", () => {
    const times = releaseTimes({ kind: "dates", dates: ["2026-12-01", "", "2026-12-20"], hour: 10 }, "2026-12-01", 4, "Africa/Lagos");
    expect(times).toEqual([Date.UTC(2026, 11, 1, 9), null, Date.UTC(2026, 11, 20, 9), null]);
  });
});

describe("step releases for a cohort", () => {
  it("open each step at its local time in New York around a DST change and email each member once", async () => {
    updateOrganisation({ timeZone: "America/New_York" });
    clock.set(Date.UTC(2026, 1, 20));
    const curriculumId = installTestCurriculum();
    const [one, two] = stepIds(curriculumId);
    const cohortId = makeCohort({ actorId: organiser.id, curriculumId, startDate: "2026-03-01", schedule: { kind: "weekly", weekday: 0, hour: 9 } });
    const member = await createUser({ name: "Ada Member" });
    join(member, cohortId);
    expect(releaseAtOf(cohortId, two)).toBe(Date.UTC(2026, 2, 8, 13));

    clock.set(Date.UTC(2026, 2, 1, 14) - 1);
    await drain();
    expect(queued(member.email, "step-released")).toHaveLength(0);
    clock.set(Date.UTC(2026, 2, 1, 14));
    await drain();
    expect(queued(member.email, "step-released")).toHaveLength(1);
    expect(queued(member.email, "step-released")[0].props).toMatchObject({ stepNumber: 1, stepTitle: "Accept the outcome" });

    // One hour earlier in UTC than step 1, because clocks went forward.
    clock.set(Date.UTC(2026, 2, 8, 13) - 1);
    await drain();
    expect(queued(member.email, "step-released")).toHaveLength(1);
    clock.set(Date.UTC(2026, 2, 8, 13));
    await drain();
    clock.advance(HOUR);
    await drain();
    const sent = queued(member.email, "step-released");
    expect(sent.map((m) => m.props.stepNumber)).toEqual([1, 2]);
    expect(releaseAtOf(cohortId, one)).toBe(Date.UTC(2026, 2, 1, 14));
  });

  it("moves only steps not yet open when the schedule changes mid-cohort, and announces each step once", async () => {
    updateOrganisation({ timeZone: "Africa/Lagos" });
    clock.set(Date.UTC(2026, 10, 25));
    const curriculumId = installTestCurriculum();
    const [one, two, three] = stepIds(curriculumId);
    const cohortId = makeCohort({ actorId: organiser.id, curriculumId, startDate: "2026-12-01" });
    const member = await createUser();
    join(member, cohortId);
    expect([releaseAtOf(cohortId, one), releaseAtOf(cohortId, two)]).toEqual([Date.UTC(2026, 11, 1, 8), Date.UTC(2026, 11, 3, 8)]);

    clock.set(Date.UTC(2026, 11, 2, 12));
    await drain();
    expect(queued(member.email, "step-released")).toHaveLength(1);

    // Every three days at 7 am, from a later start: step 1 has opened and stays as it was.
    updateCohort({
      actorId: organiser.id,
      cohortId,
      values: { intent: "save", name: "Test cohort", startDate: "2026-12-02", scheduleKind: "interval", everyDays: 3, hour: 7, capacity: 30, nudgeAfterDays: 0 },
    });
    expect(releaseAtOf(cohortId, one)).toBe(Date.UTC(2026, 11, 1, 8));
    expect(releaseAtOf(cohortId, two)).toBe(Date.UTC(2026, 11, 5, 6));
    expect(releaseAtOf(cohortId, three)).toBe(Date.UTC(2026, 11, 8, 6));

    // The old time of step 2 passes: its old job finds the step not yet due.
    clock.set(Date.UTC(2026, 11, 3, 8, 30));
    await drain();
    expect(queued(member.email, "step-released")).toHaveLength(1);
    clock.set(Date.UTC(2026, 11, 5, 6));
    await drain();
    expect(queued(member.email, "step-released").map((m) => m.props.stepNumber)).toEqual([1, 2]);

    // Moving the start back makes step 3 due at once; it opens now, announced once.
    updateCohort({
      actorId: organiser.id,
      cohortId,
      values: { intent: "save", name: "Test cohort", startDate: "2026-11-20", scheduleKind: "interval", everyDays: 3, hour: 7, capacity: 30, nudgeAfterDays: 0 },
    });
    expect(releaseAtOf(cohortId, two)).toBe(Date.UTC(2026, 11, 5, 6));
    expect(releaseAtOf(cohortId, three)).toBe(Date.UTC(2026, 10, 26, 6));
    await drain();
    clock.advance(7 * 24 * HOUR);
    await drain();
    expect(queued(member.email, "step-released").map((m) => m.props.stepNumber)).toEqual([1, 2, 3]);
  });

  it("does not email people who join after a step opened about that step", async () => {
    updateOrganisation({ timeZone: "Africa/Lagos" });
    clock.set(Date.UTC(2026, 11, 10, 12));
    const curriculumId = installTestCurriculum();
    const cohortId = makeCohort({ actorId: organiser.id, curriculumId, startDate: "2026-12-10" });
    const late = await createUser();
    join(late, cohortId);
    await drain();
    expect(queued(late.email, "step-released")).toHaveLength(0);
    clock.set(Date.UTC(2026, 11, 12, 8));
    await drain();
    expect(queued(late.email, "step-released").map((m) => m.props.stepNumber)).toEqual([2]);
  });
});
