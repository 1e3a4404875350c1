import { and, eq, sql } from "drizzle-orm";
import { db } from "~db/client.server";
import { mentoringSessions, mentorProfiles, mentorships } from "~db/schema";

/** Mentoring at a glance for the organisers' console: counts only, never notes or messages. */
export function mentoringFigures() {
  const byStatus = new Map(
    db
      .select({ status: mentorships.status, n: sql<number>`count(*)` })
      .from(mentorships)
      .groupBy(mentorships.status)
      .all()
      .map((row) => [row.status, row.n]),
  );
  const count = (query: { get(): { n: number } | undefined }) => query.get()?.n ?? 0;
  return {
    activePairs: byStatus.get("active") ?? 0,
    waitingRequests: byStatus.get("proposed") ?? 0,
    lapsedRequests: byStatus.get("lapsed") ?? 0,
    mentorsAwaitingApproval: count(db.select({ n: sql<number>`count(*)` }).from(mentorProfiles).where(eq(mentorProfiles.status, "pending"))),
    sessionsHeld: count(
      db
        .select({ n: sql<number>`count(*)` })
        .from(mentoringSessions)
        .where(and(eq(mentoringSessions.status, "confirmed"), sql`'held' in (${mentoringSessions.mentorOutcome}, ${mentoringSessions.menteeOutcome})`)),
    ),
  };
}
