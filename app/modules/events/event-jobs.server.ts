import { registerJobHandler } from "~/modules/outbox/jobs.server";
import { FOLLOW_UP_JOB, REMINDER_JOB, sendFollowUpJob, sendRemindersJob } from "./reminders.server";
import { expireOfferJob, OFFER_EXPIRY_JOB } from "./waitlist.server";

/** The events area's scheduled work: reminders, feedback requests after the event, offer expiry. */
export function registerEventJobs() {
  registerJobHandler(REMINDER_JOB, sendRemindersJob);
  registerJobHandler(FOLLOW_UP_JOB, sendFollowUpJob);
  registerJobHandler(OFFER_EXPIRY_JOB, expireOfferJob);
}
