import { registerCohortJobs } from "./modules/cohorts/jobs.server";
import { registerEventJobs } from "./modules/events/event-jobs.server";
import { registerMentoringJobs } from "./modules/mentoring/jobs.server";
import { registerMentoringSessionJobs } from "./modules/mentoring/session-jobs.server";
import { registerSponsorshipJobs } from "./modules/sponsorship/refund-jobs.server";

/**
 * Every area's scheduled-job handlers, registered before the worker starts, so that a due job
 * always finds its handler whichever routes have been loaded. Areas add their `register…Jobs()`
 * call here.
 */
export function registerJobHandlers() {
  registerEventJobs();
  registerCohortJobs();
  registerMentoringJobs();
  registerMentoringSessionJobs();
  registerSponsorshipJobs();
}
