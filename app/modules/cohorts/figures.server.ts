import { isNotNull, sql } from "drizzle-orm";
import { db } from "~db/client.server";
import { certificates, cohortMembers, cohorts, exerciseAnswers, jobApplications } from "~db/schema";

/**
 * The programme's outcomes for the organisers' console and sponsors' reports: counts only,
 * never anyone's answers. Applications count whatever their cohort, as they belong to people.
 */
export function programmeFigures() {
  const count = (query: { get(): { n: number } | undefined }) => query.get()?.n ?? 0;
  const applications = db
    .select({
      total: sql<number>`count(*)`,
      people: sql<number>`count(distinct ${jobApplications.userId})`,
      interviews: sql<number>`coalesce(sum(${jobApplications.status} in ('interview', 'offer', 'hired')), 0)`,
      hired: sql<number>`coalesce(sum(${jobApplications.status} = 'hired'), 0)`,
    })
    .from(jobApplications)
    .get()!;
  return {
    cohorts: count(db.select({ n: sql<number>`count(*)` }).from(cohorts)),
    participants: count(db.select({ n: sql<number>`count(distinct ${cohortMembers.userId})` }).from(cohortMembers)),
    stepsCompleted: count(db.select({ n: sql<number>`count(*)` }).from(exerciseAnswers).where(isNotNull(exerciseAnswers.completedAt))),
    certificates: count(db.select({ n: sql<number>`count(*)` }).from(certificates)),
    applications,
  };
}

