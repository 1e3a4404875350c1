import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

export const OUTBOX_STATUSES = ["pending", "sent", "dead", "skipped"] as const;

/** Email written in the same transaction as the change that causes it. */
export const outbox = sqliteTable(
  "outbox",
  {
    id: text("id").primaryKey(),
    recipient: text("recipient").notNull(),
    template: text("template").notNull(),
    props: text("props", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    subject: text("subject"),
    html: text("html"),
    text: text("text"),
    status: text("status", { enum: OUTBOX_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at").notNull(),
    lockedUntil: integer("locked_until"),
    lastError: text("last_error"),
    deliveredLocally: integer("delivered_locally", { mode: "boolean" }).notNull().default(false),
    /** Why a message was not sent (its recipient turned that kind of email off). */
    skippedReason: text("skipped_reason"),
    createdAt: integer("created_at").notNull(),
    sentAt: integer("sent_at"),
  },
  (t) => [index("outbox_due_idx").on(t.status, t.nextAttemptAt)],
);

/**
 * Which kinds of non-essential email an address has turned off. Kept by address, not by account:
 * anyone who got a message can manage what they get, signed in or not, through its token.
 */
export const emailPreferences = sqliteTable("email_preferences", {
  address: text("address").primaryKey(),
  token: text("token").notNull().unique(),
  turnedOff: text("turned_off", { mode: "json" }).$type<string[]>().notNull().default([]),
  updatedAt: integer("updated_at").notNull(),
});

export const JOB_STATUSES = ["pending", "done", "dead"] as const;

/** Scheduled work (reminders, releases, expiries) run by the same worker. */
export const jobs = sqliteTable(
  "jobs",
  {
    id: text("id").primaryKey(),
    kind: text("kind").notNull(),
    payload: text("payload", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    // Optional de-duplication key: scheduling the same key twice keeps one job.
    uniqueKey: text("unique_key"),
    status: text("status", { enum: JOB_STATUSES }).notNull().default("pending"),
    runAt: integer("run_at").notNull(),
    attempts: integer("attempts").notNull().default(0),
    lockedUntil: integer("locked_until"),
    lastError: text("last_error"),
    createdAt: integer("created_at").notNull(),
    completedAt: integer("completed_at"),
  },
  (t) => [index("jobs_due_idx").on(t.status, t.runAt), uniqueIndex("jobs_unique_key").on(t.uniqueKey)],
);
