import { db } from "~db/client.server";
import { MENTORSHIP_STATUSES } from "~db/schema";
import { env } from "~/utils/env.server";
import { toCsv } from "~/utils/csv.server";
import { COUNTED_TABLES, runningTotals, type CountedTable } from "~/utils/running-totals.server";
import { getOrganisation, recordAudit } from "~/modules/organisation/index.server";
import type { RetentionSettings } from "~/modules/organisation";
import { describeCategories, type CategoryKey, type Recipient, type RecipientKey, type RegisterEntry } from "./register-categories";

// The register of processing (NDPA s.29 and the GAID's record of processing): what this
// installation holds, why, on what lawful basis, where, for how long and who else receives it.
// The words are code, because the code decides what is collected; the retention periods and the
// counts are read live, so the register cannot drift from what the installation really does.



/** The host of the configured SMTP server, never its credentials. */
function smtpHost(): string | null {
  if (!env.SMTP_URL) return null;
  try {
    return new URL(env.SMTP_URL).hostname || null;
  } catch {
    return null;
  }
}

function recipients(): Record<RecipientKey, Recipient> {
  const host = smtpHost();
  return {
    email: {
      key: "email",
      name: host ? `Email provider (${host})` : "Email provider (none set: messages stay on this server)",
      country: "Where the provider's servers are: check its terms",
      abroad: true,
      inUse: host !== null,
      receives: "Each email's address, subject and body, to deliver it",
    },
    stripe: {
      key: "stripe",
      name: "Stripe (card payments)",
      country: "United States and Ireland",
      abroad: true,
      inUse: Boolean(env.STRIPE_SECRET_KEY),
      receives: "A card donor's name, email address, card and amount",
    },
    paystack: {
      key: "paystack",
      name: "Paystack (card and bank payments)",
      country: "Nigeria",
      abroad: false,
      inUse: false,
      receives: "A donor's name, email address and payment, if the organisation turns it on",
    },
  };
}

// Every count is a running total kept by triggers (migrations 0026 and 0028, ADR 0055): the
// register reads one row per figure however much the installation holds.
const HELD = [
  "people", "people_erased", "people_with_birth_date", "certificates", "job_applications",
  ...MENTORSHIP_STATUSES.map((status) => `mentorships:${status}` as const),
  ...COUNTED_TABLES.map((table) => `rows:${table}` as const),
] as const;

/** Rows held now in each category, by what they are. */
function recordCounts(): Record<CategoryKey, { label: string; count: number }[]> {
  const held = runningTotals(HELD);
  const rows = (...tableNames: CountedTable[]) => tableNames.reduce((sum, table) => sum + held[`rows:${table}`], 0);
  const mentorships = MENTORSHIP_STATUSES.reduce((sum, status) => sum + held[`mentorships:${status}`], 0);
  return {
    identity: [
      { label: "Accounts", count: held.people - held.people_erased },
      { label: "Erased accounts kept for totals (no personal data)", count: held.people_erased },
    ],
    contact: [
      { label: "Email choices by address", count: rows("email_preferences") },
      { label: "Partner enquiries", count: rows("partner_enquiries") },
      { label: "Invitations by email", count: rows("invitations", "cohort_invitations") },
    ],
    age: [
      { label: "Dates of birth", count: held.people_with_birth_date },
      { label: "Guardians' consents", count: rows("guardian_consents") },
      { label: "Consent records", count: rows("consent_records") },
    ],
    events: [
      { label: "Registrations", count: rows("registrations") },
      { label: "Answers to event questions", count: rows("registration_answers") },
      { label: "Feedback", count: rows("event_feedback") },
      { label: "Calendar feeds", count: rows("calendar_feeds") },
    ],
    programme: [
      { label: "Cohort memberships", count: rows("cohort_members") },
      { label: "Exercise answers", count: rows("exercise_answers") },
      { label: "Job applications", count: held.job_applications },
      { label: "Certificates", count: held.certificates + rows("achievements") },
      { label: "Outcomes (where people are now) and follow-up questions", count: rows("outcomes", "follow_ups") },
      { label: "Stories, with their consent to be quoted", count: rows("stories") },
    ],
    mentoring: [
      { label: "Mentor and mentee profiles", count: rows("mentor_profiles", "mentee_profiles") },
      { label: "Mentorships", count: mentorships },
      { label: "Sessions and check-ins", count: rows("mentoring_sessions", "mentorship_check_ins") },
      { label: "Notes and shared answers", count: rows("mentorship_notes", "shared_step_answers") },
    ],
    giving: [
      { label: "Gifts", count: rows("donations") },
      { label: "Monthly gifts", count: rows("recurring_gifts") },
    ],
    messages: [{ label: "Emails", count: rows("outbox") }],
    security: [
      { label: "Sessions", count: rows("sessions") },
      { label: "Second factors and recovery codes", count: rows("totp_factors", "recovery_codes") },
      { label: "Audit log entries", count: rows("audit_log") },
    ],
    rights: [
      { label: "Data-subject requests", count: rows("data_subject_requests") },
      { label: "Data downloads", count: rows("data_exports") },
      { label: "Breaches logged", count: rows("breaches") },
    ],
  };
}

/** The register as organisers read it on /admin/privacy. */
export function processingRegister(): RegisterEntry[] {
  const organisation = getOrganisation();
  const settings: RetentionSettings = organisation;
  const byKey = recipients();
  const counts = recordCounts();
  return describeCategories(settings).map((category) => ({
    key: category.key,
    category: category.category,
    data: category.data,
    purposes: category.purposes,
    lawfulBasis: category.lawfulBasis,
    storedIn: category.storedIn,
    retention: category.retention,
    recipients: category.recipients.map((key) => byKey[key]),
    records: counts[category.key],
  }));
}

function describeRecipient(recipient: Recipient): string {
  return `${recipient.name}, ${recipient.country}${recipient.inUse ? "" : " (not in use)"}`;
}

/** The register as a spreadsheet, for the organisation's records or the Commission (audited). */
export function registerCsv(actorId: string): { csv: string; fileName: string } {
  const rows = processingRegister();
  const header = ["Category", "Data held", "Purposes", "Lawful basis", "Where it is stored", "How long it is kept", "Recipients", "Records now"];
  const lines = rows.map((row) => [
    row.category,
    row.data,
    row.purposes,
    row.lawfulBasis,
    row.storedIn,
    row.retention,
    row.recipients.map(describeRecipient).join("; ") || "None",
    row.records.map((record) => `${record.label}: ${record.count}`).join("; "),
  ]);
  recordAudit(db, { actorId, action: "privacy_register.exported", targetType: "privacy_register", details: { rows: rows.length } });
  return { csv: toCsv([header, ...lines]), fileName: "register-of-processing.csv" };
}
