// The outbox area's front door for server code (routes, other areas, scripts).
export { messageIdFor } from "./delivery.server";
export { applyDeliveryReports } from "./delivery-reports.server";
export { smsGateway, whatsappGateway } from "./channels/gateways.server";
export {
  answerWhatsAppHandshake,
  isAfricasTalkingCallbackAddress,
  optOutOfWhatsApp,
  receiveAfricasTalkingCallback,
  receiveTermiiReports,
  receiveWhatsAppWebhook,
  type CallbackReply,
} from "./channels/provider-webhooks.server";
export { smsBudgetStatus, type SmsBudgetStatus } from "./sms-budget.server";
export { broadcastFigures, enqueueBroadcast, planReach, type BroadcastFigures, type GroupMessage, type ReachPlan, type Recipient } from "./broadcast.server";
export { outboxHealth, type OutboxHealth } from "./health.server";
export { dropPendingJobs, firstTime, registerJobHandler, scheduleJob, type JobPayload } from "./jobs.server";
export { countDeadMessages, deliveryReportsOf, describeDelivery, getOutboxMessage, htmlForPreview, listOutboxMessages, retryDeadMessage, splitLinks, viewOutboxMessage, type OutboxSummary } from "./outbox-admin.server";
export { describeOutboxMessage } from "./message-state.server";
export { enqueueMessage, type MessageOptions } from "./outbox.server";
export {
  contactOf,
  isSmsOptedOut,
  noteUnverifiedPhone,
  recordSmsOptOut,
  removePhone,
  saveChannelChoices,
  setVerifiedPhone,
  setWhatsAppOptIn,
  userIdByPhone,
  userIdByUnverifiedPhone,
  verifiedPhoneOf,
  type Contact,
} from "./contact-book.server";
export { eraseOutboxData } from "./erasure.server";
export { resolveShortLink, shortenLinks } from "./short-links.server";
export { applyOutboxRetention } from "./retention.server";
export { moveEmailPreferences, notificationChoicesByToken, notificationChoicesFor, saveNotificationChoices, turnOffByToken, type NotificationChoice } from "./preferences.server";
export { startWorker } from "./worker.server";
export { channelPreferencesFor, saveChannelPreferences, type ChannelPreferences, type KindChoice } from "./channel-preferences.server";
export { personalDataInOutbox } from "./personal-data.server";
