// The outbox area's front door for code that also runs in the browser: schemas, labels, types.
export { notificationPreferencesSchema, retrySchema } from "./schemas";
