import { and, asc, eq, inArray, isNull, lte, or } from "drizzle-orm";
import { db } from "~db/client.server";
import { outbox } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { logger } from "~/utils/logger.server";
import { carriesSecretLink, NOTIFICATION_LABELS, optOutKindOf, renderEmail, type RenderedEmail, type TemplateName, type TemplateProps } from "~emails/registry";
import { DEFERRABLE_KINDS, messageKindOf } from "~emails/message-kinds";
import { getOrganisation, type Organisation } from "~/modules/organisation/index.server";
import { ChannelRefusal } from "./channels/types";
import { contactFor, routeMessage, type Route } from "./channel-routing.server";
import { recordSmsOptOut } from "./contact-book.server";
import { sendEmail, unsubscribeUrlFor } from "./email-transport.server";
import { fallBackFrom } from "./fallback.server";
import { sendSms, sendWhatsApp } from "./phone-send.server";
import { hasTurnedOff } from "./preferences.server";
import { deferUntil } from "./quiet-hours.server";
import { errorMessage, LOCK_DURATION, MAX_ATTEMPTS, retryDelay } from "./retry.server";
import { noticeSmsSpending, smsSpentThisMonth } from "./sms-budget.server";
import { whenNoRequestWaits } from "~/utils/request-load.server";

export { closeMailTransport, messageIdFor } from "./email-transport.server";

type OutboxRow = typeof outbox.$inferSelect;

const BATCH_SIZE = 20;

/** What a send leaves on the row: the bodies as sent (or as far as rendering got) and the provider's receipt. */
type Sent = {
  subject?: string | null;
  html?: string | null;
  text?: string | null;
  props?: Record<string, unknown>;
  deliveredLocally?: boolean;
  provider?: string | null;
  providerMessageId?: string | null;
  segments?: number | null;
  cost?: number | null;
};

/**
 * Once a one-time link or code has gone out, the outbox keeps no usable copy of it: not in the
 * bodies, not in the props a backup would carry.
 */
function withoutSecrets(row: OutboxRow, sent: Sent): Sent {
  if (!carriesSecretLink(row.template)) return sent;
  const props = Object.fromEntries(Object.entries(row.props).map(([key, value]) => [key, key === "url" || key === "code" ? "[sent]" : value]));
  return { ...sent, html: null, text: null, props };
}

function bodiesOf({ subject, html, text }: RenderedEmail) {
  return { subject, html, text };
}

function claimDueMessages(now: number): OutboxRow[] {
  const due = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(eq(outbox.status, "pending"), lte(outbox.nextAttemptAt, now), or(isNull(outbox.lockedUntil), lte(outbox.lockedUntil, now))))
    .orderBy(asc(outbox.nextAttemptAt))
    .limit(BATCH_SIZE);
  // One statement: selecting and locking cannot interleave with another claimer.
  return db.update(outbox).set({ lockedUntil: now + LOCK_DURATION }).where(inArray(outbox.id, due)).returning().all();
}

/** A send that failed after the message was rendered: the bodies are kept, so organisers can read what was tried. */
class SendFailure extends Error {
  constructor(
    readonly cause: unknown,
    readonly kept: Sent,
  ) {
    super(errorMessage(cause));
  }
}

async function sendByEmail(row: OutboxRow, to: string, organisation: Organisation): Promise<Sent> {
  const kind = optOutKindOf(row.template);
  const unsubscribeUrl = kind ? unsubscribeUrlFor(to, kind) : null;
  const rendered = await renderEmail(row.template as TemplateName, row.props as TemplateProps<TemplateName>, organisation, { unsubscribeUrl: unsubscribeUrl ?? undefined });
  try {
    const { deliveredLocally } = await sendEmail(row.id, to, rendered, unsubscribeUrl);
    // The local mailbox keeps everything: there is no other copy to read.
    return deliveredLocally ? { ...bodiesOf(rendered), deliveredLocally } : withoutSecrets(row, { ...bodiesOf(rendered), deliveredLocally });
  } catch (error) {
    throw new SendFailure(error, bodiesOf(rendered));
  }
}

function sendOn(route: Route, row: OutboxRow, organisation: Organisation): Promise<Sent> {
  if (route.channel === "email") return sendByEmail(row, route.to, organisation);
  const send = route.channel === "sms" ? sendSms : sendWhatsApp;
  // As with email, the local mailbox keeps the text: there is no other copy to read.
  return send(row, route.to, organisation).then((sent) => (sent.deliveredLocally ? { ...sent, subject: null, html: null } : withoutSecrets(row, { ...sent, subject: null, html: null })));
}

