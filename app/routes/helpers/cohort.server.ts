import { notFound } from "~/utils/http.server";
import { findCohort } from "~/modules/cohorts/index.server";

/** For the organisers' pages of one cohort: the cohort, or a 404. */
export function cohortOr404(id: string | undefined) {
  const found = findCohort(id ?? "");
  if (!found) return notFound("There is no such cohort.");
  return found;
}
