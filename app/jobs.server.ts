import { registerAdminJobs } from "~/modules/admin/index.server";
import { registerCohortJobs } from "~/modules/cohorts/index.server";
import { registerEventJobs } from "~/modules/events/index.server";
import { registerJourneyJobs } from "~/modules/journey/index.server";
import { registerMentoringJobs } from "~/modules/mentoring/index.server";
import { registerPrivacyJobs } from "~/modules/privacy/index.server";
import { registerSponsorshipJobs } from "~/modules/sponsorship/index.server";

/**
 * Every area's scheduled-job handlers, registered before the worker starts, so that a due job
 * always finds its handler whichever routes have been loaded. Areas add their `register…Jobs()`
 * call here.
 */
export function registerJobHandlers() {
  registerEventJobs();
  registerCohortJobs();
  registerMentoringJobs();
  registerJourneyJobs();
  registerSponsorshipJobs();
  registerPrivacyJobs();
  registerAdminJobs();
}
