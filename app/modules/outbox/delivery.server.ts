import { and, asc, eq, inArray, isNull, lte, or } from "drizzle-orm";
import nodemailer from "nodemailer";
import { db } from "~db/client.server";
import { outbox } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { env } from "~/utils/env.server";
import { logger } from "~/utils/logger.server";
import { carriesSecretLink, NOTIFICATION_LABELS, optOutKindOf, renderEmail, type NotificationKind, type RenderedEmail, type TemplateName, type TemplateProps } from "~emails/registry";
import { hasTurnedOff, preferencesTokenFor } from "./preferences.server";
import { errorMessage, LOCK_DURATION, MAX_ATTEMPTS, retryDelay } from "./retry.server";
import { getOrganisation } from "~/modules/organisation/index.server";

type OutboxRow = typeof outbox.$inferSelect;

const BATCH_SIZE = 20;

/** The same outbox row always carries the same Message-ID, so a retried message is recognisable. */
export function messageIdFor(outboxId: string): string {
  return `<outbox-${outboxId}@${new URL(env.APP_URL).hostname}>`;
}

let transport: ReturnType<typeof nodemailer.createTransport> | null = null;

function smtpTransport(url: string) {
  transport ??= nodemailer.createTransport({
    url,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  return transport;
}

export function closeMailTransport() {
  transport?.close();
  transport = null;
}

/** Where a message a person may turn off says how (RFC 8058's one-click address). */
function unsubscribeUrlFor(recipient: string, kind: NotificationKind): string {
  const url = new URL("/email/unsubscribe", env.APP_URL);
  url.searchParams.set("t", preferencesTokenFor(recipient));
  url.searchParams.set("k", kind);
  return url.toString();
}

/** Sends over SMTP when `SMTP_URL` is set; otherwise the local mailbox (the stored row) is the delivery. */
async function send(row: OutboxRow, message: RenderedEmail, unsubscribeUrl: string | null): Promise<{ deliveredLocally: boolean }> {
  if (!env.SMTP_URL) return { deliveredLocally: true };
  // Every message is machine-sent (RFC 3834), so auto-replies stay quiet; the ones a person may
  // turn off carry one-click unsubscribe, as Gmail and Yahoo require of bulk senders.
  const headers: Record<string, string> = { "X-Steppingstone-Outbox-Id": row.id, "Auto-Submitted": "auto-generated" };
  if (unsubscribeUrl) {
    headers["List-Unsubscribe"] = `<${unsubscribeUrl}>`;
    headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
  }
  await smtpTransport(env.SMTP_URL).sendMail({
    from: env.MAIL_FROM,
    to: row.recipient,
    subject: message.subject,
    html: message.html,
    text: message.text,
    // A text/calendar part with its method, which mail apps treat as an invitation, plus the same file attached.
    icalEvent: message.calendar ?? undefined,
    messageId: messageIdFor(row.id),
    headers,
  });
  return { deliveredLocally: false };
}

function bodiesOf({ subject, html, text }: RenderedEmail) {
  return { subject, html, text };
}

/**
 * Once a one-time link has gone out by email, the outbox keeps no usable copy of it: not in the
 * rendered bodies, not in the props a backup would carry.
 */
function keptAfterSending(row: OutboxRow, rendered: RenderedEmail) {
  if (!carriesSecretLink(row.template)) return bodiesOf(rendered);
  const props = Object.fromEntries(Object.entries(row.props).map(([key, value]) => [key, key === "url" ? "[sent]" : value]));
  return { subject: rendered.subject, html: null, text: null, props };
}

function claimDueEmails(now: number): OutboxRow[] {
  const due = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(
      and(
        eq(outbox.status, "pending"),
        lte(outbox.nextAttemptAt, now),
        or(isNull(outbox.lockedUntil), lte(outbox.lockedUntil, now)),
      ),
    )
    .orderBy(asc(outbox.nextAttemptAt))
    .limit(BATCH_SIZE);
  // One statement: selecting and locking cannot interleave with another claimer.
  return db
    .update(outbox)
    .set({ lockedUntil: now + LOCK_DURATION })
    .where(inArray(outbox.id, due))
    .returning()
    .all();
}

/** A message the recipient turned off is kept, marked skipped, with the reason; it never goes out. */
function skipIfTurnedOff(row: OutboxRow, kind: NotificationKind | null): boolean {
  if (!kind || !hasTurnedOff(row.recipient, kind)) return false;
  db.update(outbox)
    .set({ status: "skipped", skippedReason: `${row.recipient} turned off “${NOTIFICATION_LABELS[kind].label}”.`, lockedUntil: null })
    .where(eq(outbox.id, row.id))
    .run();
  logger.info({ outboxId: row.id, template: row.template }, "email not sent: its kind is turned off");
  return true;
}

async function deliverOne(row: OutboxRow, organisation: { name: string; contactEmail: string }) {
  const attempts = row.attempts + 1;
  const kind = optOutKindOf(row.template);
  if (skipIfTurnedOff(row, kind)) return;
  let rendered: RenderedEmail | null = null;
  try {
    const unsubscribeUrl = kind ? unsubscribeUrlFor(row.recipient, kind) : null;
    rendered = await renderEmail(row.template as TemplateName, row.props as TemplateProps<TemplateName>, organisation, { unsubscribeUrl: unsubscribeUrl ?? undefined });
    const { deliveredLocally } = await send(row, rendered, unsubscribeUrl);
    // Attachments are made again from the props whenever needed; the row keeps the bodies only.
    const kept = deliveredLocally ? bodiesOf(rendered) : keptAfterSending(row, rendered);
    db.update(outbox)
      .set({ ...kept, status: "sent", attempts, deliveredLocally, sentAt: clock.now(), lockedUntil: null })
      .where(eq(outbox.id, row.id))
      .run();
  } catch (error) {
    const lastError = errorMessage(error);
    const dead = attempts >= MAX_ATTEMPTS;
    db.update(outbox)
      .set({
        ...(rendered ? bodiesOf(rendered) : {}),
        status: dead ? "dead" : "pending",
        attempts,
        lastError,
        lockedUntil: null,
        nextAttemptAt: dead ? row.nextAttemptAt : clock.now() + retryDelay(attempts),
      })
      .where(eq(outbox.id, row.id))
      .run();
    const fields = { outboxId: row.id, template: row.template, attempts, error: lastError };
    if (dead) logger.error(fields, "email marked dead after its last attempt");
    else logger.warn(fields, "email delivery failed; will retry");
  }
}

/** Delivers one batch of due messages; returns how many were attempted. */
export async function deliverDueEmails(): Promise<number> {
  const rows = claimDueEmails(clock.now());
  if (!rows.length) return 0;
  const { name, contactEmail } = getOrganisation();
  for (const row of rows) await deliverOne(row, { name, contactEmail });
  return rows.length;
}
