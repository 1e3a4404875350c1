import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./auth";

export const EVENT_KINDS = ["workshop", "seminar", "youth_session"] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const EVENT_STATUSES = ["draft", "published", "cancelled"] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/** Events created together by "repeat every N days for K sessions". */
export const eventSeries = sqliteTable("event_series", {
  id: text("id").primaryKey(),
  intervalDays: integer("interval_days").notNull(),
  occurrences: integer("occurrences").notNull(),
  createdAt: integer("created_at").notNull(),
});

export const events = sqliteTable(
  "events",
  {
    id: text("id").primaryKey(),
    slug: text("slug").notNull(),
    kind: text("kind", { enum: EVENT_KINDS }).notNull(),
    title: text("title").notNull(),
    summary: text("summary").notNull().default(""),
    description: text("description").notNull().default(""),
    startsAt: integer("starts_at").notNull(),
    endsAt: integer("ends_at").notNull(),
    isOnline: integer("is_online", { mode: "boolean" }).notNull().default(false),
    venueName: text("venue_name").notNull().default(""),
    venueAddress: text("venue_address").notNull().default(""),
    mapUrl: text("map_url").notNull().default(""),
    // Shown only to confirmed attendees.
    joinUrl: text("join_url").notNull().default(""),
    capacity: integer("capacity").notNull(),
    // Running counts of the event's registrations, kept by triggers on registrations in the same
    // transaction as every write to them (migration 0023): seats held (confirmed or offered) and
    // people waiting. Read instead of counting rows, so a booking costs the same at any size.
    seatsHeld: integer("seats_held").notNull().default(0),
    waitingCount: integer("waiting_count").notNull().default(0),
    waitlistEnabled: integer("waitlist_enabled", { mode: "boolean" }).notNull().default(true),
    // The door team may add walk-ins beyond the capacity (the hall has room the form did not count).
    walkInsOverCapacity: integer("walk_ins_over_capacity", { mode: "boolean" }).notNull().default(false),
    // People checked in get a certificate of attendance with a public verification page.
    attendanceCertificates: integer("attendance_certificates", { mode: "boolean" }).notNull().default(false),
    registrationOpensAt: integer("registration_opens_at"),
    registrationClosesAt: integer("registration_closes_at"),
    reminderHoursBefore: integer("reminder_hours_before").notNull().default(24),
    offerHours: integer("offer_hours").notNull().default(24),
    status: text("status", { enum: EVENT_STATUSES }).notNull().default("draft"),
    // The iCalendar SEQUENCE: raised with every change of time, place or status, so calendar apps
    // take the newer copy of the event instead of ignoring it.
    sequence: integer("sequence").notNull().default(0),
    seriesId: text("series_id").references(() => eventSeries.id, { onDelete: "set null" }),
    seriesPosition: integer("series_position"),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
    publishedAt: integer("published_at"),
    cancelledAt: integer("cancelled_at"),
  },
  (t) => [
    uniqueIndex("events_slug_unique").on(t.slug),
    index("events_status_start_idx").on(t.status, t.startsAt),
    // The public list's upcoming events: a range of those not yet ended, not a walk through every event.
    index("events_status_end_idx").on(t.status, t.endsAt, t.startsAt),
    index("events_series_idx").on(t.seriesId),
    // Figures over a period read the events that started in it, whatever their status.
    index("events_start_idx").on(t.startsAt),
  ],
);

