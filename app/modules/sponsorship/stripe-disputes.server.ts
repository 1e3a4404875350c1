import { eq } from "drizzle-orm";
import type Stripe from "stripe";
import type { Tx } from "~db/client.server";
import { donations } from "~db/schema";
import { logger } from "~/utils/logger.server";
import { recordDispute, type DisputeStatus } from "./disputes.server";
import { stripeId } from "./fulfilment.server";

// Stripe's `warning_*` statuses are an inquiry or early fraud warning before a chargeback proper:
// organisers treat them the same way, and `warning_closed` ends one without a decision.
const STATUS_OF: Record<string, DisputeStatus> = {
  warning_needs_response: "awaiting_response",
  needs_response: "awaiting_response",
  appeal_needs_response: "awaiting_response",
  warning_under_review: "open",
  under_review: "open",
  appeal_under_review: "open",
  won: "won",
  prevented: "won",
  lost: "lost",
  warning_closed: "closed",
};

/** Stripe's reasons in words organisers read; the rest are its own words, capitalised. */
const REASON_WORDS: Record<string, string> = {
  unrecognized: "Not recognised",
  subscription_canceled: "Subscription cancelled",
  noncompliant: "Breaks card network rules",
};

function disputeReason(reason: string | null | undefined): string {
  if (!reason) return "";
  const words = REASON_WORDS[reason] ?? reason.replace(/_/g, " ");
  return (words.charAt(0).toUpperCase() + words.slice(1)).slice(0, 200);
}

/**
 * `charge.dispute.*`: every event carries the whole dispute, so each brings its row up to date.
 * The gift is found by its payment intent; a renewal whose payment intent is not recorded yet
 * is not found (the charge alone names no gift of ours) and is logged.
 */
export function applyStripeDispute(tx: Tx, dispute: Stripe.Dispute, now: number): ReturnType<typeof recordDispute> | "unknown payment" {
  const paymentIntentId = stripeId(dispute.payment_intent);
  const donation = paymentIntentId
    ? tx.select({ id: donations.id }).from(donations).where(eq(donations.paymentIntentId, paymentIntentId)).get()
    : undefined;
  if (!donation) {
    logger.warn({ disputeId: dispute.id, chargeId: stripeId(dispute.charge), paymentIntentId }, "stripe dispute for no known gift");
    return "unknown payment";
  }
  const status = STATUS_OF[dispute.status];
  if (!status) logger.warn({ disputeId: dispute.id, status: dispute.status }, "stripe dispute status not known: shown as open");
  // Stripe sends 0 (or null) when the bank takes no evidence.
  const dueBy = dispute.evidence_details?.due_by;
  return recordDispute(
    tx,
    {
      provider: "stripe",
      providerDisputeId: dispute.id,
      donationId: donation.id,
      status: status ?? "open",
      reason: disputeReason(dispute.reason),
      amount: dispute.amount,
      currency: dispute.currency.toUpperCase(),
      respondBy: dueBy ? dueBy * 1000 : null,
      openedAt: dispute.created * 1000,
      resolvedAt: null,
    },
    now,
  );
}
