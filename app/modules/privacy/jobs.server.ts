import { clock } from "~/utils/clock.server";
import { registerJobHandler } from "~/modules/outbox/index.server";
import { ERASE_ACCOUNT_JOB, runScheduledErasure } from "./erasure.server";
import { BUILD_EXPORT_JOB, buildDataExport, DROP_EXPORT_JOB, dropExpiredExport } from "./export.server";
import { RETENTION_JOB, runDailyRetention } from "./retention.server";

/** The privacy area's scheduled work: erasures at the end of their cooling-off, the daily retention run, and people's data downloads. */
export function registerPrivacyJobs(): void {
  registerJobHandler(ERASE_ACCOUNT_JOB, (payload) => {
    if (typeof payload.requestId === "string") runScheduledErasure(payload.requestId, clock.now());
  });
  registerJobHandler(RETENTION_JOB, () => {
    runDailyRetention(clock.now());
  });
  registerJobHandler(BUILD_EXPORT_JOB, (payload) => buildDataExport(String(payload.exportId), String(payload.requestId), clock.now()));
  registerJobHandler(DROP_EXPORT_JOB, (payload) => dropExpiredExport(String(payload.exportId), clock.now()));
}
