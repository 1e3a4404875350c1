import { db, type Tx } from "~db/client.server";
import { sql } from "drizzle-orm";
import { contactBook, outbox, type Channel } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { randomId } from "~/utils/ids.server";
import { isPlaceholderAddress } from "~/utils/redact.server";
import type { TemplateName, TemplateProps } from "~emails/registry";

export type MessageOptions = {
  /** When what the message is about happens (an event's start): quiet hours give way to a sooner one. */
  aboutAt?: number;
  /** Only this channel, to `to` as given (a sign-in code by SMS to a number). */
  onlyChannel?: Channel;
  /** A message to a chosen group: one per person, whatever retries or double clicks do. */
  broadcastId?: string;
  dedupeKey?: string;
};

// The person the address belongs to, if anyone: a message follows their choice of channel.
const accountOf = sql`(select ${contactBook.userId} from ${contactBook} where ${contactBook.email} = ${sql.placeholder("address")})`;
// An erased account keeps a placeholder address (a cohort still emails its members, say): never
// sent. An account made with a phone number has one too, but it is in the contact book.
const erasedWithoutAccount = sql`(${sql.placeholder("erased")} = 1 and ${accountOf} is null)`;

// Prepared once: building this insert with its subqueries cost more than running it.
const insertMessageStatement = db
  .insert(outbox)
  .values({
    id: sql.placeholder("id"),
    recipient: sql.placeholder("recipient"),
    template: sql.placeholder("template"),
    props: sql.placeholder("props"),
    userId: accountOf,
    onlyChannel: sql.placeholder("onlyChannel"),
    channel: sql.placeholder("channel"),
    aboutAt: sql.placeholder("aboutAt"),
    broadcastId: sql.placeholder("broadcastId"),
    dedupeKey: sql.placeholder("dedupeKey"),
    nextAttemptAt: sql.placeholder("now"),
    createdAt: sql.placeholder("now"),
    status: sql`case when ${erasedWithoutAccount} then 'skipped' else 'pending' end`,
    skippedReason: sql`case when ${erasedWithoutAccount} then 'The account was erased.' else null end`,
  })
  // A key already queued (a second click, a retried job) keeps the first message only.
  .onConflictDoNothing()
  .prepare();

/**
 * Queues a message to a person, by the email address their account (or their gift, booking…)
 * holds. Call it with the transaction that makes the change the message reports, so the message
 * exists exactly when the change does (the statement runs on the one connection, inside it). The
 * worker picks the channel the person prefers (email, SMS or WhatsApp, ADR 0031), renders it for
 * that channel and delivers it.
 */
export function enqueueMessage<T extends TemplateName>(_tx: Tx, to: string, template: T, props: TemplateProps<T>, options: MessageOptions = {}): string {
  const id = randomId(16);
  // One statement, a write first: a caller's deferred transaction then waits for the write lock
  // like any other, instead of failing when it would have to upgrade a read (SQLITE_BUSY).
  insertMessageStatement.run({
    id,
    recipient: to,
    template,
    props,
    address: options.onlyChannel && options.onlyChannel !== "email" ? null : to.trim().toLowerCase(),
    onlyChannel: options.onlyChannel ?? null,
    channel: options.onlyChannel ?? "email",
    aboutAt: options.aboutAt ?? null,
    broadcastId: options.broadcastId ?? null,
    dedupeKey: options.dedupeKey ?? null,
    now: clock.now(),
    erased: isPlaceholderAddress(to) ? 1 : 0,
  });
  return id;
}
