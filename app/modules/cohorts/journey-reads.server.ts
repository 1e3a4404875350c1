import { and, asc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { db } from "~db/client.server";
import { certificates, cohortMembers, cohorts, curriculumSteps, exerciseAnswers, stepReleases } from "~db/schema";

/** A cohort on a person's journey: when they joined, each step they completed (not what they wrote), the certificate. */
export type CohortStop = {
  cohortId: string;
  cohortName: string;
  joinedAt: number;
  stepCount: number;
  stepsDone: { position: number; title: string; completedAt: number }[];
  certificateAt: number | null;
};

// Asked on every visit to a person's page (their due journey certificates): prepared once.
const certificateHeldStatement = db
  .select({ id: certificates.id })
  .from(certificates)
  .where(eq(certificates.userId, sql.placeholder("userId")))
  .limit(1)
  .prepare();

/** Whether the person holds any programme certificate: one probe of an index. */
export function holdsProgrammeCertificate(userId: string): boolean {
  return certificateHeldStatement.get({ userId }) !== undefined;
}

/** The person's cohorts with completion only: answers stay private (ADR 0013). */
export function cohortHistoryOf(userId: string): CohortStop[] {
  const memberships = db
    .select({ memberId: cohortMembers.id, cohortId: cohorts.id, cohortName: cohorts.name, curriculumId: cohorts.curriculumId, joinedAt: cohortMembers.joinedAt })
    .from(cohortMembers)
    .innerJoin(cohorts, eq(cohorts.id, cohortMembers.cohortId))
    .where(eq(cohortMembers.userId, userId))
    .orderBy(asc(cohortMembers.joinedAt))
    .all();
  if (!memberships.length) return [];
  const memberIds = memberships.map((m) => m.memberId);
  const done = db
    .select({ memberId: exerciseAnswers.memberId, position: curriculumSteps.position, title: curriculumSteps.title, completedAt: exerciseAnswers.completedAt })
    .from(exerciseAnswers)
    .innerJoin(curriculumSteps, eq(curriculumSteps.id, exerciseAnswers.stepId))
    .where(and(inArray(exerciseAnswers.memberId, memberIds), isNotNull(exerciseAnswers.completedAt)))
    .orderBy(asc(exerciseAnswers.completedAt))
    .all();
  const stepCounts = new Map(
    db
      .select({ curriculumId: curriculumSteps.curriculumId, n: sql<number>`count(*)` })
      .from(curriculumSteps)
      .where(inArray(curriculumSteps.curriculumId, [...new Set(memberships.map((m) => m.curriculumId))]))
      .groupBy(curriculumSteps.curriculumId)
      .all()
      .map((row) => [row.curriculumId, row.n]),
  );
  const certified = new Map(
    db
      .select({ memberId: certificates.memberId, completedAt: certificates.completedAt })
      .from(certificates)
      .where(inArray(certificates.memberId, memberIds))
      .all()
      .map((row) => [row.memberId, row.completedAt]),
  );
  return memberships.map((m) => ({
    cohortId: m.cohortId,
    cohortName: m.cohortName,
    joinedAt: m.joinedAt,
    stepCount: stepCounts.get(m.curriculumId) ?? 0,
    stepsDone: done.filter((d) => d.memberId === m.memberId).map((d) => ({ position: d.position, title: d.title, completedAt: d.completedAt! })),
    certificateAt: certified.get(m.memberId) ?? null,
  }));
}

/**
 * Members of the cohorts that ended in [from, to): a cohort ends when its last step opens (every
 * step scheduled, the latest release in the window). For the journey area's follow-ups.
 */
export function membersOfCohortsEndedBetween(from: number, to: number): { cohortId: string; endedAt: number; userId: string }[] {
  const ended = db
    .select({ cohortId: stepReleases.cohortId, endedAt: sql<number>`max(${stepReleases.releaseAt})` })
    .from(stepReleases)
    .groupBy(stepReleases.cohortId)
    .having(sql`count(*) = count(${stepReleases.releaseAt}) and max(${stepReleases.releaseAt}) >= ${from} and max(${stepReleases.releaseAt}) < ${to}`)
    .all();
  if (!ended.length) return [];
  const endedAt = new Map(ended.map((row) => [row.cohortId, row.endedAt]));
  return db
    .select({ cohortId: cohortMembers.cohortId, userId: cohortMembers.userId })
    .from(cohortMembers)
    .where(inArray(cohortMembers.cohortId, [...endedAt.keys()]))
    .all()
    .map((row) => ({ ...row, endedAt: endedAt.get(row.cohortId)! }));
}
