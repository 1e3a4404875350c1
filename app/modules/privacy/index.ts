// The privacy area's front door for code that also runs in the browser: schemas, labels, types.
export { BREACH_NOTIFY_HOURS, REQUEST_KIND_LABELS, REQUEST_KIND_OPTIONS, REQUEST_RESPONSE_DAYS, REQUEST_STATUS_LABELS, breachActionsSchema, breachNotifiedSchema, closeBreachSchema, completeRequestSchema, newBreachSchema, newRequestSchema, refuseRequestSchema, requestNotesSchema } from "./reporting-schemas";
export { ACCOUNT_KEPT, deleteAccountSchema, eraseOnRequestSchema } from "./erasure-schemas";
export type { RegisterEntry } from "./register-categories";
