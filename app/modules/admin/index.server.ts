// The admin area's front door for server code (routes, other areas, scripts).
export { listAudit } from "./audit-log.server";
export { BackupError, backupDatabase, formatBytes } from "./backup.server";
export { dashboardFigures } from "./dashboard.server";
