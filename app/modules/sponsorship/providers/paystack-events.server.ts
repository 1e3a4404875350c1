import type { Tx } from "~db/client.server";
import { providerEvents } from "~db/schema";

/**
 * Records a Paystack event's key in the caller's transaction: true the first time, false for a
 * replay. Only a first delivery changes anything, since the key is stored with the effect.
 */
export function firstDelivery(tx: Tx, eventKey: string, type: string, now: number): boolean {
  return Boolean(tx.insert(providerEvents).values({ provider: "paystack", eventKey, type, receivedAt: now }).onConflictDoNothing().returning({ key: providerEvents.eventKey }).get());
}
