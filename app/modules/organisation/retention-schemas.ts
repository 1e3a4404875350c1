import { z } from "zod";

// Shared by the server and the browser, so nothing here may import server code.

/** How long each kind of data is kept (ADR 0024): the form's fields, their bounds and words. */
export const RETENTION_FIELDS = [
  { name: "erasureCoolingOffDays", label: "Days before a deleted account is erased", unit: "days", min: 1, max: 30, hint: "The person can change their mind until then, by logging in." },
  { name: "inactiveAccountYears", label: "Erase accounts not used for", unit: "years", min: 1, max: 10, hint: "Organisers, and people with a mentorship, a monthly gift, a booking or a request still open, are kept." },
  { name: "pastRegistrationMonths", label: "Remove answers and feedback comments of events that ended more than", unit: "months", min: 1, max: 120, hint: "Seat counts, attendance and ratings stay." },
  { name: "financialRecordYears", label: "Keep donors' names on gifts for", unit: "years", min: 1, max: 12, hint: "Tax and charity rules usually ask for 6 years. Amounts and receipt numbers stay after that." },
  { name: "outboxBodyDays", label: "Keep the text of sent emails for", unit: "days", min: 7, max: 730, hint: "Who got which message, and when, stays." },
  { name: "auditEntryYears", label: "Keep audit log entries for", unit: "years", min: 1, max: 12, hint: "" },
  { name: "sessionRecordDays", label: "Keep ended sessions, used links and expired downloads for", unit: "days", min: 1, max: 365, hint: "" },
] as const;

export type RetentionField = (typeof RETENTION_FIELDS)[number]["name"];
export type RetentionSettings = Record<RetentionField, number>;

const wholeNumber = ({ min, max, unit }: (typeof RETENTION_FIELDS)[number]) =>
  z.coerce
    .number({ error: `Enter a number of ${unit}` })
    .int(`Enter a whole number of ${unit}`)
    .min(min, `Enter between ${min} and ${max} ${unit}`)
    .max(max, `Enter between ${min} and ${max} ${unit}`);

export const retentionSettingsSchema = z.object(
  Object.fromEntries(RETENTION_FIELDS.map((field) => [field.name, wholeNumber(field)])) as Record<RetentionField, ReturnType<typeof wholeNumber>>,
);