function recordSent(row: OutboxRow, route: Route, sent: Sent, organisation: Organisation, attempts: number): void {
  const now = clock.now();
  db.transaction(
    (tx) => {
      const before = route.channel === "sms" ? smsSpentThisMonth(now, organisation.timeZone, tx) : 0;
      tx.update(outbox)
        .set({
          ...sent,
          status: "sent",
          channel: route.channel,
          sentTo: route.to,
          attempts,
          deliveryStatus: route.channel === "email" || sent.deliveredLocally ? null : "sent",
          deliveryStatusAt: route.channel === "email" ? null : now,
          sentAt: now,
          lockedUntil: null,
        })
        .where(eq(outbox.id, row.id))
        .run();
      if (route.channel === "sms" && sent.cost) noticeSmsSpending(tx, organisation, before, before + sent.cost, now);
    },
    { behavior: "immediate" },
  );
}

function recordFailure(row: OutboxRow, route: Route, failure: unknown, attempts: number): void {
  const now = clock.now();
  const error = failure instanceof SendFailure ? failure.cause : failure;
  const reason = errorMessage(error);
  const fields = { outboxId: row.id, template: row.template, channel: route.channel, attempts, error: reason };
  // A refusal no retry can change, or a phone channel out of tries: the next channel takes over.
  if (error instanceof ChannelRefusal || (route.channel !== "email" && attempts >= MAX_ATTEMPTS)) {
    db.transaction(
      (tx) => {
        if (error instanceof ChannelRefusal && error.optedOut && route.channel === "sms") recordSmsOptOut(tx, route.to, "provider", now);
        fallBackFrom(tx, { ...row, channel: route.channel }, reason, now);
      },
      { behavior: "immediate" },
    );
    logger.warn(fields, "channel failed for good; trying the next one");
    return;
  }
  const dead = attempts >= MAX_ATTEMPTS;
  const rendered = failure instanceof SendFailure ? failure.kept : {};
  db.update(outbox)
    .set({ ...rendered, channel: route.channel, status: dead ? "dead" : "pending", attempts, lastError: reason, lockedUntil: null, nextAttemptAt: dead ? row.nextAttemptAt : now + retryDelay(attempts) })
    .where(eq(outbox.id, row.id))
    .run();
  if (dead) logger.error(fields, "message marked dead after its last attempt");
  else logger.warn(fields, "message delivery failed; will retry");
}

/** Why nothing goes out, as organisers read it; an address that turned the kind off is named as before. */
function notSentReason(row: OutboxRow, reason: string): string {
  const kind = optOutKindOf(row.template);
  if (kind && hasTurnedOff(row.recipient, kind)) return `${row.recipient} turned off “${NOTIFICATION_LABELS[kind].label}”.`;
  return reason;
}

function finishUnsent(row: OutboxRow, none: { reason: string; turnedOff: boolean }): void {
  const reason = notSentReason(row, none.reason);
  const status = none.turnedOff || row.failedChannels.length === 0 ? "skipped" : "dead";
  db.update(outbox)
    .set(status === "skipped" ? { status, skippedReason: reason, lockedUntil: null } : { status, lastError: reason, lockedUntil: null })
    .where(eq(outbox.id, row.id))
    .run();
  logger.info({ outboxId: row.id, template: row.template, status }, "message not sent");
}

async function deliverOne(row: OutboxRow, organisation: Organisation): Promise<void> {
  const routing = routeMessage(row, contactFor(row), organisation);
  if (routing.none) return finishUnsent(row, routing.none);
  const route = routing.routes[0]!;
  if (route.channel !== "email" && DEFERRABLE_KINDS.has(messageKindOf(row.template))) {
    const later = deferUntil(clock.now(), organisation, row.aboutAt);
    if (later !== null) {
      db.update(outbox).set({ nextAttemptAt: later, lockedUntil: null }).where(eq(outbox.id, row.id)).run();
      return;
    }
  }
  const attempts = row.attempts + 1;
  try {
    const sent = await sendOn(route, row, organisation);
    recordSent(row, route, sent, organisation, attempts);
  } catch (error) {
    recordFailure(row, route, error, attempts);
  }
}

// A tick keeps taking batches for this long, so a message to thousands drains at the speed of the
// mail server rather than one batch per tick; every send awaits the network, so pages still run.
const TICK_BUDGET_MS = 2_000;

/** Delivers due messages in batches, each on its channel, for up to a couple of seconds; returns how many were attempted. */
export async function deliverDueMessages(): Promise<number> {
  const started = performance.now();
  let attempted = 0;
  do {
    const rows = claimDueMessages(clock.now());
    if (!rows.length) break;
    const organisation = getOrganisation();
    for (const row of rows) {
      await whenNoRequestWaits();
      await deliverOne(row, organisation);
    }
    attempted += rows.length;
  } while (performance.now() - started < TICK_BUDGET_MS);
  return attempted;
}
