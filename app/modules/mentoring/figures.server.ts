import { eq, sql } from "drizzle-orm";
import { db } from "~db/client.server";
import { mentorProfiles } from "~db/schema";
import { runningTotals } from "~/utils/running-totals.server";

/** Mentoring at a glance for the organisers' console: counts only, never notes or messages; running totals but for the queue of mentors to approve. */
export function mentoringFigures() {
  const totals = runningTotals(["mentorships:active", "mentorships:proposed", "mentorships:lapsed", "mentoring_sessions_held"]);
  return {
    activePairs: totals["mentorships:active"],
    waitingRequests: totals["mentorships:proposed"],
    lapsedRequests: totals["mentorships:lapsed"],
    mentorsAwaitingApproval: db.select({ n: sql<number>`count(*)` }).from(mentorProfiles).where(eq(mentorProfiles.status, "pending")).get()?.n ?? 0,
    sessionsHeld: totals.mentoring_sessions_held,
  };
}
