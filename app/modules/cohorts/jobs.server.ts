import { and, eq, isNotNull, lte } from "drizzle-orm";
import { absoluteUrl } from "~/utils/urls.server";
import { db } from "~db/client.server";
import { cohortMembers, cohorts, curriculumSteps, exerciseAnswers, stepNudges, stepReleases, users } from "~db/schema";
import { clock, DAY } from "~/utils/clock.server";
import { isOpen } from "./progress.server";
import { NUDGE_CHECK_JOB, scheduleNudgeCheck, STEP_RELEASE_JOB } from "./releases.server";
import { registerJobHandler, enqueueMessage } from "~/modules/outbox/index.server";

function stepUrl(cohortId: string, position: number) {
  return absoluteUrl(`/me/programme/${cohortId}/steps/${position}`);
}

/**
 * Emails the cohort's members that a step has opened: once per step, whatever number of jobs
 * ask (a moved schedule leaves old jobs behind; they find the step already announced or not
 * yet due). Members who join after the step opened see it on their page instead.
 */
export function announceRelease(cohortId: string, stepId: string, now: number): number {
  return db.transaction(
    (tx) => {
      const release = tx
        .select()
        .from(stepReleases)
        .where(and(eq(stepReleases.cohortId, cohortId), eq(stepReleases.stepId, stepId)))
        .get();
      if (!release || release.notifiedAt !== null || !isOpen(release.releaseAt, now)) return 0;
      const releaseAt = release.releaseAt!;
      const cohort = tx.select({ name: cohorts.name, nudgeAfterDays: cohorts.nudgeAfterDays }).from(cohorts).where(eq(cohorts.id, cohortId)).get()!;
      const step = tx.select({ position: curriculumSteps.position, title: curriculumSteps.title, summary: curriculumSteps.summary }).from(curriculumSteps).where(eq(curriculumSteps.id, stepId)).get()!;
      const members = tx
        .select({ name: users.name, email: users.email })
        .from(cohortMembers)
        .innerJoin(users, eq(users.id, cohortMembers.userId))
        .where(and(eq(cohortMembers.cohortId, cohortId), lte(cohortMembers.joinedAt, releaseAt)))
        .all();
      for (const member of members) {
        enqueueMessage(tx, member.email, "step-released", {
          name: member.name,
          cohortName: cohort.name,
          stepNumber: step.position,
          stepTitle: step.title,
          stepSummary: step.summary,
          url: stepUrl(cohortId, step.position),
        });
      }
      tx.update(stepReleases).set({ notifiedAt: now }).where(and(eq(stepReleases.cohortId, cohortId), eq(stepReleases.stepId, stepId))).run();
      if (cohort.nudgeAfterDays) scheduleNudgeCheck(tx, cohortId, releaseAt + cohort.nudgeAfterDays * DAY);
      return members.length;
    },
    { behavior: "immediate" },
  );
}

/**
 * Reminds members who have left an open step undone for the cohort's reminder delay (counted
 * from when the step opened, or from when they joined if later). One reminder per member and
 * step, ever; someone behind on several steps gets one message naming the earliest. Plans the
 * next check itself. Returns the number of messages queued.
 */
export function sendDueNudges(cohortId: string, now: number): number {
  return db.transaction(
    (tx) => {
      const cohort = tx.select().from(cohorts).where(eq(cohorts.id, cohortId)).get();
      if (!cohort?.nudgeAfterDays) return 0;
      const delay = cohort.nudgeAfterDays * DAY;
      const steps = tx
        .select({ id: curriculumSteps.id, position: curriculumSteps.position, title: curriculumSteps.title, releaseAt: stepReleases.releaseAt })
        .from(stepReleases)
        .innerJoin(curriculumSteps, eq(curriculumSteps.id, stepReleases.stepId))
        .where(and(eq(stepReleases.cohortId, cohortId), isNotNull(stepReleases.releaseAt), lte(stepReleases.releaseAt, now)))
        .orderBy(curriculumSteps.position)
        .all();
      if (!steps.length) return 0;
      const members = tx
        .select({ id: cohortMembers.id, joinedAt: cohortMembers.joinedAt, name: users.name, email: users.email })
        .from(cohortMembers)
        .innerJoin(users, eq(users.id, cohortMembers.userId))
        .where(eq(cohortMembers.cohortId, cohortId))
        .all();
      const settled = new Set<string>();
      const inCohort = eq(cohortMembers.cohortId, cohortId);
      for (const r of tx.select({ m: exerciseAnswers.memberId, s: exerciseAnswers.stepId }).from(exerciseAnswers).innerJoin(cohortMembers, eq(cohortMembers.id, exerciseAnswers.memberId)).where(and(inCohort, isNotNull(exerciseAnswers.completedAt))).all())
        settled.add(`${r.m}:${r.s}`);
      for (const r of tx.select({ m: stepNudges.memberId, s: stepNudges.stepId }).from(stepNudges).innerJoin(cohortMembers, eq(cohortMembers.id, stepNudges.memberId)).where(inCohort).all())
        settled.add(`${r.m}:${r.s}`);
      let next = Number.POSITIVE_INFINITY;
      let sent = 0;
      for (const member of members) {
        const due = steps.filter((step) => {
          if (settled.has(`${member.id}:${step.id}`)) return false;
          const at = Math.max(step.releaseAt!, member.joinedAt) + delay;
          if (at > now) next = Math.min(next, at);
          return at <= now;
        });
        if (!due.length) continue;
        for (const step of due) tx.insert(stepNudges).values({ memberId: member.id, stepId: step.id, sentAt: now }).onConflictDoNothing().run();
        enqueueMessage(tx, member.email, "step-nudge", {
          name: member.name,
          cohortName: cohort.name,
          stepNumber: due[0].position,
          stepTitle: due[0].title,
          url: stepUrl(cohortId, due[0].position),
          moreWaiting: due.length - 1,
        });
        sent += 1;
      }
      if (Number.isFinite(next)) scheduleNudgeCheck(tx, cohortId, next);
      return sent;
    },
    { behavior: "immediate" },
  );
}

/** Registers this area's scheduled work; called once before the worker starts. */
export function registerCohortJobs() {
  registerJobHandler(STEP_RELEASE_JOB, (payload) => {
    announceRelease(String(payload.cohortId), String(payload.stepId), clock.now());
  });
  registerJobHandler(NUDGE_CHECK_JOB, (payload) => {
    sendDueNudges(String(payload.cohortId), clock.now());
  });
}
