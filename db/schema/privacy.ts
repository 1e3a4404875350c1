import { sql } from "drizzle-orm";
import { blob, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./auth";

export const REQUEST_KINDS = ["access", "erasure", "rectification", "objection", "restriction", "portability"] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

/** open: being handled; scheduled: an erasure in its cooling-off period; then one of the ends. */
export const REQUEST_STATUSES = ["open", "scheduled", "completed", "refused", "cancelled"] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/**
 * A data subject's request (NDPA ss.34–38): made by the person on their pages or received by an
 * organiser, answered within 30 days (`dueAt`), with what was done or why it was refused.
 */
export const dataSubjectRequests = sqliteTable(
  "data_subject_requests",
  {
    id: text("id").primaryKey(),
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    kind: text("kind", { enum: REQUEST_KINDS }).notNull(),
    status: text("status", { enum: REQUEST_STATUSES }).notNull().default("open"),
    // Who asked and how to reach them, for requests received outside the site.
    requesterName: text("requester_name").notNull().default(""),
    requesterContact: text("requester_contact").notNull().default(""),
    details: text("details").notNull().default(""),
    receivedAt: integer("received_at").notNull(),
    dueAt: integer("due_at").notNull(),
    // Erasure: when the cooling-off period ends and the data goes.
    eraseAt: integer("erase_at"),
    recordedBy: text("recorded_by").references(() => users.id, { onDelete: "set null" }),
    closedAt: integer("closed_at"),
    closedBy: text("closed_by").references(() => users.id, { onDelete: "set null" }),
    outcome: text("outcome").notNull().default(""),
  },
  (t) => [index("data_subject_requests_status_idx").on(t.status, t.dueAt), index("data_subject_requests_user_idx").on(t.userId)],
);

/** A person's data download: built in the background, fetched through an emailed link that expires. */
export const dataExports = sqliteTable(
  "data_exports",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    status: text("status", { enum: ["building", "ready"] }).notNull().default("building"),
    // The finished ZIP; dropped when the link expires.
    zip: blob("zip", { mode: "buffer" }),
    requestedAt: integer("requested_at").notNull(),
    readyAt: integer("ready_at"),
    expiresAt: integer("expires_at").notNull(),
    downloadedAt: integer("downloaded_at"),
  },
  (t) => [uniqueIndex("data_exports_token_unique").on(t.tokenHash), index("data_exports_user_idx").on(t.userId)],
);

/** The breach log (NDPA s.40): the NDPC is told within 72 hours of the breach being found. */
export const breaches = sqliteTable(
  "breaches",
  {
    id: text("id").primaryKey(),
    summary: text("summary").notNull(),
    foundAt: integer("found_at").notNull(),
    occurredAt: integer("occurred_at"),
    affected: text("affected").notNull().default(""),
    affectedCount: integer("affected_count"),
    notifyBy: integer("notify_by").notNull(),
    regulatorNotifiedAt: integer("regulator_notified_at"),
    peopleNotifiedAt: integer("people_notified_at"),
    actions: text("actions").notNull().default(""),
    recordedBy: text("recorded_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
    closedAt: integer("closed_at"),
  },
  (t) => [
    index("breaches_found_idx").on(t.foundAt),
    // The open breaches first on the organisers' page, soonest deadline first, a page at a time.
    index("breaches_open_idx").on(t.notifyBy, sql`${t.foundAt} desc`, t.id).where(sql`${t.closedAt} is null`),
  ],
);

/** What each run of the retention job removed, so organisers can see it did its work. */
export const retentionRuns = sqliteTable("retention_runs", {
  id: text("id").primaryKey(),
  at: integer("at").notNull(),
  removed: text("removed", { mode: "json" }).$type<Record<string, number>>().notNull(),
});
