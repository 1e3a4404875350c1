// The outbox area's front door for server code (routes, other areas, scripts).
export { messageIdFor } from "./delivery.server";
export { outboxHealth, type OutboxHealth } from "./health.server";
export { dropPendingJobs, firstTime, registerJobHandler, scheduleJob, type JobPayload } from "./jobs.server";
export { countDeadMessages, getOutboxMessage, htmlForPreview, listOutboxMessages, retryDeadMessage, splitLinks, type OutboxSummary } from "./outbox-admin.server";
export { describeOutboxMessage } from "./message-state.server";
export { enqueueEmail } from "./outbox.server";
export { moveEmailPreferences, notificationChoicesByToken, notificationChoicesFor, saveNotificationChoices, turnOffByToken, type NotificationChoice } from "./preferences.server";
export { startWorker } from "./worker.server";
