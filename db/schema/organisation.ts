import { sql } from "drizzle-orm";
import { check, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** Exactly one row (id = 1): the organisation running this installation. */
export const organisationSettings = sqliteTable(
  "organisation_settings",
  {
    id: integer("id").primaryKey(),
    name: text("name").notNull(),
    tagline: text("tagline").notNull().default(""),
    mission: text("mission").notNull().default(""),
    contactEmail: text("contact_email").notNull().default(""),
    timeZone: text("time_zone").notNull().default("Africa/Lagos"),
    currency: text("currency").notNull().default("NGN"),
    bankTransferDetails: text("bank_transfer_details").notNull().default(""),
    // Where to turn for mental-health support; shown in the curriculum's well-being step.
    helpLines: text("help_lines").notNull().default(""),
    // Organisers must pass a second factor before the console (ADR 0022).
    organiserSecondFactorRequired: integer("organiser_second_factor_required", { mode: "boolean" }).notNull().default(true),
    // "Where are you now?" this many months after a cohort or a mentorship ends (the journey area).
    followUpMonths: text("follow_up_months", { mode: "json" }).$type<number[]>().notNull().default([3, 6, 12]),
    // Young people (ADR 0023): under this age a guardian consents; under 16 may be refused outright.
    adultAge: integer("adult_age").notNull().default(18),
    under16Allowed: integer("under_16_allowed", { mode: "boolean" }).notNull().default(true),
    // Data rights and retention (ADR 0024); the retention job reads these every day.
    erasureCoolingOffDays: integer("erasure_cooling_off_days").notNull().default(14),
    financialRecordYears: integer("financial_record_years").notNull().default(6),
    inactiveAccountYears: integer("inactive_account_years").notNull().default(3),
    pastRegistrationMonths: integer("past_registration_months").notNull().default(24),
    outboxBodyDays: integer("outbox_body_days").notNull().default(90),
    auditEntryYears: integer("audit_entry_years").notNull().default(6),
    sessionRecordDays: integer("session_record_days").notNull().default(30),
    dataProtectionContact: text("data_protection_contact").notNull().default(""),
    // What receipts and statements carry for a finance team (ADR 0027).
    legalName: text("legal_name").notNull().default(""),
    registrationNumber: text("registration_number").notNull().default(""),
    postalAddress: text("postal_address").notNull().default(""),
    receiptTaxWording: text("receipt_tax_wording").notNull().default(""),
    // Which ways to give the donate page offers; a provider also needs its key in the environment.
    stripeEnabled: integer("stripe_enabled", { mode: "boolean" }).notNull().default(true),
    paystackEnabled: integer("paystack_enabled", { mode: "boolean" }).notNull().default(true),
    bankTransferEnabled: integer("bank_transfer_enabled", { mode: "boolean" }).notNull().default(true),
    // The currencies the account in `bankTransferDetails` takes (a Naira account, a domiciliary one).
    bankTransferCurrencies: text("bank_transfer_currencies", { mode: "json" }).$type<string[]>().notNull().default(["NGN"]),
    // "Cover the fees" (ADR 0030): offered to donors, with each provider's rates as organisers set them.
    coverFeesOffered: integer("cover_fees_offered", { mode: "boolean" }).notNull().default(true),
    feeRates: text("fee_rates", { mode: "json" }).$type<Record<string, { percentBasisPoints: number; fixed: number; fixedAbove: number; cap: number | null }>>().notNull().default({}),
    // Messages by phone (ADR 0031): the channels switched on, each kind's default order, the SMS
    // provider, the monthly SMS budget and one segment's price (minor units), and quiet hours.
    channelsEnabled: text("channels_enabled", { mode: "json" }).$type<string[]>().notNull().default(["email"]),
    channelDefaults: text("channel_defaults", { mode: "json" }).$type<Record<string, string[]>>().notNull().default({}),
    smsProvider: text("sms_provider").notNull().default("termii"),
    smsMonthlyBudget: integer("sms_monthly_budget").notNull().default(2_000_000),
    smsSegmentCost: integer("sms_segment_cost").notNull().default(500),
    quietHoursStart: integer("quiet_hours_start").notNull().default(21),
    quietHoursEnd: integer("quiet_hours_end").notNull().default(7),
    socialLinks: text("social_links", { mode: "json" }).$type<Record<string, string>>().notNull().default({}),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [check("organisation_settings_single_row", sql`${t.id} = 1`)],
);

/** Every published version of the privacy notice; people's consents name the version they read. */
export const privacyNotices = sqliteTable("privacy_notices", {
  version: integer("version").primaryKey(),
  body: text("body").notNull(),
  publishedAt: integer("published_at").notNull(),
  publishedBy: text("published_by"),
});

export const auditLog = sqliteTable("audit_log", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  at: integer("at").notNull(),
  actorId: text("actor_id"),
  action: text("action").notNull(),
  targetType: text("target_type"),
  targetId: text("target_id"),
  details: text("details", { mode: "json" }).$type<Record<string, unknown>>().notNull().default({}),
});

/**
 * Counts over whole tables (people, people by role, cohorts, certificates…), kept by triggers in
 * the same transaction as every write to those tables (migration 0026, ADR 0054): the console reads
 * a row where it would count a table. A name never written has no row and counts 0.
 */
export const runningTotals = sqliteTable("running_totals", {
  name: text("name").primaryKey(),
  value: integer("value").notNull(),
});
