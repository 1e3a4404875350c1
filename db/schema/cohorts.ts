import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./auth";
import { curricula, curriculumSteps } from "./curriculum";

const APPLICATION_STATUSES = ["applied", "interview", "offer", "rejected", "hired"] as const;
/** Where a job application stands (the application tracker). */
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const MEMBER_SOURCES = ["code", "invitation", "event", "organiser"] as const;
export type MemberSource = (typeof MEMBER_SOURCES)[number];

/** When steps open: computed in the organisation's time zone from these local values. */
export type ReleaseSchedule =
  | { kind: "interval"; everyDays: number; hour: number }
  | { kind: "weekly"; weekday: number; hour: number }
  | { kind: "dates"; dates: string[]; hour: number };

export const cohorts = sqliteTable(
  "cohorts",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    curriculumId: text("curriculum_id")
      .notNull()
      .references(() => curricula.id, { onDelete: "restrict" }),
    // A local calendar date (YYYY-MM-DD) in the organisation's time zone.
    startDate: text("start_date").notNull(),
    schedule: text("schedule", { mode: "json" }).$type<ReleaseSchedule>().notNull(),
    facilitatorId: text("facilitator_id").references(() => users.id, { onDelete: "set null" }),
    capacity: integer("capacity").notNull(),
    // Null: no reminders.
    nudgeAfterDays: integer("nudge_after_days"),
    joinCode: text("join_code").notNull(),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("cohorts_join_code_unique").on(t.joinCode),
    index("cohorts_curriculum_idx").on(t.curriculumId),
    // Filters list the cohorts that started last up to a day.
    index("cohorts_start_idx").on(t.startDate),
    check("cohorts_capacity_positive", sql`${t.capacity} > 0`),
  ],
);

export const cohortMembers = sqliteTable(
  "cohort_members",
  {
    id: text("id").primaryKey(),
    cohortId: text("cohort_id")
      .notNull()
      .references(() => cohorts.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    joinedAt: integer("joined_at").notNull(),
    joinedVia: text("joined_via", { enum: MEMBER_SOURCES }).notNull(),
  },
  (t) => [
    uniqueIndex("cohort_members_unique").on(t.cohortId, t.userId),
    index("cohort_members_user_idx").on(t.userId),
    // The journey's figures read the people who joined in a period, not every member.
    index("cohort_members_joined_idx").on(t.joinedAt, t.userId),
  ],
);

/** Who was invited by email; joining with the same address marks the invitation accepted. */
export const cohortInvitations = sqliteTable(
  "cohort_invitations",
  {
    id: text("id").primaryKey(),
    cohortId: text("cohort_id")
      .notNull()
      .references(() => cohorts.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    invitedBy: text("invited_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: integer("created_at").notNull(),
    acceptedAt: integer("accepted_at"),
  },
  (t) => [uniqueIndex("cohort_invitations_unique").on(t.cohortId, t.email)],
);

/**
 * When each step opens for a cohort. Null `releaseAt`: not scheduled (a date-per-step schedule
 * without a date for it). `notifiedAt`: members were emailed that it opened.
 */
export const stepReleases = sqliteTable(
  "step_releases",
  {
    cohortId: text("cohort_id")
      .notNull()
      .references(() => cohorts.id, { onDelete: "cascade" }),
    stepId: text("step_id")
      .notNull()
      .references(() => curriculumSteps.id, { onDelete: "cascade" }),
    releaseAt: integer("release_at"),
    notifiedAt: integer("notified_at"),
  },
  (t) => [primaryKey({ columns: [t.cohortId, t.stepId] })],
);

/** A member's answer to a step's exercise: private to that member. */
export const exerciseAnswers = sqliteTable(
  "exercise_answers",
  {
    memberId: text("member_id")
      .notNull()
      .references(() => cohortMembers.id, { onDelete: "cascade" }),
    stepId: text("step_id")
      .notNull()
      .references(() => curriculumSteps.id, { onDelete: "cascade" }),
    answer: text("answer", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    completedAt: integer("completed_at"),
    updatedAt: integer("updated_at").notNull(),
  },
  // A curriculum's editor asks whether anyone has answered a step.
  (t) => [
    primaryKey({ columns: [t.memberId, t.stepId] }),
    index("exercise_answers_step_idx").on(t.stepId),
    // Steps completed per member (the cohort list's completion) from the index alone, not the answers' text.
    index("exercise_answers_completed_idx").on(t.memberId, t.completedAt),
  ],
);

/** One gentle reminder per member and step, ever. */
export const stepNudges = sqliteTable(
  "step_nudges",
  {
    memberId: text("member_id")
      .notNull()
      .references(() => cohortMembers.id, { onDelete: "cascade" }),
    stepId: text("step_id")
      .notNull()
      .references(() => curriculumSteps.id, { onDelete: "cascade" }),
    sentAt: integer("sent_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.stepId] })],
);

/** The person's job applications: theirs, kept after any cohort ends. */
export const jobApplications = sqliteTable(
  "job_applications",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    company: text("company").notNull(),
    role: text("role").notNull(),
    // The local date the person applied (YYYY-MM-DD).
    appliedOn: text("applied_on").notNull(),
    status: text("status", { enum: APPLICATION_STATUSES }).notNull(),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("job_applications_user_idx").on(t.userId, t.appliedOn)],
);

/**
 * Issued when a member finishes every step. Names are copied at issue, so the public
 * verification page keeps saying what was certified.
 */
export const certificates = sqliteTable(
  "certificates",
  {
    id: text("id").primaryKey(),
    memberId: text("member_id").references(() => cohortMembers.id, { onDelete: "set null" }),
    userId: text("user_id").references(() => users.id, { onDelete: "cascade" }),
    recipientName: text("recipient_name").notNull(),
    curriculumTitle: text("curriculum_title").notNull(),
    cohortName: text("cohort_name").notNull(),
    organisationName: text("organisation_name").notNull(),
    completedAt: integer("completed_at").notNull(),
  },
  // A person's certificates are looked up on their own page, and by erasure; the journey's figures read a period's.
  (t) => [uniqueIndex("certificates_member_unique").on(t.memberId), index("certificates_user_idx").on(t.userId), index("certificates_completed_idx").on(t.completedAt)],
);
