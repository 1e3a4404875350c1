import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./auth";

export const BROADCAST_STATUSES = ["scheduled", "sent", "cancelled"] as const;
export type BroadcastStatus = (typeof BROADCAST_STATUSES)[number];

/**
 * A message organisers write to a chosen group (ADR 0033). The audience is kept as the filters
 * chosen; the people it reached are its outbox rows, one per person (`outbox.broadcast_id`).
 */
export const broadcasts = sqliteTable(
  "broadcasts",
  {
    id: text("id").primaryKey(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    link: text("link").notNull().default(""),
    audience: text("audience", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    audienceLabel: text("audience_label").notNull(),
    status: text("status", { enum: BROADCAST_STATUSES }).notNull(),
    sendAt: integer("send_at").notNull(),
    recipients: integer("recipients"),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: integer("created_at").notNull(),
    sentAt: integer("sent_at"),
  },
  (t) => [index("broadcasts_status_idx").on(t.status, t.sendAt)],
);
