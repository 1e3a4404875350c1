import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "~db/client.server";
import { donations } from "~db/schema";
import { logger } from "~/utils/logger.server";
import { markDonationPaid } from "../fulfilment.server";
import type { PaystackTransaction } from "./paystack-client.server";

type DonationRow = typeof donations.$inferSelect;

export type PaystackOutcome =
  | { kind: "unknown" }
  | { kind: "mismatch"; donationId: string }
  | { kind: "not_paid"; donationId: string; status: string }
  | { kind: "paid"; donationId: string; changed: boolean };

/** The gift a Paystack reference belongs to: only references we made are ever looked up. */
export function donationForReference(tx: Tx, reference: string): DonationRow | null {
  return tx.select().from(donations).where(and(eq(donations.providerReference, reference), eq(donations.provider, "paystack"))).get() ?? null;
}

/** Paystack took exactly what the gift asked for: the amount in the subunit, and the currency. */
export function paysFor(transaction: PaystackTransaction, donation: Pick<DonationRow, "amount" | "currency">): boolean {
  return transaction.amount === donation.amount && transaction.currency.toUpperCase() === donation.currency;
}

/**
 * The one fulfilment step for a Paystack transaction, as verify or `charge.success` reports it.
 * Paid only when Paystack says "success" for exactly the amount and currency we asked; the
 * webhook and the thanks page both call it, and whichever comes second finds the work done.
 */
export function fulfilPaystackTransaction(tx: Tx, transaction: PaystackTransaction, now: number): PaystackOutcome {
  const donation = donationForReference(tx, transaction.reference);
  if (!donation) {
    logger.warn({ reference: transaction.reference }, "paystack transaction for no known gift");
    return { kind: "unknown" };
  }
  if (transaction.status !== "success") return { kind: "not_paid", donationId: donation.id, status: transaction.status };
  if (!paysFor(transaction, donation)) {
    logger.error(
      { donationId: donation.id, reference: transaction.reference, paid: `${transaction.amount} ${transaction.currency}`, asked: `${donation.amount} ${donation.currency}` },
      "paystack payment does not match the gift: not marked paid",
    );
    return { kind: "mismatch", donationId: donation.id };
  }
  const { changed } = markDonationPaid(tx, donation.id, { now });
  return { kind: "paid", donationId: donation.id, changed };
}

/**
 * A gift Paystack never took: abandoned on its page (expired, as a lapsed Stripe Checkout) or
 * declined (failed). Only a gift still waiting moves; a paid one never goes back.
 */
export function closeUnpaidGift(tx: Tx, donationId: string, outcome: "expired" | "failed", now: number): boolean {
  const changed = tx
    .update(donations)
    .set({ status: outcome, failureReason: outcome === "failed" ? "The payment did not go through." : "", updatedAt: now })
    .where(and(eq(donations.id, donationId), inArray(donations.status, ["pending", "processing"])))
    .run();
  return changed.changes > 0;
}
