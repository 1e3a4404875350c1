import { runningTotals } from "~/utils/running-totals.server";

/**
 * The programme's outcomes for the organisers' console and sponsors' reports: counts only,
 * never anyone's answers. Applications count whatever their cohort, as they belong to people.
 * Running totals (ADR 0054), so the console reads rows, not tables.
 */
export function programmeFigures() {
  const totals = runningTotals(["cohorts", "cohort_participants", "steps_completed", "certificates", "job_applications", "job_applicants", "job_interviews", "job_hires"]);
  return {
    cohorts: totals.cohorts,
    participants: totals.cohort_participants,
    stepsCompleted: totals.steps_completed,
    certificates: totals.certificates,
    applications: { total: totals.job_applications, people: totals.job_applicants, interviews: totals.job_interviews, hired: totals.job_hires },
  };
}
