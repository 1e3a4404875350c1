import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

export const OUTBOX_STATUSES = ["pending", "sent", "dead", "skipped"] as const;

/** How a message reaches a person (ADR 0031). */
export const CHANNELS = ["email", "sms", "whatsapp"] as const;
export type Channel = (typeof CHANNELS)[number];

/** What a provider last said of a sent SMS or WhatsApp message; email stops at "sent". */
export const DELIVERY_STATUSES = ["sent", "delivered", "read", "failed"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * A message written in the same transaction as the change that causes it. One row is one message
 * to one person: it goes out on one channel, and moves to the next channel the person allows only
 * when that channel failed for good, so nobody gets it twice.
 */
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
    /** The account it is for, when the recipient has one: its channels and phone come from the contact book. */
    userId: text("user_id"),
    /** The channel it goes (or went) out on; chosen when it is first delivered. */
    channel: text("channel", { enum: CHANNELS }).notNull().default("email"),
    /** The address on that channel: the email address, or the phone number in E.164. */
    sentTo: text("sent_to"),
    /** Channels tried and failed for good, in order, with why. */
    failedChannels: text("failed_channels", { mode: "json" }).$type<{ channel: Channel; reason: string; at: number }[]>().notNull().default([]),
    /** For a message fixed to one channel (a sign-in code by SMS): no other is tried. */
    onlyChannel: text("only_channel", { enum: CHANNELS }),
    /** Who carried it (smtp, termii, africastalking, whatsapp) and their id for it, to match delivery reports. */
    provider: text("provider"),
    providerMessageId: text("provider_message_id"),
    deliveryStatus: text("delivery_status", { enum: DELIVERY_STATUSES }),
    deliveryStatusAt: integer("delivery_status_at"),
    /** SMS: the segments it took and what it cost, in the organisation's currency's minor units. */
    segments: integer("segments"),
    cost: integer("cost"),
    /** When the thing it is about happens (an event's start): quiet hours give way to a sooner one. */
    aboutAt: integer("about_at"),
    /** A message to a chosen group (a broadcast), and the key that keeps it to one per person. */
    broadcastId: text("broadcast_id"),
    dedupeKey: text("dedupe_key"),
    createdAt: integer("created_at").notNull(),
    sentAt: integer("sent_at"),
  },
  (t) => [
    index("outbox_due_idx").on(t.status, t.nextAttemptAt),
    uniqueIndex("outbox_provider_message_unique").on(t.provider, t.providerMessageId),
    uniqueIndex("outbox_dedupe_unique").on(t.dedupeKey),
    index("outbox_broadcast_idx").on(t.broadcastId),
    index("outbox_channel_sent_idx").on(t.channel, t.sentAt),
    // The organisers' view lists the newest messages, of one status or all, a page at a time.
    index("outbox_created_idx").on(t.createdAt, t.id),
    index("outbox_status_created_idx").on(t.status, t.createdAt, t.id),
    // Erasure and a person's download find their messages by account, address or number.
    index("outbox_user_idx").on(t.userId),
    index("outbox_recipient_idx").on(sql`lower(${t.recipient})`),
  ],
);

/**
 * How a message to a group went: its outbox rows counted by status, channel and what the provider
 * last reported, kept by triggers on `outbox` in the same transaction as every write (migration
 * 0030, ADR 0055), so the list of messages reads a few rows per message, not every copy sent.
 */
export const broadcastTallies = sqliteTable(
  "broadcast_tallies",
  {
    broadcastId: text("broadcast_id").notNull(),
    status: text("status", { enum: OUTBOX_STATUSES }).notNull(),
    channel: text("channel", { enum: CHANNELS }).notNull(),
    // '' until a provider reports.
    delivery: text("delivery").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ columns: [t.broadcastId, t.status, t.channel, t.delivery] })],
);

/** Every delivery report a provider sent, once each (they come twice and out of order). */
export const deliveryReports = sqliteTable(
  "delivery_reports",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    outboxId: text("outbox_id").notNull(),
    provider: text("provider").notNull(),
    providerMessageId: text("provider_message_id").notNull(),
    status: text("status", { enum: DELIVERY_STATUSES }).notNull(),
    reason: text("reason").notNull().default(""),
    reportedAt: integer("reported_at").notNull(),
    receivedAt: integer("received_at").notNull(),
  },
  (t) => [uniqueIndex("delivery_reports_unique").on(t.provider, t.providerMessageId, t.status), index("delivery_reports_outbox_idx").on(t.outboxId)],
);

/**
 * How to reach a person besides email, and how they want to hear from us (ADR 0031). Kept by
 * the messaging area for each account: the phone number (E.164, once verified it also signs in),
 * WhatsApp opt-in, and per kind of message the channels allowed in the order preferred.
 */
export const contactBook = sqliteTable(
  "contact_book",
  {
    userId: text("user_id").primaryKey(),
    // The account's email address, lower-cased (for an account made with a phone number, its placeholder address).
    email: text("email"),
    phone: text("phone"),
    phoneVerifiedAt: integer("phone_verified_at"),
    whatsappOptInAt: integer("whatsapp_opt_in_at"),
    /** The channel tried first for every kind the person has not set on its own. */
    preferredChannel: text("preferred_channel", { enum: CHANNELS }),
    /** Per kind of message, the channels allowed, in order; a kind not listed follows the organisation's default. */
    channelChoices: text("channel_choices", { mode: "json" }).$type<Record<string, Channel[]>>().notNull().default({}),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [uniqueIndex("contact_book_email_unique").on(t.email), uniqueIndex("contact_book_phone_unique").on(t.phone)],
);

/** Numbers that replied STOP (or that the provider reports as opted out): no SMS goes to them. */
export const smsOptOuts = sqliteTable("sms_opt_outs", {
  phone: text("phone").primaryKey(),
  source: text("source").notNull(),
  optedOutAt: integer("opted_out_at").notNull(),
});

/** Our own short links for SMS (`/s/CODE`): a long address in a text costs a second segment. */
export const shortLinks = sqliteTable(
  "short_links",
  {
    code: text("code").primaryKey(),
    url: text("url").notNull(),
    outboxId: text("outbox_id"),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
  },
  (t) => [index("short_links_outbox_idx").on(t.outboxId)],
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
