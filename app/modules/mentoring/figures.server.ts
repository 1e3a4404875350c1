import { runningTotals } from "~/utils/running-totals.server";

/** Mentoring at a glance for the organisers' console: counts only, never notes or messages, each a running total. */
export function mentoringFigures() {
  const totals = runningTotals(["mentorships:active", "mentorships:proposed", "mentorships:lapsed", "mentoring_sessions_held", "mentor_profiles:pending"]);
  return {
    activePairs: totals["mentorships:active"],
    waitingRequests: totals["mentorships:proposed"],
    lapsedRequests: totals["mentorships:lapsed"],
    mentorsAwaitingApproval: totals["mentor_profiles:pending"],
    sessionsHeld: totals.mentoring_sessions_held,
  };
}
