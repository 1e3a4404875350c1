import { FOLLOW_UP_JOB, REMINDER_JOB, sendFollowUpJob, sendRemindersJob } from "./follow-up/reminders.server";
import { expireOfferJob, OFFER_EXPIRY_JOB } from "./booking/waitlist.server";
import { registerJobHandler } from "~/modules/outbox/index.server";

/** The events area's scheduled work: reminders, feedback requests after the event, offer expiry. */
export function registerEventJobs() {
  registerJobHandler(REMINDER_JOB, sendRemindersJob);
  registerJobHandler(FOLLOW_UP_JOB, sendFollowUpJob);
  registerJobHandler(OFFER_EXPIRY_JOB, expireOfferJob);
}
