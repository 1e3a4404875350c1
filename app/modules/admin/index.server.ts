// The admin area's front door for server code (routes, other areas, scripts).
export { listAudit } from "./audit-log.server";
export { BackupError, backupDatabase, formatBytes } from "./backup.server";
export { consoleFigures } from "./dashboard.server";
export { chartCsv, dashboardCharts } from "./charts/dashboard-charts.server";
export { audienceChoices, describeAudience, resolveAudience, type Option } from "./broadcasts/audiences.server";
export {
  BROADCAST_SEND_JOB,
  broadcastDetail,
  cancelScheduledBroadcast,
  listBroadcasts,
  previewBroadcast,
  registerAdminJobs,
  sendOrScheduleBroadcast,
  sendScheduledBroadcast,
  type BroadcastMessage,
  type BroadcastSummary,
} from "./broadcasts/broadcasts.server";
