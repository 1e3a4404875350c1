// The outbox area's front door for code that also runs in the browser: schemas, labels, types.
export { channelPreferencesSchema, kindField, notificationPreferencesSchema, retrySchema } from "./schemas";
export { CHANNEL_LABELS, CHANNEL_LIST, MESSAGE_KIND_LABELS, MESSAGE_KINDS, type MessageKind } from "~emails/message-kinds";
