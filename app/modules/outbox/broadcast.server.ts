import { eq, sql } from "drizzle-orm";
import { db, type Tx } from "~db/client.server";
import { broadcastTallies, contactBook, outbox, type Channel } from "~db/schema";
import { renderShortText } from "~emails/registry";
import { smsSegments } from "~emails/sms-text";
import { clock } from "~/utils/clock.server";
import { env } from "~/utils/env.server";
import { randomId } from "~/utils/ids.server";
import { formatMoney } from "~/utils/money";
import { getOrganisation } from "~/modules/organisation/index.server";
import { routeMessage } from "./channel-routing.server";
import type { Contact } from "./contact-book.server";
import { smsSpentThisMonth } from "./sms-budget.server";

/** One person a message to a group reaches: by their account when they have one, else by the address they gave (a guest donor). */
export type Recipient = { userId: string | null; email: string; name: string };

export type GroupMessage = { subject: string; body: string; link: string };

export type ReachPlan = {
  total: number;
  byChannel: Record<Channel, number>;
  unreachable: number;
  smsSegments: number;
  smsCost: number;
  smsCostText: string;
  budgetLeftText: string;
};

const personKey = (recipient: Recipient) => recipient.userId ?? recipient.email.trim().toLowerCase();

/** The same person listed twice (a member of two chosen groups) counts and gets it once. */
function distinct(recipients: Recipient[]): Recipient[] {
  const seen = new Map<string, Recipient>();
  for (const recipient of recipients) if (!seen.has(personKey(recipient))) seen.set(personKey(recipient), recipient);
  return [...seen.values()];
}

// The contact book entries of just these people, by account or by address, each found through its
// key; the ids and addresses go in as one JSON array, so the statements keep one shape.
const contactsByUserStatement = db
  .select()
  .from(contactBook)
  .where(sql`${contactBook.userId} in (select value from json_each(${sql.placeholder("keys")}))`)
  .prepare();
const contactsByEmailStatement = db
  .select()
  .from(contactBook)
  .where(sql`${contactBook.email} in (select value from json_each(${sql.placeholder("keys")}))`)
  .prepare();

function contactsOf(people: Recipient[]): { byUser: Map<string, Contact>; byEmail: Map<string, Contact> } {
  const userIds = people.flatMap((person) => (person.userId ? [person.userId] : []));
  const emails = people.flatMap((person) => (person.userId ? [] : [person.email.trim().toLowerCase()]));
  const byUser = new Map(contactsByUserStatement.all({ keys: JSON.stringify(userIds) }).map((row) => [row.userId, row]));
  const byEmail = new Map(contactsByEmailStatement.all({ keys: JSON.stringify(emails) }).flatMap((row) => (row.email ? [[row.email, row] as const] : [])));
  return { byUser, byEmail };
}

const propsFor = (recipient: Recipient, message: GroupMessage) => ({ name: recipient.name, subject: message.subject, body: message.body, ...(message.link ? { link: message.link } : {}) });

/**
 * Before sending: how many people the message reaches on each channel (the first one each will
 * get it on today), how many it cannot reach, and what its SMS will cost against the budget.
 */
export function planReach(recipients: Recipient[], message: GroupMessage): ReachPlan {
  const organisation = getOrganisation();
  const people = distinct(recipients);
  const { byUser, byEmail } = contactsOf(people);
  const byChannel: Record<Channel, number> = { email: 0, sms: 0, whatsapp: 0 };
  let unreachable = 0;
  let segments = 0;
  // Links in a text are replaced by a short link of this length when it goes out.
  const shortLink = `${new URL(env.APP_URL).origin}/s/XXXXXXXXXX`;
  for (const person of people) {
    const contact = person.userId ? byUser.get(person.userId) : byEmail.get(person.email.trim().toLowerCase());
    const row = { template: "broadcast", recipient: person.email, userId: contact?.userId ?? person.userId, failedChannels: [], onlyChannel: null } as unknown as typeof outbox.$inferSelect;
    const routing = routeMessage(row, contact, organisation);
    const first = routing.routes[0];
    if (!first) {
      unreachable += 1;
      continue;
    }
    byChannel[first.channel] += 1;
    if (first.channel === "sms") {
      const text = renderShortText("broadcast", propsFor(person, message), organisation).replace(/https?:\/\/\S+/g, shortLink);
      segments += smsSegments(text).segments;
    }
  }
  const smsCost = segments * organisation.smsSegmentCost;
  const left = Math.max(0, organisation.smsMonthlyBudget - smsSpentThisMonth(clock.now(), organisation.timeZone));
  return {
    total: people.length,
    byChannel,
    unreachable,
    smsSegments: segments,
    smsCost,
    smsCostText: formatMoney(smsCost, organisation.currency),
    budgetLeftText: formatMoney(left, organisation.currency),
  };
}

const CHUNK = 200;

/**
 * Queues a message to a group in the caller's transaction: one row per person, keyed so a
 * second call (a retried job, a double click) adds nobody twice. The worker sends each on the
 * person's own channel. Returns how many rows were added.
 */
export function enqueueBroadcast(tx: Tx, input: GroupMessage & { broadcastId: string; recipients: Recipient[] }): number {
  const now = clock.now();
  const people = distinct(input.recipients);
  let added = 0;
  for (let start = 0; start < people.length; start += CHUNK) {
    const values = people.slice(start, start + CHUNK).map((person) => ({
      id: randomId(16),
      recipient: person.email,
      template: "broadcast",
      props: propsFor(person, input),
      userId: person.userId,
      broadcastId: input.broadcastId,
      dedupeKey: `broadcast:${input.broadcastId}:${personKey(person)}`,
      nextAttemptAt: now,
      createdAt: now,
    }));
    added += tx.insert(outbox).values(values).onConflictDoNothing().run().changes;
  }
  return added;
}

export type BroadcastFigures = {
  total: number;
  sent: number;
  pending: number;
  skipped: number;
  failed: number;
  byChannel: Record<Channel, { sent: number; delivered: number; read: number; failed: number }>;
};

// Kept by triggers on the outbox (migration 0030): a few rows per message, however many were sent.
const talliesStatement = db
  .select({ status: broadcastTallies.status, channel: broadcastTallies.channel, delivery: broadcastTallies.delivery, count: broadcastTallies.n })
  .from(broadcastTallies)
  .where(eq(broadcastTallies.broadcastId, sql.placeholder("broadcastId")))
  .prepare();

/** How a message to a group went: by status, and by channel as far as the providers reported. */
export function broadcastFigures(broadcastId: string): BroadcastFigures {
  const rows = talliesStatement.all({ broadcastId });
  const empty = () => ({ sent: 0, delivered: 0, read: 0, failed: 0 });
  const figures: BroadcastFigures = { total: 0, sent: 0, pending: 0, skipped: 0, failed: 0, byChannel: { email: empty(), sms: empty(), whatsapp: empty() } };
  for (const row of rows) {
    const count = Number(row.count);
    figures.total += count;
    if (row.status === "sent") {
      figures.sent += count;
      const channel = figures.byChannel[row.channel];
      channel.sent += count;
      if (row.delivery === "delivered") channel.delivered += count;
      if (row.delivery === "read") {
        channel.delivered += count;
        channel.read += count;
      }
    } else if (row.status === "pending") figures.pending += count;
    else if (row.status === "skipped") figures.skipped += count;
    else {
      figures.failed += count;
      figures.byChannel[row.channel].failed += count;
    }
  }
  return figures;
}
