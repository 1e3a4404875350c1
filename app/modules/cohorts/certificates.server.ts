import { and, eq, isNotNull, sql } from "drizzle-orm";
import { db, type Tx } from "~db/client.server";
import { certificates, cohortMembers, cohorts, curricula, curriculumSteps, exerciseAnswers, users } from "~db/schema";
import { randomId } from "~/utils/ids.server";
import { getOrganisation } from "~/modules/organisation/index.server";

type Certificate = typeof certificates.$inferSelect;

/**
 * Issues the member's certificate when every step of the curriculum is done. The id is the
 * public verification address: 128 random bits, so certificates cannot be listed by guessing.
 */
export function issueCertificateIfComplete(tx: Tx, memberId: string, now: number): { certificateId: string | null; finishedNow: boolean } {
  const existing = tx.select({ id: certificates.id }).from(certificates).where(eq(certificates.memberId, memberId)).get();
  if (existing) return { certificateId: existing.id, finishedNow: false };
  const member = tx
    .select({ userId: cohortMembers.userId, name: users.name, cohortName: cohorts.name, curriculumId: curricula.id, curriculumTitle: curricula.title })
    .from(cohortMembers)
    .innerJoin(users, eq(users.id, cohortMembers.userId))
    .innerJoin(cohorts, eq(cohorts.id, cohortMembers.cohortId))
    .innerJoin(curricula, eq(curricula.id, cohorts.curriculumId))
    .where(eq(cohortMembers.id, memberId))
    .get();
  if (!member) return { certificateId: null, finishedNow: false };
  const counts = tx
    .select({
      total: sql<number>`count(*)`,
      done: sql<number>`count(${exerciseAnswers.completedAt})`,
    })
    .from(curriculumSteps)
    .leftJoin(
      exerciseAnswers,
      and(eq(exerciseAnswers.stepId, curriculumSteps.id), eq(exerciseAnswers.memberId, memberId), isNotNull(exerciseAnswers.completedAt)),
    )
    .where(eq(curriculumSteps.curriculumId, member.curriculumId))
    .get()!;
  if (counts.total === 0 || counts.done < counts.total) return { certificateId: null, finishedNow: false };
  const id = randomId(16);
  tx.insert(certificates)
    .values({
      id,
      memberId,
      userId: member.userId,
      recipientName: member.name,
      curriculumTitle: member.curriculumTitle,
      cohortName: member.cohortName,
      organisationName: getOrganisation().name,
      completedAt: now,
    })
    .run();
  return { certificateId: id, finishedNow: true };
}

export function findCertificate(id: string): Certificate | undefined {
  return db.select().from(certificates).where(eq(certificates.id, id)).get();
}
