import { carriesSecretLink, isTemplateName, renderEmail, type TemplateName, type TemplateProps } from "~emails/registry";
import { env } from "~/utils/env.server";
import { getOrganisation } from "~/modules/organisation/index.server";
import { MAX_ATTEMPTS } from "./retry.server";
import type { OutboxMessage } from "./outbox-admin.server";

export type MessageState = {
  /** The subject, worked out from the template while the message waits (it is written when sent). */
  subject: string;
  /** What is true of the message now, in one sentence. */
  explanation: string;
  /** Whether organisers may read its content: never a one-time link that went, or will go, out by email. */
  showContent: boolean;
};

async function subjectOf(message: OutboxMessage): Promise<string> {
  if (message.subject) return message.subject;
  if (!isTemplateName(message.template)) return "A message of an unknown kind";
  try {
    const { name, contactEmail } = getOrganisation();
    return (await renderEmail(message.template as TemplateName, message.props as TemplateProps<TemplateName>, { name, contactEmail })).subject;
  } catch {
    return "A message whose details no longer fit its kind";
  }
}

/** What the organisers' message page says about each state of an outbox message. */
export async function describeOutboxMessage(message: OutboxMessage, options: { formatTime: (instant: number) => string }): Promise<MessageState> {
  const subject = await subjectOf(message);
  const secret = carriesSecretLink(message.template);
  switch (message.status) {
    case "pending": {
      const tries = message.attempts ? ` It failed ${message.attempts} of ${MAX_ATTEMPTS} tries so far; the last error is below.` : "";
      const privacy = secret && env.SMTP_URL ? " It carries a one-time link for its recipient, so its content is not shown, before or after sending." : "";
      return { subject, explanation: `Waiting to be sent: the next try is at ${options.formatTime(message.nextAttemptAt)}.${tries}${privacy}`, showContent: !(secret && env.SMTP_URL) && message.html !== null };
    }
    case "sent":
      if (message.deliveredLocally) {
        return { subject, explanation: "In the local mailbox: no mail server is set up, so this page is where it was delivered.", showContent: true };
      }
      if (secret) return { subject, explanation: "Sent by email. This message carries a one-time link for its recipient, so its content is not shown once it has gone out by email.", showContent: false };
      return { subject, explanation: "Sent by email.", showContent: true };
    case "dead":
      return { subject, explanation: `Not delivered after ${message.attempts} tries. The last error is below; you can try again.`, showContent: !secret && message.html !== null };
    case "skipped":
      return { subject, explanation: `Not sent: ${message.skippedReason ?? "its recipient turned this kind of email off."}`, showContent: false };
  }
}
