import { eq } from "drizzle-orm";
import Stripe from "stripe";
import { db, type Tx } from "~db/client.server";
import { donations } from "~db/schema";
import { clock, HOUR, MINUTE } from "~/utils/clock.server";
import { logger } from "~/utils/logger.server";
import { formatMoney } from "~/utils/money";
import { stripeId } from "./fulfilment.server";
import { amountReceived } from "./receipt-facts.server";
import { campaignTitleFor } from "./receipts.server";
import { stripeClient } from "./stripe-client.server";
import { scheduleJob, enqueueMessage } from "~/modules/outbox/index.server";
import { recordAudit } from "~/modules/organisation/index.server";
import { refuse } from "~/utils/refusal";
import type { RefundOutcome, RefundRequest } from "./providers/types";

/**
 * Brings a gift up to the refunded total Stripe reports for its charge. Totals only grow, so
 * applying the same total twice, or an older one after a newer one, changes nothing: the
 * webhook and the refund response can both report the same refund in any order.
 */
export function applyRefundedTotal(tx: Tx, donationId: string, total: number, now: number, reason = ""): boolean {
  const donation = tx.select().from(donations).where(eq(donations.id, donationId)).get();
  if (!donation || (donation.status !== "paid" && donation.status !== "refunded")) return false;
  // A transfer that brought less or more than pledged is refunded up to what arrived.
  const paid = amountReceived(donation);
  const refunded = Math.min(total, paid);
  if (refunded <= donation.refundedAmount) return false;
  const full = refunded >= paid;
  tx.update(donations)
    .set({
      refundedAmount: refunded,
      refundedAt: now,
      status: full ? "refunded" : donation.status,
      refundReason: reason || donation.refundReason,
      updatedAt: now,
    })
    .where(eq(donations.id, donationId))
    .run();
  enqueueMessage(tx, donation.donorEmail, "donation-refunded", {
    name: donation.donorName,
    receiptNumber: donation.receiptNumber ?? donation.id,
    amount: formatMoney(refunded - donation.refundedAmount, donation.currency),
    originalAmount: formatMoney(paid, donation.currency),
    campaignTitle: campaignTitleFor(tx, donation.campaignId),
    full,
  });
  return true;
}

export const REFUND_RECHECK_JOB = "sponsorship.refund-recheck";
/** Checks spread over about four days, as long as Stripe keeps retrying a failed delivery. */
export const REFUND_RECHECKS = 24;

export type RefundRecheck = { paymentIntentId: string; total: number; attempt: number };

/** Looks again later for the gift a refund belongs to, with the refunded total Stripe reported. */
export function scheduleRefundRecheck(tx: Tx, recheck: RefundRecheck, now: number): void {
  scheduleJob(tx, {
    kind: REFUND_RECHECK_JOB,
    runAt: now + Math.min(2 ** recheck.attempt * MINUTE, 6 * HOUR),
    payload: recheck,
    uniqueKey: `refund-recheck:${recheck.paymentIntentId}:${recheck.total}:${recheck.attempt}`,
  });
}

/**
 * `charge.refunded`: the charge carries the running total refunded. It can arrive before the
 * gift is known to be paid (the payment's own event is late or being retried): the refund is
 * then looked at again later instead of being dropped.
 */
export function applyChargeRefunded(tx: Tx, charge: Stripe.Charge, now: number): void {
  const paymentIntentId = stripeId(charge.payment_intent);
  const donation = paymentIntentId
    ? tx.select({ id: donations.id, status: donations.status }).from(donations).where(eq(donations.paymentIntentId, paymentIntentId)).get()
    : undefined;
  if (donation?.status === "paid" || donation?.status === "refunded") {
    applyRefundedTotal(tx, donation.id, charge.amount_refunded, now);
    return;
  }
  logger.warn({ chargeId: charge.id, paymentIntentId }, "refund for no paid gift yet: will look again");
  if (paymentIntentId) scheduleRefundRecheck(tx, { paymentIntentId, total: charge.amount_refunded, attempt: 0 }, now);
}

async function paymentIntentFor(stripe: Stripe, donation: typeof donations.$inferSelect): Promise<string | null> {
  if (donation.paymentIntentId) return donation.paymentIntentId;
  if (!donation.invoiceId) return null;
  // A renewal's payment is listed on its invoice.
  const payments = await stripe.invoicePayments.list({ invoice: donation.invoiceId, limit: 3 });
  const found = payments.data.map((entry) => stripeId(entry.payment?.payment_intent)).find(Boolean) ?? null;
  if (found) db.update(donations).set({ paymentIntentId: found }).where(eq(donations.id, donation.id)).run();
  return found;
}

/** Refunds all or part of a card gift through Stripe, for an organiser, with their reason: applied at once. */
export async function refundStripeGift(input: RefundRequest): Promise<RefundOutcome> {
  const stripe = stripeClient();
  if (!stripe) return refuse("Card payments are not set up, so nothing can be refunded through Stripe.");
  const donation = db.select().from(donations).where(eq(donations.id, input.donationId)).get();
  if (!donation) return refuse("We could not find that gift.");
  if (donation.method !== "card") return refuse("Only card gifts can be refunded through Stripe.");
  if (donation.status !== "paid") return refuse("Only a paid gift can be refunded.");
  const remaining = donation.amount - donation.refundedAmount;
  const amount = input.amount ?? remaining;
  if (!Number.isInteger(amount) || amount <= 0 || amount > remaining) {
    return refuse(`The refund must be more than nothing and at most ${formatMoney(remaining, donation.currency)}.`);
  }
  const reason = input.reason.trim();
  if (!reason) return refuse("Give a reason for the refund.");
  try {
    const paymentIntent = await paymentIntentFor(stripe, donation);
    if (!paymentIntent) return refuse("Stripe has no payment for this gift yet.");
    const refund = await stripe.refunds.create(
      { payment_intent: paymentIntent, amount, reason: "requested_by_customer", metadata: { donation_id: donation.id } },
      { idempotencyKey: `refund:${donation.id}:${donation.refundedAmount}:${amount}` },
    );
    const chargeId = stripeId(refund.charge);
    const total = chargeId ? (await stripe.charges.retrieve(chargeId)).amount_refunded : donation.refundedAmount + refund.amount;
    const now = clock.now();
    db.transaction(
      (tx) => {
        applyRefundedTotal(tx, donation.id, total, now, reason);
        tx.update(donations).set({ refundReason: reason }).where(eq(donations.id, donation.id)).run();
        recordAudit(tx, {
          actorId: input.actorId,
          action: "donation.refunded",
          targetType: "donation",
          targetId: donation.id,
          details: { amount, currency: donation.currency, reason, refundId: refund.id },
        });
      },
      { behavior: "immediate" },
    );
    return { ok: true, provider: "Stripe", amount, settled: true, byHand: false };
  } catch (error) {
    if (error instanceof Stripe.errors.StripeError) {
      logger.warn({ donationId: donation.id, code: error.code, type: error.type }, "refund refused by Stripe");
      return refuse(`Stripe refused the refund: ${error.message}`);
    }
    throw error;
  }
}
