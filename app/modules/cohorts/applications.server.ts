import { and, desc, eq, isNull, lte, sql } from "drizzle-orm";
import { db, type Tx } from "~db/client.server";
import { cohortMembers, cohorts, curriculumSteps, exerciseAnswers, jobApplications, stepReleases } from "~db/schema";
import { randomId } from "~/utils/ids.server";
import { completeStep } from "./answers.server";
import type { ApplicationValues } from "./application-schemas";
import { clock } from "~/utils/clock.server";

type JobApplication = typeof jobApplications.$inferSelect;

// Applications belong to the person, not to a cohort: they stay when a cohort ends, and every
// query here is scoped by the owner's id.

export function listApplications(userId: string): JobApplication[] {
  return db
    .select()
    .from(jobApplications)
    .where(eq(jobApplications.userId, userId))
    .orderBy(desc(jobApplications.appliedOn), desc(jobApplications.createdAt))
    .all();
}

/**
 * Completes the open application-tracker steps of the person's cohorts once they have logged
 * the number of applications each asks for.
 */
function completeTrackerSteps(tx: Tx, userId: string, now: number) {
  const total = tx.select({ n: sql<number>`count(*)` }).from(jobApplications).where(eq(jobApplications.userId, userId)).get()!.n;
  const pending = tx
    .select({ memberId: cohortMembers.id, stepId: curriculumSteps.id, minEntries: sql<number>`json_extract(${curriculumSteps.exercise}, '$.minEntries')` })
    .from(cohortMembers)
    .innerJoin(cohorts, eq(cohorts.id, cohortMembers.cohortId))
    .innerJoin(curriculumSteps, eq(curriculumSteps.curriculumId, cohorts.curriculumId))
    .innerJoin(stepReleases, and(eq(stepReleases.cohortId, cohorts.id), eq(stepReleases.stepId, curriculumSteps.id)))
    .leftJoin(exerciseAnswers, and(eq(exerciseAnswers.memberId, cohortMembers.id), eq(exerciseAnswers.stepId, curriculumSteps.id)))
    .where(
      and(
        eq(cohortMembers.userId, userId),
        sql`json_extract(${curriculumSteps.exercise}, '$.kind') = 'application_tracker'`,
        lte(stepReleases.releaseAt, now),
        isNull(exerciseAnswers.completedAt),
      ),
    )
    .all();
  for (const step of pending) {
    if (total >= step.minEntries) completeStep(tx, step.memberId, step.stepId, { applications: total }, now);
  }
}

export function addApplication({ userId, values }: { userId: string; values: ApplicationValues }): string {
  const now = clock.now();
  return db.transaction(
    (tx) => {
      const id = randomId(16);
      tx.insert(jobApplications).values({ id, userId, ...values, createdAt: now, updatedAt: now }).run();
      completeTrackerSteps(tx, userId, now);
      return id;
    },
    { behavior: "immediate" },
  );
}

/** Returns false when the application is not the person's own (or no longer exists). */
export function updateApplication({ userId, id, values }: { userId: string; id: string; values: ApplicationValues }): boolean {
  const now = clock.now();
  return (
    db
      .update(jobApplications)
      .set({ ...values, updatedAt: now })
      .where(and(eq(jobApplications.id, id), eq(jobApplications.userId, userId)))
      .run().changes === 1
  );
}

export function deleteApplication({ userId, id }: { userId: string; id: string }): boolean {
  return db.delete(jobApplications).where(and(eq(jobApplications.id, id), eq(jobApplications.userId, userId))).run().changes === 1;
}

export function countApplications(userId: string): number {
  return db.select({ n: sql<number>`count(*)` }).from(jobApplications).where(eq(jobApplications.userId, userId)).get()!.n;
}
