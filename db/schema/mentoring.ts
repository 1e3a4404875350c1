import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./auth";
import { cohortMembers } from "./cohorts";
import { curriculumSteps } from "./curriculum";

export const MENTORING_FORMATS = ["video", "phone", "in_person", "whatsapp"] as const;
export type MentoringFormat = (typeof MENTORING_FORMATS)[number];

/** A weekly window in the profile owner's time zone: day 0 = Monday, minutes from midnight. */
export type AvailabilityWindow = { day: number; start: number; end: number };

export const MENTOR_PROFILE_STATUSES = ["pending", "approved", "rejected"] as const;
export type MentorProfileStatus = (typeof MENTOR_PROFILE_STATUSES)[number];

export const mentorProfiles = sqliteTable(
  "mentor_profiles",
  {
    userId: text("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    headline: text("headline").notNull(),
    bio: text("bio").notNull().default(""),
    industries: text("industries", { mode: "json" }).$type<string[]>().notNull().default([]),
    skills: text("skills", { mode: "json" }).$type<string[]>().notNull().default([]),
    languages: text("languages", { mode: "json" }).$type<string[]>().notNull().default([]),
    city: text("city").notNull().default(""),
    remote: integer("remote", { mode: "boolean" }).notNull().default(true),
    formats: text("formats", { mode: "json" }).$type<MentoringFormat[]>().notNull().default([]),
    capacity: integer("capacity").notNull().default(2),
    availability: text("availability", { mode: "json" }).$type<AvailabilityWindow[]>().notNull().default([]),
    timeZone: text("time_zone").notNull().default("Africa/Lagos"),
    accepting: integer("accepting", { mode: "boolean" }).notNull().default(true),
    status: text("status", { enum: MENTOR_PROFILE_STATUSES }).notNull().default("pending"),
    reviewedBy: text("reviewed_by").references(() => users.id, { onDelete: "set null" }),
    reviewedAt: integer("reviewed_at"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    // The organisers' list of one status, oldest change first, a page at a time.
    index("mentor_profiles_status_idx").on(t.status, t.updatedAt),
    check("mentor_profiles_capacity", sql`${t.capacity} between 0 and 50`),
  ],
);

export const menteeProfiles = sqliteTable("mentee_profiles", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  targetRoles: text("target_roles", { mode: "json" }).$type<string[]>().notNull().default([]),
  industries: text("industries", { mode: "json" }).$type<string[]>().notNull().default([]),
  goals: text("goals").notNull().default(""),
  languages: text("languages", { mode: "json" }).$type<string[]>().notNull().default([]),
  city: text("city").notNull().default(""),
  formats: text("formats", { mode: "json" }).$type<MentoringFormat[]>().notNull().default([]),
  availability: text("availability", { mode: "json" }).$type<AvailabilityWindow[]>().notNull().default([]),
  timeZone: text("time_zone").notNull().default("Africa/Lagos"),
  createdAt: integer("created_at").notNull(),
  updatedAt: integer("updated_at").notNull(),
});

/** An organiser's "match a group" run: proposals staged for review until published. */
export const MATCH_RUN_STATUSES = ["draft", "published", "discarded"] as const;
export const matchRuns = sqliteTable("match_runs", {
  id: text("id").primaryKey(),
  label: text("label").notNull(),
  status: text("status", { enum: MATCH_RUN_STATUSES }).notNull().default("draft"),
  createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: integer("created_at").notNull(),
  publishedAt: integer("published_at"),
});

export const matchProposals = sqliteTable(
  "match_proposals",
  {
    id: text("id").primaryKey(),
    runId: text("run_id")
      .notNull()
      .references(() => matchRuns.id, { onDelete: "cascade" }),
    menteeId: text("mentee_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    // Null: no compatible mentor had room.
    mentorId: text("mentor_id").references(() => users.id, { onDelete: "cascade" }),
    score: integer("score"),
    reasons: text("reasons", { mode: "json" }).$type<string[]>().notNull().default([]),
    // Set at publishing: the mentorship made, or why none was.
    mentorshipId: text("mentorship_id"),
    outcome: text("outcome"),
  },
  (t) => [uniqueIndex("match_proposals_run_mentee_unique").on(t.runId, t.menteeId)],
);

/**
 * proposed: a mentee's request waiting for the mentor (7 days, then lapsed);
 * active: counts against the mentor's capacity; ended: closed by either side with a reason.
 */
export const MENTORSHIP_STATUSES = ["proposed", "active", "declined", "lapsed", "withdrawn", "ended"] as const;
export type MentorshipStatus = (typeof MENTORSHIP_STATUSES)[number];
export const MENTORSHIP_SOURCES = ["request", "match"] as const;

export const mentorships = sqliteTable(
  "mentorships",
  {
    id: text("id").primaryKey(),
    mentorId: text("mentor_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    menteeId: text("mentee_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    source: text("source", { enum: MENTORSHIP_SOURCES }).notNull(),
    status: text("status", { enum: MENTORSHIP_STATUSES }).notNull(),
    requestMessage: text("request_message").notNull().default(""),
    matchRunId: text("match_run_id").references(() => matchRuns.id, { onDelete: "set null" }),
    createdAt: integer("created_at").notNull(),
    respondBy: integer("respond_by"),
    respondedAt: integer("responded_at"),
    declineReason: text("decline_reason").notNull().default(""),
    startedAt: integer("started_at"),
    endedAt: integer("ended_at"),
    endedBy: text("ended_by").references(() => users.id, { onDelete: "set null" }),
    endReason: text("end_reason").notNull().default(""),
    mentorEndRating: integer("mentor_end_rating"),
    menteeEndRating: integer("mentee_end_rating"),
    // Each side's agreement to show the other their WhatsApp number as a tap-to-chat link.
    mentorSharesWhatsappAt: integer("mentor_shares_whatsapp_at"),
    menteeSharesWhatsappAt: integer("mentee_shares_whatsapp_at"),
  },
  (t) => [
    index("mentorships_mentor_idx").on(t.mentorId, t.status),
    index("mentorships_mentee_idx").on(t.menteeId, t.status),
    // The journey's figures read the relationships that started in a period.
    index("mentorships_started_idx").on(t.startedAt),
    // Mentors' active pairs counted together, and the console's lists of one status.
    index("mentorships_status_idx").on(t.status, t.mentorId),
    // One open relationship per pair at a time.
    uniqueIndex("mentorships_open_pair_unique")
      .on(t.mentorId, t.menteeId)
      .where(sql`status in ('proposed', 'active')`),
  ],
);

/** The periodic "how is it going" email: one row per person per due date, rated in one click. */
export const mentorshipCheckIns = sqliteTable(
  "mentorship_check_ins",
  {
    id: text("id").primaryKey(),
    mentorshipId: text("mentorship_id")
      .notNull()
      .references(() => mentorships.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    dueAt: integer("due_at").notNull(),
    tokenHash: text("token_hash").notNull(),
    sentAt: integer("sent_at"),
    rating: integer("rating"),
    ratedAt: integer("rated_at"),
  },
  (t) => [
    uniqueIndex("mentorship_check_ins_unique").on(t.mentorshipId, t.userId, t.dueAt),
    uniqueIndex("mentorship_check_ins_token_unique").on(t.tokenHash),
  ],
);

export const SESSION_STATUSES = ["proposed", "confirmed", "declined", "cancelled"] as const;
export type MentoringSessionStatus = (typeof SESSION_STATUSES)[number];
export const SESSION_OUTCOMES = ["held", "missed"] as const;
export type SessionOutcome = (typeof SESSION_OUTCOMES)[number];

export const mentoringSessions = sqliteTable(
  "mentoring_sessions",
  {
    id: text("id").primaryKey(),
    mentorshipId: text("mentorship_id")
      .notNull()
      .references(() => mentorships.id, { onDelete: "cascade" }),
    proposedBy: text("proposed_by")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    startsAt: integer("starts_at").notNull(),
    durationMinutes: integer("duration_minutes").notNull(),
    format: text("format", { enum: MENTORING_FORMATS }).notNull(),
    // A place for in-person sessions, a link or phone number otherwise.
    location: text("location").notNull().default(""),
    agenda: text("agenda").notNull().default(""),
    status: text("status", { enum: SESSION_STATUSES }).notNull().default("proposed"),
    respondedAt: integer("responded_at"),
    reminderSentAt: integer("reminder_sent_at"),
    mentorOutcome: text("mentor_outcome", { enum: SESSION_OUTCOMES }),
    menteeOutcome: text("mentee_outcome", { enum: SESSION_OUTCOMES }),
    menteeRating: integer("mentee_rating"),
    menteeComment: text("mentee_comment").notNull().default(""),
    // Bumped on each change, so calendars replace the event rather than add another.
    sequence: integer("sequence").notNull().default(0),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    index("mentoring_sessions_mentorship_idx").on(t.mentorshipId, t.startsAt),
    index("mentoring_sessions_status_start_idx").on(t.status, t.startsAt),
  ],
);

/** private: the mentor's alone; shared: both see them. Action items are shared notes with a checkbox. */
export const NOTE_VISIBILITIES = ["private", "shared"] as const;
export const NOTE_KINDS = ["note", "action"] as const;

export const mentorshipNotes = sqliteTable(
  "mentorship_notes",
  {
    id: text("id").primaryKey(),
    mentorshipId: text("mentorship_id")
      .notNull()
      .references(() => mentorships.id, { onDelete: "cascade" }),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    visibility: text("visibility", { enum: NOTE_VISIBILITIES }).notNull(),
    kind: text("kind", { enum: NOTE_KINDS }).notNull().default("note"),
    body: text("body").notNull(),
    doneAt: integer("done_at"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("mentorship_notes_mentorship_idx").on(t.mentorshipId, t.createdAt)],
);

/** Curriculum steps whose answers a mentee has chosen to show their mentor; deleting the row withdraws it. */
export const sharedStepAnswers = sqliteTable(
  "shared_step_answers",
  {
    mentorshipId: text("mentorship_id")
      .notNull()
      .references(() => mentorships.id, { onDelete: "cascade" }),
    memberId: text("member_id")
      .notNull()
      .references(() => cohortMembers.id, { onDelete: "cascade" }),
    stepId: text("step_id")
      .notNull()
      .references(() => curriculumSteps.id, { onDelete: "cascade" }),
    sharedAt: integer("shared_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.mentorshipId, t.memberId, t.stepId] })],
);
