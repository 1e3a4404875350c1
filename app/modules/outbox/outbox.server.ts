import type { Tx } from "~db/client.server";
import { outbox } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { randomId } from "~/utils/ids.server";
import { isPlaceholderAddress } from "~/utils/redact.server";
import type { TemplateName, TemplateProps } from "~emails/registry";


/**
 * Queues an email. Call it with the transaction that makes the change the email reports,
 * so the message exists exactly when the change does. The worker renders and delivers it.
 */
export function enqueueEmail<T extends TemplateName>(tx: Tx, to: string, template: T, props: TemplateProps<T>): string {
  const id = randomId(16);
  const now = clock.now();
  // An erased account keeps a placeholder address (a cohort still emails its members, say): never sent.
  const erased = isPlaceholderAddress(to);
  tx.insert(outbox)
    .values({
      id,
      recipient: to,
      template,
      props: props as Record<string, unknown>,
      nextAttemptAt: now,
      createdAt: now,
      ...(erased ? { status: "skipped" as const, skippedReason: "The account was erased." } : {}),
    })
    .run();
  return id;
}
