import { and, asc, count, desc, eq } from "drizzle-orm";
import { db } from "~db/client.server";
import { deliveryReports, outbox, type OUTBOX_STATUSES } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { recordAudit } from "~/modules/organisation/index.server";

export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
export type OutboxMessage = typeof outbox.$inferSelect;

const summaryColumns = {
  id: outbox.id,
  recipient: outbox.recipient,
  template: outbox.template,
  subject: outbox.subject,
  status: outbox.status,
  attempts: outbox.attempts,
  lastError: outbox.lastError,
  deliveredLocally: outbox.deliveredLocally,
  nextAttemptAt: outbox.nextAttemptAt,
  createdAt: outbox.createdAt,
  sentAt: outbox.sentAt,
  channel: outbox.channel,
  sentTo: outbox.sentTo,
  deliveryStatus: outbox.deliveryStatus,
  failedChannels: outbox.failedChannels,
};

export type OutboxSummary = Pick<OutboxMessage, keyof typeof summaryColumns>;

/** Messages for the organisers' view, newest first; without bodies, which can be large. */
export function listOutboxMessages({ status, limit = 100 }: { status?: OutboxStatus; limit?: number } = {}): OutboxSummary[] {
  return db
    .select(summaryColumns)
    .from(outbox)
    .where(status ? eq(outbox.status, status) : undefined)
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(limit)
    .all();
}

export function countDeadMessages(): number {
  return db.select({ n: count() }).from(outbox).where(eq(outbox.status, "dead")).get()?.n ?? 0;
}

export function getOutboxMessage(id: string): OutboxMessage | null {
  return db.select().from(outbox).where(eq(outbox.id, id)).get() ?? null;
}

/** An organiser opening one message: who it went to and what it said (audited, NDPA). */
export function viewOutboxMessage(id: string, viewerId: string): OutboxMessage | null {
  const message = getOutboxMessage(id);
  if (message) recordAudit(db, { actorId: viewerId, action: "email.viewed", targetType: "outbox", targetId: message.id });
  return message;
}

/**
 * Puts a dead message back in the queue for the worker's next pass, with a fresh set of
 * attempts (the last error stays for reference). Returns false when the message is not dead.
 */
export function retryDeadMessage(id: string, actorId: string | null): boolean {
  return db.transaction(
    (tx) => {
      const reset = tx
        .update(outbox)
        .set({ status: "pending", attempts: 0, nextAttemptAt: clock.now(), lockedUntil: null })
        .where(and(eq(outbox.id, id), eq(outbox.status, "dead")))
        .returning({ template: outbox.template })
        .all();
      if (!reset.length) return false;
      recordAudit(tx, { actorId, action: "outbox.retry", targetType: "outbox", targetId: id, details: { template: reset[0].template } });
      return true;
    },
    { behavior: "immediate" },
  );
}

export type TextPart = { text: string } | { text: string; href: string };

const URL_PATTERN = /https?:\/\/[^\s<>"']+/g;

/**
 * Splits a plain-text message into text and links so the mailbox can make the links
 * clickable. Only links into this app become links: anything else (a URL someone typed
 * into their name, say) stays text.
 */
export function splitLinks(text: string, origin: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = match[0].replace(/[.,;:!?)\]]+$/, "");
    const start = match.index;
    if (!URL.canParse(url) || new URL(url).origin !== origin) continue;
    if (start > last) parts.push({ text: text.slice(last, start) });
    parts.push({ text: url, href: url });
    last = start + url.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

/**
 * The stored HTML made fit for a `srcdoc` frame on an admin page. Such a frame inherits the
 * page's Content Security Policy, which refuses inline styles, so every `style` attribute
 * would only raise a violation; they are dropped (what they hid gets the `hidden` attribute)
 * and the message shows its structure, text and links. React escapes quotes in text, so the
 * pattern only meets attributes.
 */
export function htmlForPreview(html: string): string {
  return html
    .replace(/<style[\s>][\s\S]*?<\/style>/gi, "")
    .replace(/\s+style="([^"]*)"/gi, (_attribute, css: string) => (/display:\s*none/i.test(css) ? " hidden" : ""));
}

const CHANNEL_NAMES = { email: "email", sms: "SMS", whatsapp: "WhatsApp" } as const;
const DELIVERY_WORDS = { sent: "sent, not yet reported delivered", delivered: "delivered", read: "read", failed: "failed" } as const;

/** The channel a message went by and what its provider last said, in one line for organisers; null for one not sent yet by email. */
export function describeDelivery(row: Pick<OutboxMessage, "channel" | "sentTo" | "status" | "deliveryStatus" | "failedChannels">): string | null {
  const tried = row.failedChannels.map((entry) => `${CHANNEL_NAMES[entry.channel]} failed (${entry.reason})`);
  const now =
    row.status === "sent" && row.channel !== "email"
      ? `By ${CHANNEL_NAMES[row.channel]} to ${row.sentTo ?? "?"}: ${DELIVERY_WORDS[row.deliveryStatus ?? "sent"]}`
      : row.status === "sent" && row.failedChannels.length
        ? `By email to ${row.sentTo ?? "?"}`
        : null;
  const parts = [...tried, ...(now ? [now] : [])];
  return parts.length ? parts.join("; ") + "." : null;
}

/** What the SMS or WhatsApp provider reported of a message, in the order the reports came. */
export function deliveryReportsOf(outboxId: string) {
  return db
    .select({ id: deliveryReports.id, provider: deliveryReports.provider, status: deliveryReports.status, reason: deliveryReports.reason, reportedAt: deliveryReports.reportedAt })
    .from(deliveryReports)
    .where(eq(deliveryReports.outboxId, outboxId))
    .orderBy(asc(deliveryReports.receivedAt), asc(deliveryReports.id))
    .all();
}
