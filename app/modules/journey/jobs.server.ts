import { db } from "~db/client.server";
import { clock, DAY, HOUR } from "~/utils/clock.server";
import { registerJobHandler, scheduleJob } from "~/modules/outbox/index.server";
import { sendDueFollowUps, sendFollowUpReminders } from "./follow-ups.server";
import { issueDueAchievements } from "./achievements.server";

export const FOLLOW_UP_SWEEP_JOB = "journey.follow-up-sweep";

// Once a day at 09:00 in Lagos (08:00 UTC): a friendly hour for a question.
const SWEEP_HOUR_UTC = 8;

function nextSweep(now: number): { runAt: number; uniqueKey: string } {
  const day = new Date(now);
  day.setUTCHours(SWEEP_HOUR_UTC, 0, 0, 0);
  let runAt = day.getTime();
  if (runAt <= now) runAt += DAY;
  return { runAt, uniqueKey: `${FOLLOW_UP_SWEEP_JOB}:${new Date(runAt).toISOString().slice(0, 10)}` };
}

/** Makes sure the next daily sweep is scheduled (at start, and by each sweep for the next day); the day is the key. */
export function ensureFollowUpSweepScheduled(now = clock.now()): void {
  scheduleJob(db, { kind: FOLLOW_UP_SWEEP_JOB, ...nextSweep(now) });
}

/**
 * The journey's daily sweep: new follow-ups, then reminders, then the certificates earned since
 * yesterday (events sit below the journey and cannot issue them at check-in; a person's own page
 * issues theirs at once), then tomorrow's sweep.
 */
export function runFollowUpSweep(at: number): { sent: number; reminded: number } {
  const sent = sendDueFollowUps(at);
  const reminded = sendFollowUpReminders(at);
  issueDueAchievements();
  ensureFollowUpSweepScheduled(at + HOUR);
  return { sent, reminded };
}

export function registerJourneyJobs(): void {
  registerJobHandler(FOLLOW_UP_SWEEP_JOB, () => {
    runFollowUpSweep(clock.now());
  });
}