export const QUESTION_KINDS = ["text", "choice", "yes_no"] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const eventQuestions = sqliteTable(
  "event_questions",
  {
    id: text("id").primaryKey(),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    label: text("label").notNull(),
    kind: text("kind", { enum: QUESTION_KINDS }).notNull(),
    options: text("options", { mode: "json" }).$type<string[]>().notNull().default([]),
    required: integer("required", { mode: "boolean" }).notNull().default(false),
    // The answer travels with the door list (a dietary need, an access need), on the volunteers' phones.
    atDoor: integer("at_door", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [index("event_questions_event_idx").on(t.eventId, t.position)],
);

export const REGISTRATION_STATUSES = ["confirmed", "waitlisted", "offered", "cancelled"] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

export const registrations = sqliteTable(
  "registrations",
  {
    id: text("id").primaryKey(),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: text("status", { enum: REGISTRATION_STATUSES }).notNull(),
    // Order on the waitlist: when the person joined it (ties broken by id).
    waitlistedAt: integer("waitlisted_at"),
    offerExpiresAt: integer("offer_expires_at"),
    // Unguessable: the ticket's QR code opens /admin/events/ID/check-in/TOKEN.
    checkInToken: text("check_in_token").notNull(),
    // Typed at the door when the QR code cannot be scanned; unique within the event.
    shortCode: text("short_code").notNull(),
    checkedInAt: integer("checked_in_at"),
    checkedInBy: text("checked_in_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
    confirmedAt: integer("confirmed_at"),
    cancelledAt: integer("cancelled_at"),
    // A walk-in added at the door: the key the volunteer's phone made for it, so a sync sent twice adds one person.
    walkInKey: text("walk_in_key"),
    walkInBy: text("walk_in_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    uniqueIndex("registrations_event_walk_in_unique").on(t.eventId, t.walkInKey),
    uniqueIndex("registrations_event_user_unique").on(t.eventId, t.userId),
    uniqueIndex("registrations_check_in_token_unique").on(t.checkInToken),
    uniqueIndex("registrations_event_short_code_unique").on(t.eventId, t.shortCode),
    index("registrations_event_status_idx").on(t.eventId, t.status, t.waitlistedAt),
    index("registrations_user_idx").on(t.userId),
  ],
);

export const registrationAnswers = sqliteTable(
  "registration_answers",
  {
    registrationId: text("registration_id")
      .notNull()
      .references(() => registrations.id, { onDelete: "cascade" }),
    questionId: text("question_id")
      .notNull()
      .references(() => eventQuestions.id, { onDelete: "cascade" }),
    value: text("value").notNull(),
  },
  // The door list reads the answers to an event's door questions by question.
  (t) => [uniqueIndex("registration_answers_unique").on(t.registrationId, t.questionId), index("registration_answers_question_idx").on(t.questionId)],
);

export const eventFeedback = sqliteTable(
  "event_feedback",
  {
    registrationId: text("registration_id")
      .primaryKey()
      .references(() => registrations.id, { onDelete: "cascade" }),
    rating: integer("rating").notNull(),
    comment: text("comment").notNull().default(""),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [check("event_feedback_rating_range", sql`${t.rating} between 1 and 5`)],
);

/**
 * A person's private calendar feed. The token is kept as is (the person sees their feed address
 * again on their page, as calendar apps expect); it only reads confirmed events and can be replaced.
 */
export const calendarFeeds = sqliteTable(
  "calendar_feeds",
  {
    userId: text("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    token: text("token").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [uniqueIndex("calendar_feeds_token_unique").on(t.token)],
);

/**
 * Door volunteers (role `door`): who may check people in at which event. No event means every
 * event. They reach those events' check-in pages and nothing else of the console.
 */
export const doorAssignments = sqliteTable(
  "door_assignments",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    eventId: text("event_id").references(() => events.id, { onDelete: "cascade" }),
    grantedBy: text("granted_by").references(() => users.id, { onDelete: "set null" }),
    grantedAt: integer("granted_at").notNull(),
  },
  (t) => [uniqueIndex("door_assignments_unique").on(t.userId, sql`coalesce(${t.eventId}, '')`), index("door_assignments_event_idx").on(t.eventId)],
);

/**
 * Invitations to a door team: by email (single use, to that address), or a short-lived link an
 * organiser shows as a QR code for volunteers who sign up on the spot (no email, many uses until it
 * expires). No event means every event. Only the token's hash is stored.
 */
export const doorInvitations = sqliteTable(
  "door_invitations",
  {
    id: text("id").primaryKey(),
    email: text("email"),
    eventId: text("event_id").references(() => events.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    invitedBy: text("invited_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    acceptedAt: integer("accepted_at"),
    acceptedBy: text("accepted_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [uniqueIndex("door_invitations_token_unique").on(t.tokenHash), index("door_invitations_event_idx").on(t.eventId)],
);
