import { db } from "~db/client.server";
import { clock, HOUR } from "~/utils/clock.server";
import { registerJobHandler, scheduleJob } from "~/modules/outbox/index.server";
import { issueDueAchievements } from "./achievements.server";

// Events sit below the journey and cannot call it when someone checks in, so an hourly sweep issues
// the attendance and journey certificates earned since (and a person's own page issues theirs at once).

export const ACHIEVEMENT_SWEEP_JOB = "journey.achievements";

/** Makes sure the next hourly sweep is scheduled; the key is the hour, so it is never scheduled twice. */
export function ensureAchievementSweepScheduled(now = clock.now()): void {
  const runAt = (Math.floor(now / HOUR) + 1) * HOUR;
  scheduleJob(db, { kind: ACHIEVEMENT_SWEEP_JOB, runAt, uniqueKey: `${ACHIEVEMENT_SWEEP_JOB}:${new Date(runAt).toISOString().slice(0, 13)}` });
}

export function registerAchievementJobs(): void {
  registerJobHandler(ACHIEVEMENT_SWEEP_JOB, () => {
    issueDueAchievements();
    ensureAchievementSweepScheduled(clock.now());
  });
}
