import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./auth";

// Money is always an integer in the currency's minor unit (kobo, cents) beside an ISO 4217 code.

export const CAMPAIGN_STATUSES = ["draft", "open", "closed"] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const campaigns = sqliteTable(
  "campaigns",
  {
    id: text("id").primaryKey(),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    summary: text("summary").notNull().default(""),
    // Markdown, rendered with raw HTML disabled.
    story: text("story").notNull().default(""),
    goalAmount: integer("goal_amount").notNull(),
    currency: text("currency").notNull(),
    // Bounds for a custom amount, in minor units.
    minAmount: integer("min_amount").notNull(),
    maxAmount: integer("max_amount").notNull(),
    startsAt: integer("starts_at"),
    endsAt: integer("ends_at"),
    status: text("status", { enum: CAMPAIGN_STATUSES }).notNull().default("draft"),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("campaigns_slug_unique").on(t.slug),
    index("campaigns_status_idx").on(t.status),
    check("campaigns_amounts", sql`${t.goalAmount} > 0 and ${t.minAmount} > 0 and ${t.maxAmount} >= ${t.minAmount}`),
  ],
);

export const GIFT_INTERVALS = ["one_off", "monthly"] as const;
export type GiftInterval = (typeof GIFT_INTERVALS)[number];

export const campaignTiers = sqliteTable(
  "campaign_tiers",
  {
    id: text("id").primaryKey(),
    campaignId: text("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    name: text("name").notNull(),
    amount: integer("amount").notNull(),
    interval: text("interval", { enum: GIFT_INTERVALS }).notNull(),
    // What the gift pays for, e.g. "a workshop seat".
    description: text("description").notNull().default(""),
    // What the donor gets back, if anything (a dinner seat, a T-shirt), and its fair value: receipts say so.
    benefitDescription: text("benefit_description").notNull().default(""),
    benefitValue: integer("benefit_value").notNull().default(0),
  },
  (t) => [index("campaign_tiers_campaign_idx").on(t.campaignId, t.position), check("campaign_tiers_amount", sql`${t.amount} > 0`)],
);

export const RECOGNITIONS = ["named", "anonymous", "unlisted"] as const;
export type Recognition = (typeof RECOGNITIONS)[number];

/** card: online through a payment provider; cash and in_kind: recorded by an organiser. */
export const PAYMENT_METHODS = ["card", "bank_transfer", "cash", "in_kind"] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** Who takes an online payment (ADR 0027); null for transfers, cash and in-kind gifts. */
export const PAYMENT_PROVIDERS = ["stripe", "paystack"] as const;
export type PaymentProvider = (typeof PAYMENT_PROVIDERS)[number];

/**
 * pending: waiting for the card or the transfer; processing: Checkout completed, the payment
 * (a bank debit, say) not yet settled; paid; failed; expired: the Checkout Session lapsed unpaid;
 * refunded: fully refunded (a partial refund keeps it paid with refunded_amount set).
 */
export const DONATION_STATUSES = ["pending", "processing", "paid", "failed", "expired", "refunded"] as const;
export type DonationStatus = (typeof DONATION_STATUSES)[number];

export const donations = sqliteTable(
  "donations",
  {
    id: text("id").primaryKey(),
    campaignId: text("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "restrict" }),
    tierId: text("tier_id").references(() => campaignTiers.id, { onDelete: "set null" }),
    amount: integer("amount").notNull(),
    currency: text("currency").notNull(),
    interval: text("interval", { enum: GIFT_INTERVALS }).notNull(),
    method: text("method", { enum: PAYMENT_METHODS }).notNull(),
    status: text("status", { enum: DONATION_STATUSES }).notNull().default("pending"),
    provider: text("provider", { enum: PAYMENT_PROVIDERS }),
    // The provider's own key for this payment where we choose it (Paystack's transaction reference).
    providerReference: text("provider_reference"),
    // What actually arrived for a bank transfer, when it differs from the pledge (partial or over).
    receivedAmount: integer("received_amount"),
    // In-kind gifts: what was given; `amount` is its fair value.
    giftDescription: text("gift_description").notNull().default(""),
    // Of `amount`, what the donor added to cover the provider's fee (ADR 0030).
    coveredFee: integer("covered_fee").notNull().default(0),
    donorName: text("donor_name").notNull(),
    donorEmail: text("donor_email").notNull(),
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    recognition: text("recognition", { enum: RECOGNITIONS }).notNull(),
    message: text("message").notNull().default(""),
    // Bank transfers: the reference the donor writes on the transfer.
    reference: text("reference"),
    checkoutSessionId: text("checkout_session_id"),
    paymentIntentId: text("payment_intent_id"),
    // Monthly gifts: every renewal is its own donation, tied to the first by the subscription.
    subscriptionId: text("subscription_id"),
    invoiceId: text("invoice_id"),
    customerId: text("customer_id"),
    parentDonationId: text("parent_donation_id"),
    receiptNumber: text("receipt_number"),
    // SHA-256 of the secret in a guest's receipt link.
    receiptTokenHash: text("receipt_token_hash"),
    paidAt: integer("paid_at"),
    refundedAmount: integer("refunded_amount").notNull().default(0),
    refundedAt: integer("refunded_at"),
    refundReason: text("refund_reason").notNull().default(""),
    failureReason: text("failure_reason").notNull().default(""),
    confirmedBy: text("confirmed_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("donations_reference_unique").on(t.reference),
    // A Paystack subscription is tied to its first gift by the customer's code.
    index("donations_customer_idx").on(t.customerId),
    uniqueIndex("donations_provider_reference_unique").on(t.providerReference),
    uniqueIndex("donations_checkout_session_unique").on(t.checkoutSessionId),
    uniqueIndex("donations_invoice_unique").on(t.invoiceId),
    uniqueIndex("donations_receipt_number_unique").on(t.receiptNumber),
    uniqueIndex("donations_receipt_token_unique").on(t.receiptTokenHash),
    // A campaign's paid gifts from one address: the campaign totals' triggers ask whether a gift's
    // donor gave before (migration 0029).
    index("donations_campaign_donor_idx").on(t.campaignId, t.status, sql`lower(${t.donorEmail})`),
    // The sponsor walls: newest paid gifts first, per campaign and overall, read straight from the index.
    index("donations_wall_idx").on(t.campaignId, t.status, t.paidAt, t.id),
    index("donations_paid_idx").on(t.status, t.paidAt, t.id),
    index("donations_email_idx").on(sql`lower(${t.donorEmail})`),
    index("donations_user_idx").on(t.userId),
    index("donations_subscription_idx").on(t.subscriptionId),
    index("donations_payment_intent_idx").on(t.paymentIntentId),
    index("donations_created_idx").on(t.createdAt),
    // The donations page: newest gift date first, and the first and last gift dates. The first
    // key is the list's `giftDateSql`, written the same way.
    index("donations_gift_date_idx").on(
      sql`coalesce(${t.paidAt}, ${t.createdAt})`,
      t.createdAt,
      t.currency,
      t.status,
      t.amount,
      t.receivedAmount,
      t.refundedAmount,
    ),
    // The donations page's totals: each currency's gifts of one month are one range of this index.
    index("donations_currency_date_idx").on(
      t.currency,
      sql`coalesce(${t.paidAt}, ${t.createdAt})`,
      t.status,
      t.amount,
      t.receivedAmount,
      t.refundedAmount,
    ),
    check("donations_amount", sql`${t.amount} > 0`),
  ],
);

/**
 * Each campaign's paid gifts, kept by triggers on `donations` in the same transaction as every
 * write (migration 0029, ADR 0055), so a campaign's progress and the sponsor wall read a row per
 * campaign instead of summing every gift. A campaign's gifts are all in its currency (it cannot
 * change once there are gifts). The wall's distinct donors per currency are the running total
 * `wall_donors:<currency>`.
 */
export const campaignTotals = sqliteTable("campaign_totals", {
  campaignId: text("campaign_id")
    .primaryKey()
    .references(() => campaigns.id, { onDelete: "cascade" }),
  // Paid gifts less what was refunded of them, in minor units.
  raised: integer("raised").notNull().default(0),
  gifts: integer("gifts").notNull().default(0),
  // Paid gifts the wall may show: not unlisted, and not a monthly renewal.
  listed: integer("listed").notNull().default(0),
  // Distinct donor addresses with a paid gift; a gift with no address is its own donor.
  donors: integer("donors").notNull().default(0),
});

export const RECURRING_STATUSES = ["active", "past_due", "cancelled"] as const;

/** A monthly gift as Stripe's subscription; each paid invoice is a donation row. */
export const recurringGifts = sqliteTable(
  "recurring_gifts",
  {
    subscriptionId: text("subscription_id").primaryKey(),
    customerId: text("customer_id").notNull(),
    firstDonationId: text("first_donation_id")
      .notNull()
      .references(() => donations.id, { onDelete: "cascade" }),
    status: text("status", { enum: RECURRING_STATUSES }).notNull().default("active"),
    provider: text("provider", { enum: PAYMENT_PROVIDERS }).notNull().default("stripe"),
    // Paystack: the plan the subscription follows and the token its emails and manage link use.
    planCode: text("plan_code"),
    emailToken: text("email_token"),
    createdAt: integer("created_at").notNull(),
    cancelledAt: integer("cancelled_at"),
  },
  // A giver's page finds each monthly gift by the gift that started it.
  (t) => [index("recurring_gifts_customer_idx").on(t.customerId), index("recurring_gifts_first_donation_idx").on(t.firstDonationId)],
);

/** Every Stripe event applied, stored in the same transaction as its effect: a replay finds its id and does nothing. */
export const stripeEvents = sqliteTable("stripe_events", {
  id: text("id").primaryKey(),
  type: text("type").notNull(),
  receivedAt: integer("received_at").notNull(),
});

/** Every event of a provider other than Stripe applied, keyed as that provider identifies it; a replay finds its key and does nothing. */
export const providerEvents = sqliteTable(
  "provider_events",
  {
    provider: text("provider", { enum: PAYMENT_PROVIDERS }).notNull(),
    eventKey: text("event_key").notNull(),
    type: text("type").notNull(),
    receivedAt: integer("received_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.eventKey] })],
);

export const DISPUTE_STATUSES = ["open", "awaiting_response", "won", "lost", "closed"] as const;

/** A donor's bank disputing a card payment (a chargeback), as the provider reports it. */
export const paymentDisputes = sqliteTable(
  "payment_disputes",
  {
    id: text("id").primaryKey(),
    donationId: text("donation_id")
      .notNull()
      .references(() => donations.id, { onDelete: "cascade" }),
    provider: text("provider", { enum: PAYMENT_PROVIDERS }).notNull(),
    providerDisputeId: text("provider_dispute_id").notNull(),
    status: text("status", { enum: DISPUTE_STATUSES }).notNull(),
    reason: text("reason").notNull().default(""),
    amount: integer("amount").notNull(),
    currency: text("currency").notNull(),
    respondBy: integer("respond_by"),
    openedAt: integer("opened_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
    resolvedAt: integer("resolved_at"),
  },
  (t) => [
    uniqueIndex("payment_disputes_provider_unique").on(t.provider, t.providerDisputeId),
    index("payment_disputes_donation_idx").on(t.donationId),
    // The disputes still open, for the donations page's paged list.
    index("payment_disputes_status_idx").on(t.status, t.respondBy, t.openedAt),
  ],
);

/** A bank statement an organiser uploaded; the same file twice is found by its hash. */
export const bankStatements = sqliteTable(
  "bank_statements",
  {
    id: text("id").primaryKey(),
    fileName: text("file_name").notNull(),
    fileHash: text("file_hash").notNull(),
    layout: text("layout").notNull(),
    importedAt: integer("imported_at").notNull(),
    importedBy: text("imported_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [uniqueIndex("bank_statements_hash_unique").on(t.fileHash), index("bank_statements_imported_idx").on(t.importedAt, t.id)],
);

export const STATEMENT_LINE_STATUSES = ["unmatched", "proposed", "confirmed", "ignored"] as const;
export type StatementLineStatus = (typeof STATEMENT_LINE_STATUSES)[number];

/**
 * One credit on a statement. `lineKey` identifies the credit across overlapping statements (date,
 * amount, narration, balance), so importing it again adds nothing.
 */
export const statementLines = sqliteTable(
  "statement_lines",
  {
    id: text("id").primaryKey(),
    statementId: text("statement_id")
      .notNull()
      .references(() => bankStatements.id, { onDelete: "cascade" }),
    lineKey: text("line_key").notNull(),
    postedOn: text("posted_on").notNull(),
    amount: integer("amount").notNull(),
    currency: text("currency").notNull(),
    narration: text("narration").notNull(),
    status: text("status", { enum: STATEMENT_LINE_STATUSES }).notNull().default("unmatched"),
    donationId: text("donation_id").references(() => donations.id, { onDelete: "set null" }),
    matchedBy: text("matched_by", { enum: ["reference", "amount_and_date", "organiser"] }),
    confirmedBy: text("confirmed_by").references(() => users.id, { onDelete: "set null" }),
    confirmedAt: integer("confirmed_at"),
  },
  (t) => [
    uniqueIndex("statement_lines_key_unique").on(t.lineKey),
    index("statement_lines_status_idx").on(t.status, t.postedOn),
    index("statement_lines_donation_idx").on(t.donationId),
    // A statement's own lines, without reading every statement's.
    index("statement_lines_statement_idx").on(t.statementId, t.status),
  ],
);

/** Receipt numbers run per calendar year without gaps: 2026-0001, 2026-0002… */
export const receiptCounters = sqliteTable(
  "receipt_counters",
  {
    year: integer("year").notNull(),
    last: integer("last").notNull(),
  },
  (t) => [primaryKey({ columns: [t.year] })],
);

export const PARTNER_KINDS = ["sponsorship", "in_kind", "social_enterprise", "volunteering"] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];
export const PARTNER_STAGES = ["new", "contacted", "in_discussion", "partner", "declined"] as const;
export type PartnerStage = (typeof PARTNER_STAGES)[number];

export const partnerEnquiries = sqliteTable(
  "partner_enquiries",
  {
    id: text("id").primaryKey(),
    organisationName: text("organisation_name").notNull(),
    contactName: text("contact_name").notNull(),
    email: text("email").notNull(),
    phone: text("phone").notNull().default(""),
    kind: text("kind", { enum: PARTNER_KINDS }).notNull(),
    message: text("message").notNull(),
    stage: text("stage", { enum: PARTNER_STAGES }).notNull().default("new"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("partner_enquiries_stage_idx").on(t.stage, t.createdAt)],
);
