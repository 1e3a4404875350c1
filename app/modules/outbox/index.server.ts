// The outbox area's front door for server code (routes, other areas, scripts).
export { messageIdFor } from "./delivery.server";
export { outboxHealth, type OutboxHealth } from "./health.server";
export { dropPendingJobs, firstTime, registerJobHandler, scheduleJob, type JobPayload } from "./jobs.server";
export { countDeadMessages, getOutboxMessage, htmlForPreview, listOutboxMessages, retryDeadMessage, splitLinks, viewOutboxMessage, type OutboxSummary } from "./outbox-admin.server";
export { describeOutboxMessage } from "./message-state.server";
export { enqueueEmail } from "./outbox.server";
export { eraseOutboxData } from "./erasure.server";
export { applyOutboxRetention } from "./retention.server";
export { moveEmailPreferences, notificationChoicesByToken, notificationChoicesFor, saveNotificationChoices, turnOffByToken, type NotificationChoice } from "./preferences.server";
export { startWorker } from "./worker.server";
export { personalDataInOutbox } from "./personal-data.server";
