import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./auth";
import { events } from "./events";
import { cohorts } from "./cohorts";
import { campaigns } from "./sponsorship";

// The journey area: what happened to people after the slices (outcomes, follow-ups, stories), what
// the giving paid for, and the certificates that join the slices. See docs/decisions (the journey ADRs).

export const OUTCOME_KINDS = ["job", "internship", "study", "business", "searching"] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

export const JOB_HOURS = ["full_time", "part_time"] as const;
export type JobHours = (typeof JOB_HOURS)[number];

export const OUTCOME_SOURCES = ["self", "organiser", "follow_up", "tracker"] as const;
export type OutcomeSource = (typeof OUTCOME_SOURCES)[number];

/** Where a person is now, as they (or an organiser for them) said; the newest row is the current one. */
export const outcomes = sqliteTable(
  "outcomes",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: OUTCOME_KINDS }).notNull(),
    employer: text("employer").notNull().default(""),
    sector: text("sector").notNull().default(""),
    hours: text("hours", { enum: JOB_HOURS }),
    /** YYYY-MM-DD, when the job, study or business started. */
    startedOn: text("started_on"),
    source: text("source", { enum: OUTCOME_SOURCES }).notNull(),
    recordedBy: text("recorded_by").references(() => users.id, { onDelete: "set null" }),
    recordedAt: integer("recorded_at").notNull(),
  },
  (t) => [index("outcomes_user_idx").on(t.userId, t.recordedAt), index("outcomes_kind_idx").on(t.kind, t.recordedAt), index("outcomes_recorded_idx").on(t.recordedAt, t.userId)],
);

export const FOLLOW_UP_TRIGGERS = ["cohort", "mentorship"] as const;
export type FollowUpTrigger = (typeof FOLLOW_UP_TRIGGERS)[number];

/** "Where are you now?" months after a cohort or a mentorship ends: one row per person, trigger and month. */
export const followUps = sqliteTable(
  "follow_ups",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    trigger: text("trigger", { enum: FOLLOW_UP_TRIGGERS }).notNull(),
    /** The cohort or the mentorship whose end started the clock. */
    subjectId: text("subject_id").notNull(),
    monthsAfter: integer("months_after").notNull(),
    dueAt: integer("due_at").notNull(),
    /** SHA-256 of the token in the message's link: the form opens without logging in. */
    tokenHash: text("token_hash"),
    sentAt: integer("sent_at"),
    remindedAt: integer("reminded_at"),
    answeredAt: integer("answered_at"),
    outcomeId: text("outcome_id").references(() => outcomes.id, { onDelete: "set null" }),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("follow_ups_unique").on(t.userId, t.trigger, t.subjectId, t.monthsAfter),
    uniqueIndex("follow_ups_token_unique").on(t.tokenHash),
    index("follow_ups_due_idx").on(t.answeredAt, t.dueAt),
  ],
);

/** A person's words on what helped most, shown only as far as they agreed, until they withdraw. */
export const stories = sqliteTable(
  "stories",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    text: text("text").notNull(),
    /** May organisers quote the words (in reports, on the public impact page)? */
    mayQuote: integer("may_quote", { mode: "boolean" }).notNull().default(false),
    /** ...with the person's first name, or only anonymously? */
    byName: integer("by_name", { mode: "boolean" }).notNull().default(false),
    consentedAt: integer("consented_at"),
    withdrawnAt: integer("withdrawn_at"),
    /** Organisers chose it for reports (only while consent stands). */
    featuredAt: integer("featured_at"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    index("stories_user_idx").on(t.userId),
    // The stories that may be quoted, for the organisers' paged list.
    index("stories_quotable_idx").on(t.consentedAt, t.id).where(sql`${t.mayQuote} = 1 and ${t.withdrawnAt} is null`),
  ],
);

/** What a campaign paid for, in the organisation's words: events and cohorts it funded. */
export const campaignFunds = sqliteTable(
  "campaign_funds",
  {
    id: text("id").primaryKey(),
    campaignId: text("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    eventId: text("event_id").references(() => events.id, { onDelete: "cascade" }),
    cohortId: text("cohort_id").references(() => cohorts.id, { onDelete: "cascade" }),
    /** "Paid for the venue and lunch", say. */
    note: text("note").notNull().default(""),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("campaign_funds_unique").on(t.campaignId, sql`coalesce(${t.eventId}, '')`, sql`coalesce(${t.cohortId}, '')`),
    index("campaign_funds_event_idx").on(t.eventId),
    index("campaign_funds_cohort_idx").on(t.cohortId),
  ],
);

export const IMPACT_REPORT_KINDS = ["campaign", "sponsor", "year"] as const;
export type ImpactReportKind = (typeof IMPACT_REPORT_KINDS)[number];

/** A shareable link to one impact report: unguessable, revocable. Only the token's hash is kept. */
export const impactReportLinks = sqliteTable(
  "impact_report_links",
  {
    id: text("id").primaryKey(),
    kind: text("kind", { enum: IMPACT_REPORT_KINDS }).notNull(),
    /** The campaign's id, the sponsor's user id, or the year ("2026"). */
    subject: text("subject").notNull(),
    tokenHash: text("token_hash").notNull(),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: integer("created_at").notNull(),
    revokedAt: integer("revoked_at"),
  },
  (t) => [uniqueIndex("impact_report_links_token_unique").on(t.tokenHash), index("impact_report_links_subject_idx").on(t.kind, t.subject)],
);

export const ACHIEVEMENT_KINDS = ["event", "journey"] as const;
export type AchievementKind = (typeof ACHIEVEMENT_KINDS)[number];

/**
 * Certificates beyond the programme's: attendance at one event (where the organiser switched them
 * on), and the journey ("attended the workshop and completed the 15-step programme"). The names
 * are kept as they were, like the programme's certificates, for the public verification page.
 */
export const achievements = sqliteTable(
  "achievements",
  {
    id: text("id").primaryKey(),
    userId: text("user_id").references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ACHIEVEMENT_KINDS }).notNull(),
    eventId: text("event_id").references(() => events.id, { onDelete: "set null" }),
    cohortId: text("cohort_id").references(() => cohorts.id, { onDelete: "set null" }),
    recipientName: text("recipient_name").notNull(),
    /** What it says the person did, in full. */
    statement: text("statement").notNull(),
    organisationName: text("organisation_name").notNull(),
    earnedAt: integer("earned_at").notNull(),
  },
  (t) => [uniqueIndex("achievements_unique").on(t.userId, t.kind, sql`coalesce(${t.eventId}, '')`, sql`coalesce(${t.cohortId}, '')`)],
);
