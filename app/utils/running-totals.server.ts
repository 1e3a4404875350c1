import { inArray } from "drizzle-orm";
import { db } from "~db/client.server";
import { runningTotals as totalsTable } from "~db/schema";

/** Tables whose rows are counted as `rows:<table>` (migrations 0028 and 0034): what the register of processing lists, and paged lists' totals. */
export const COUNTED_TABLES = [
  "email_preferences", "partner_enquiries", "invitations", "cohort_invitations", "guardian_consents", "consent_records",
  "registrations", "registration_answers", "event_feedback", "calendar_feeds",
  "cohort_members", "exercise_answers", "achievements", "outcomes", "follow_ups", "stories",
  "mentor_profiles", "mentee_profiles", "mentoring_sessions", "mentorship_check_ins", "mentorship_notes", "shared_step_answers",
  "donations", "recurring_gifts", "outbox", "sessions", "totp_factors", "recovery_codes", "audit_log",
  "data_subject_requests", "data_exports", "breaches", "bank_statements",
] as const;
export type CountedTable = (typeof COUNTED_TABLES)[number];

/**
 * Counts over whole tables, kept by triggers in the same transaction as every write to them
 * (migrations 0026 and 0028, ADRs 0054 and 0055): one indexed read, whatever the tables hold. A name never counted is 0.
 */
export function runningTotals<N extends string>(names: readonly N[]): Record<N, number> {
  const totals = Object.fromEntries(names.map((name) => [name, 0])) as Record<N, number>;
  for (const row of db.select().from(totalsTable).where(inArray(totalsTable.name, [...names])).all()) totals[row.name as N] = row.value;
  return totals;
}
