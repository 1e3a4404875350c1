import { and, asc, eq } from "drizzle-orm";
import type { Tx } from "~db/client.server";
import { cohorts, curriculumSteps, stepReleases } from "~db/schema";
import { releaseTimes } from "./schedule";
import { scheduleJob } from "~/modules/outbox/index.server";
import { getOrganisation } from "~/modules/organisation/index.server";


export const STEP_RELEASE_JOB = "cohort.step-release";
export const NUDGE_CHECK_JOB = "cohort.nudge-check";

/** Asks the worker to look for members to remind in `cohortId` at `at`. */
export function scheduleNudgeCheck(tx: Tx, cohortId: string, at: number) {
  scheduleJob(tx, { kind: NUDGE_CHECK_JOB, runAt: at, payload: { cohortId }, uniqueKey: `${NUDGE_CHECK_JOB}:${cohortId}:${at}` });
}

function scheduleRelease(tx: Tx, cohortId: string, stepId: string, runAt: number) {
  scheduleJob(tx, {
    kind: STEP_RELEASE_JOB,
    runAt,
    payload: { cohortId, stepId },
    // The run time is part of the key: a moved release gets a new job; the old one finds the
    // step not yet due (or already announced) and does nothing.
    uniqueKey: `${STEP_RELEASE_JOB}:${cohortId}:${stepId}:${runAt}`,
  });
}

/**
 * Brings a cohort's release times in line with its schedule and its curriculum's current steps.
 * Steps already open stay open at the time they opened; the others move to their new time.
 * Call inside the transaction that changed the schedule or the steps.
 */
export function syncReleases(tx: Tx, cohortId: string, now: number, timeZone = getOrganisation().timeZone) {
  const cohort = tx
    .select({ curriculumId: cohorts.curriculumId, startDate: cohorts.startDate, schedule: cohorts.schedule, nudgeAfterDays: cohorts.nudgeAfterDays })
    .from(cohorts)
    .where(eq(cohorts.id, cohortId))
    .get();
  if (!cohort) return;
  const steps = tx
    .select({ id: curriculumSteps.id })
    .from(curriculumSteps)
    .where(eq(curriculumSteps.curriculumId, cohort.curriculumId))
    .orderBy(asc(curriculumSteps.position))
    .all();
  const existing = new Map(
    tx
      .select()
      .from(stepReleases)
      .where(eq(stepReleases.cohortId, cohortId))
      .all()
      .map((row) => [row.stepId, row]),
  );
  const times = releaseTimes(cohort.schedule, cohort.startDate, steps.length, timeZone);
  steps.forEach((step, index) => {
    const current = existing.get(step.id);
    const opened = current?.notifiedAt != null || (current?.releaseAt != null && current.releaseAt <= now);
    if (opened) return;
    const releaseAt = times[index];
    if (!current) tx.insert(stepReleases).values({ cohortId, stepId: step.id, releaseAt }).run();
    else if (current.releaseAt !== releaseAt)
      tx.update(stepReleases).set({ releaseAt }).where(and(eq(stepReleases.cohortId, cohortId), eq(stepReleases.stepId, step.id))).run();
    if (releaseAt !== null && (current?.releaseAt !== releaseAt || !current)) scheduleRelease(tx, cohortId, step.id, Math.max(releaseAt, now));
  });
  // The reminder delay may have changed: look again now; the check plans its own next run.
  if (cohort.nudgeAfterDays) scheduleNudgeCheck(tx, cohortId, now);
}

/** After a curriculum's steps were added, removed or reordered: every cohort following it. */
export function syncCurriculumCohorts(tx: Tx, curriculumId: string, now: number) {
  const timeZone = getOrganisation().timeZone;
  const rows = tx.select({ id: cohorts.id }).from(cohorts).where(eq(cohorts.curriculumId, curriculumId)).all();
  for (const row of rows) syncReleases(tx, row.id, now, timeZone);
}
