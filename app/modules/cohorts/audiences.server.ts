import { and, asc, eq, isNotNull, isNull, lte } from "drizzle-orm";
import { db } from "~db/client.server";
import { cohortMembers, curriculumSteps, exerciseAnswers, stepReleases, users } from "~db/schema";
import type { Recipient } from "~/modules/outbox/index.server";
import { clock, DAY } from "~/utils/clock.server";

// Who organisers can write to in a cohort (ADR 0033).

function members(cohortId: string) {
  return db
    .select({ memberId: cohortMembers.id, joinedAt: cohortMembers.joinedAt, userId: users.id, email: users.email, name: users.name })
    .from(cohortMembers)
    .innerJoin(users, eq(users.id, cohortMembers.userId))
    .where(and(eq(cohortMembers.cohortId, cohortId), isNull(users.erasedAt)))
    .orderBy(asc(users.name), asc(users.id))
    .all();
}

const asRecipient = ({ userId, email, name }: Recipient): Recipient => ({ userId, email, name });

/** Everyone in the cohort with an account that was not erased. */
export function cohortMembersAudience(cohortId: string): Recipient[] {
  return members(cohortId).map(asRecipient);
}

/**
 * Members stuck on a step: it is their current step (the first open one they have not finished,
 * as their programme page shows it) and has been for at least `days` days, counted from when it
 * opened or from when they joined, whichever is later (as reminders count).
 */
export function stuckOnStepAudience(cohortId: string, stepPosition: number, days: number): Recipient[] {
  const now = clock.now();
  const opened = db
    .select({ id: curriculumSteps.id, position: curriculumSteps.position, releaseAt: stepReleases.releaseAt })
    .from(stepReleases)
    .innerJoin(curriculumSteps, eq(curriculumSteps.id, stepReleases.stepId))
    .where(and(eq(stepReleases.cohortId, cohortId), isNotNull(stepReleases.releaseAt), lte(stepReleases.releaseAt, now)))
    .orderBy(asc(curriculumSteps.position))
    .all();
  const step = opened.find((s) => s.position === stepPosition);
  if (!step) return [];
  const done = new Set(
    db
      .select({ memberId: exerciseAnswers.memberId, stepId: exerciseAnswers.stepId })
      .from(exerciseAnswers)
      .innerJoin(cohortMembers, eq(cohortMembers.id, exerciseAnswers.memberId))
      .where(and(eq(cohortMembers.cohortId, cohortId), isNotNull(exerciseAnswers.completedAt)))
      .all()
      .map((row) => `${row.memberId}:${row.stepId}`),
  );
  const since = now - days * DAY;
  return members(cohortId)
    .filter((member) => {
      const current = opened.find((s) => !done.has(`${member.memberId}:${s.id}`));
      return current?.id === step.id && Math.max(step.releaseAt!, member.joinedAt) <= since;
    })
    .map(asRecipient);
}
