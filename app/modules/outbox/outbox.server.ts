import type { Tx } from "~db/client.server";
import { outbox, type Channel } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { randomId } from "~/utils/ids.server";
import { isPlaceholderAddress } from "~/utils/redact.server";
import type { TemplateName, TemplateProps } from "~emails/registry";
import { contactByEmail } from "./contact-book.server";

export type MessageOptions = {
  /** When what the message is about happens (an event's start): quiet hours give way to a sooner one. */
  aboutAt?: number;
  /** Only this channel, to `to` as given (a sign-in code by SMS to a number). */
  onlyChannel?: Channel;
  /** A message to a chosen group: one per person, whatever retries or double clicks do. */
  broadcastId?: string;
  dedupeKey?: string;
};

/**
 * Queues a message to a person, by the email address their account (or their gift, booking…)
 * holds. Call it with the transaction that makes the change the message reports, so the message
 * exists exactly when the change does. The worker picks the channel the person prefers (email,
 * SMS or WhatsApp, ADR 0031), renders it for that channel and delivers it.
 */
export function enqueueMessage<T extends TemplateName>(tx: Tx, to: string, template: T, props: TemplateProps<T>, options: MessageOptions = {}): string {
  const id = randomId(16);
  const now = clock.now();
  const contact = options.onlyChannel && options.onlyChannel !== "email" ? undefined : contactByEmail(to, tx);
  // An erased account keeps a placeholder address (a cohort still emails its members, say): never
  // sent. An account made with a phone number has one too, but it is in the contact book.
  const erased = isPlaceholderAddress(to) && !contact;
  tx.insert(outbox)
    .values({
      id,
      recipient: to,
      template,
      props: props as Record<string, unknown>,
      userId: contact?.userId ?? null,
      onlyChannel: options.onlyChannel ?? null,
      channel: options.onlyChannel ?? "email",
      aboutAt: options.aboutAt ?? null,
      broadcastId: options.broadcastId ?? null,
      dedupeKey: options.dedupeKey ?? null,
      nextAttemptAt: now,
      createdAt: now,
      ...(erased ? { status: "skipped" as const, skippedReason: "The account was erased." } : {}),
    })
    // A key already queued (a second click, a retried job) keeps the first message only.
    .onConflictDoNothing()
    .run();
  return id;
}
