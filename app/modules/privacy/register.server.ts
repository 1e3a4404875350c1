import { isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { db } from "~db/client.server";
import * as tables from "~db/schema";
import { env } from "~/utils/env.server";
import { toCsv } from "~/utils/csv.server";
import { getOrganisation, recordAudit } from "~/modules/organisation/index.server";
import type { RetentionSettings } from "~/modules/organisation";
import { describeCategories, type CategoryKey, type Recipient, type RecipientKey, type RegisterEntry } from "./register-categories";

// The register of processing (NDPA s.29 and the GAID's record of processing): what this
// installation holds, why, on what lawful basis, where, for how long and who else receives it.
// The words are code, because the code decides what is collected; the retention periods and the
// counts are read live, so the register cannot drift from what the installation really does.


const count = (table: SQLiteTable, where?: SQL) => db.select({ n: sql<number>`count(*)` }).from(table).where(where).get()?.n ?? 0;

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

/** Rows held now in each category, by what they are. */
function recordCounts(): Record<CategoryKey, { label: string; count: number }[]> {
  const t = tables;
  const live = isNull(t.users.erasedAt);
  return {
    identity: [
      { label: "Accounts", count: count(t.users, live) },
      { label: "Erased accounts kept for totals (no personal data)", count: count(t.users, isNotNull(t.users.erasedAt)) },
    ],
    contact: [
      { label: "Email choices by address", count: count(t.emailPreferences) },
      { label: "Partner enquiries", count: count(t.partnerEnquiries) },
      { label: "Invitations by email", count: count(t.invitations) + count(t.cohortInvitations) },
    ],
    age: [
      { label: "Dates of birth", count: count(t.users, isNotNull(t.users.birthDate)) },
      { label: "Guardians' consents", count: count(t.guardianConsents) },
      { label: "Consent records", count: count(t.consentRecords) },
    ],
    events: [
      { label: "Registrations", count: count(t.registrations) },
      { label: "Answers to event questions", count: count(t.registrationAnswers) },
      { label: "Feedback", count: count(t.eventFeedback) },
      { label: "Calendar feeds", count: count(t.calendarFeeds) },
    ],
    programme: [
      { label: "Cohort memberships", count: count(t.cohortMembers) },
      { label: "Exercise answers", count: count(t.exerciseAnswers) },
      { label: "Job applications", count: count(t.jobApplications) },
      { label: "Certificates", count: count(t.certificates) + count(t.achievements) },
      { label: "Outcomes (where people are now) and follow-up questions", count: count(t.outcomes) + count(t.followUps) },
      { label: "Stories, with their consent to be quoted", count: count(t.stories) },
    ],
    mentoring: [
      { label: "Mentor and mentee profiles", count: count(t.mentorProfiles) + count(t.menteeProfiles) },
      { label: "Mentorships", count: count(t.mentorships) },
      { label: "Sessions and check-ins", count: count(t.mentoringSessions) + count(t.mentorshipCheckIns) },
      { label: "Notes and shared answers", count: count(t.mentorshipNotes) + count(t.sharedStepAnswers) },
    ],
    giving: [
      { label: "Gifts", count: count(t.donations) },
      { label: "Monthly gifts", count: count(t.recurringGifts) },
    ],
    messages: [{ label: "Emails", count: count(t.outbox) }],
    security: [
      { label: "Sessions", count: count(t.sessions) },
      { label: "Second factors and recovery codes", count: count(t.totpFactors) + count(t.recoveryCodes) },
      { label: "Audit log entries", count: count(t.auditLog) },
    ],
    rights: [
      { label: "Data-subject requests", count: count(t.dataSubjectRequests) },
      { label: "Data downloads", count: count(t.dataExports) },
      { label: "Breaches logged", count: count(t.breaches) },
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
