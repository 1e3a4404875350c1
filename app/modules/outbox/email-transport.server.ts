import nodemailer from "nodemailer";
import { env } from "~/utils/env.server";
import { preferencesTokenFor } from "./preferences.server";
import type { NotificationKind, RenderedEmail } from "~emails/registry";

let transport: ReturnType<typeof nodemailer.createTransport> | null = null;

function smtpTransport(url: string) {
  // One connection carries many messages (a message to a group is thousands): opening one per
  // message costs about a hundred milliseconds each. The pool reconnects after 100 messages.
  transport ??= nodemailer.createTransport({
    url,
    pool: true,
    maxConnections: 1,
    maxMessages: 100,
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

/** The same outbox row always carries the same Message-ID, so a retried message is recognisable. */
export function messageIdFor(outboxId: string): string {
  return `<outbox-${outboxId}@${new URL(env.APP_URL).hostname}>`;
}

/** Where a message a person may turn off says how (RFC 8058's one-click address). */
export function unsubscribeUrlFor(recipient: string, kind: NotificationKind): string {
  const url = new URL("/email/unsubscribe", env.APP_URL);
  url.searchParams.set("t", preferencesTokenFor(recipient));
  url.searchParams.set("k", kind);
  return url.toString();
}

/** Sends over SMTP when `SMTP_URL` is set; otherwise the local mailbox (the stored row) is the delivery. */
export async function sendEmail(outboxId: string, to: string, message: RenderedEmail, unsubscribeUrl: string | null): Promise<{ deliveredLocally: boolean }> {
  if (!env.SMTP_URL) return { deliveredLocally: true };
  // Every message is machine-sent (RFC 3834), so auto-replies stay quiet; the ones a person may
  // turn off carry one-click unsubscribe, as Gmail and Yahoo require of bulk senders.
  const headers: Record<string, string> = { "X-Steppingstone-Outbox-Id": outboxId, "Auto-Submitted": "auto-generated" };
  if (unsubscribeUrl) {
    headers["List-Unsubscribe"] = `<${unsubscribeUrl}>`;
    headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
  }
  await smtpTransport(env.SMTP_URL).sendMail({
    from: env.MAIL_FROM,
    to,
    subject: message.subject,
    html: message.html,
    text: message.text,
    // A text/calendar part with its method, which mail apps treat as an invitation, plus the same file attached.
    icalEvent: message.calendar ?? undefined,
    messageId: messageIdFor(outboxId),
    headers,
  });
  return { deliveredLocally: false };
}
