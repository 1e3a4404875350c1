import { eq } from "drizzle-orm";
import type { Tx } from "~db/client.server";
import { outbox } from "~db/schema";

type OutboxRow = typeof outbox.$inferSelect;

/**
 * The channel a message went out on failed for good: it goes back in the queue to be tried at
 * once on the next channel the person allows (ADR 0031). The failed channel is kept with why,
 * so it is never tried again and organisers see what happened.
 */
export function fallBackFrom(tx: Tx, row: OutboxRow, reason: string, now: number): void {
  tx.update(outbox)
    .set({
      status: "pending",
      failedChannels: [...row.failedChannels, { channel: row.channel, reason: reason.slice(0, 300), at: now }],
      attempts: 0,
      nextAttemptAt: now,
      lockedUntil: null,
      lastError: reason.slice(0, 1000),
      provider: null,
      providerMessageId: null,
      deliveryStatus: null,
      deliveryStatusAt: null,
      sentAt: null,
    })
    .where(eq(outbox.id, row.id))
    .run();
}
