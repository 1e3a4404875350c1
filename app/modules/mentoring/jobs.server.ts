import { clock } from "~/utils/clock.server";
import { CHECK_IN_JOB, sendCheckInJob } from "./check-ins.server";
import { lapseRequestJob, REQUEST_LAPSE_JOB } from "./requests.server";
import { sendSessionReminderJob, SESSION_REMINDER_JOB } from "./session-reminders.server";
import { registerJobHandler } from "~/modules/outbox/index.server";

/** Mentoring's scheduled work: requests lapsing after 7 days, periodic check-ins, session reminders. */
export function registerMentoringJobs() {
  registerJobHandler(REQUEST_LAPSE_JOB, (payload) => lapseRequestJob(payload, clock.now()));
  registerJobHandler(CHECK_IN_JOB, sendCheckInJob);
  registerJobHandler(SESSION_REMINDER_JOB, sendSessionReminderJob);
}
