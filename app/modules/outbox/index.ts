// The outbox area's front door for code that also runs in the browser: schemas, labels, types.
export { retrySchema } from "./schemas";
