import { and, eq, isNull } from "drizzle-orm";
import { db } from "~db/client.server";
import { donations } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { logger } from "~/utils/logger.server";
import { stripeId } from "./fulfilment.server";
import { applyRefundedTotal, REFUND_RECHECK_JOB, REFUND_RECHECKS, scheduleRefundRecheck, type RefundRecheck } from "./refunds.server";
import { stripeClient } from "./stripe-client.server";
import { registerJobHandler, type JobPayload } from "~/modules/outbox/index.server";
import { registerPaystackJobs } from "./providers/paystack-payments.server";

/**
 * The invoice a payment paid, from Stripe: a monthly gift's payments are known by their invoice
 * only, since invoice events do not carry the payment. Null when Stripe cannot say.
 */
async function invoicePaidBy(paymentIntentId: string): Promise<string | null> {
  const stripe = stripeClient();
  if (!stripe) return null;
  try {
    const payments = await stripe.invoicePayments.list({ payment: { type: "payment_intent", payment_intent: paymentIntentId }, limit: 1 });
    return stripeId(payments.data[0]?.invoice) ?? null;
  } catch (error) {
    logger.warn({ paymentIntentId, reason: (error as Error).message }, "could not ask Stripe for the invoice of a refunded payment");
    return null;
  }
}

/**
 * A refund whose gift was not found by its payment: a monthly payment (found through its
 * invoice), or a payment whose own event is late. Applied once the gift is paid, else looked at again.
 */
async function refundRecheckJob(payload: JobPayload): Promise<void> {
  const recheck = payload as RefundRecheck;
  const known = db.select({ id: donations.id }).from(donations).where(eq(donations.paymentIntentId, recheck.paymentIntentId)).get();
  const invoiceId = known ? null : await invoicePaidBy(recheck.paymentIntentId);
  const now = clock.now();
  db.transaction(
    (tx) => {
      if (invoiceId) {
        tx.update(donations)
          .set({ paymentIntentId: recheck.paymentIntentId, updatedAt: now })
          .where(and(eq(donations.invoiceId, invoiceId), isNull(donations.paymentIntentId)))
          .run();
      }
      const donation = tx.select({ id: donations.id, status: donations.status }).from(donations).where(eq(donations.paymentIntentId, recheck.paymentIntentId)).get();
      if (donation?.status === "paid" || donation?.status === "refunded") {
        applyRefundedTotal(tx, donation.id, recheck.total, now);
        return;
      }
      if (recheck.attempt + 1 >= REFUND_RECHECKS) {
        logger.warn({ paymentIntentId: recheck.paymentIntentId }, "refund for no known gift: stopped looking");
        return;
      }
      scheduleRefundRecheck(tx, { ...recheck, attempt: recheck.attempt + 1 }, now);
    },
    { behavior: "immediate" },
  );
}

/** The sponsorship area's scheduled work. */
export function registerSponsorshipJobs() {
  registerJobHandler(REFUND_RECHECK_JOB, refundRecheckJob);
  registerPaystackJobs();
}
