// The privacy area's front door: people's data rights across every area, and what organisers
// need to know and report (ADR 0024).
export { BREACH_LOG_PAGE_SIZE, breachDetail, breachLog, breachLogPage, breachesCsv, closeBreach, markBreachNotified, recordBreach, updateBreachActions, type BreachLine, type BreachView } from "./breaches.server";
export { breachNotifyBy, daysToDeadline, hoursToDeadline, requestDueAt, type Deadline } from "./deadlines";
export { privacyOverview } from "./overview.server";
export { processingRegister, registerCsv } from "./register.server";
export { completeRequest, OPEN_REQUESTS_PAGE_SIZE, openRequests, recordRequest, refuseRequest, requestDetail, requestsCsv, saveRequestNotes, type OpenRequest, type RequestView } from "./requests.server";
export { dataExportLink, dataExportState, downloadDataExport, EXPORT_LINK_DAYS, personalDataOf, requestDataExport, type DataExportFile, type DataExportLink, type DataExportState } from "./export.server";
export { registerPrivacyJobs } from "./jobs.server";
export { cancelErasure, cancelErasureOnReturn, eraseOnRequest, requestErasure, scheduledErasureOf, type ScheduledErasure } from "./erasure.server";
export { ensureRetentionScheduled, retentionHistory, runRetentionNow, type RetentionRun } from "./retention.server";
