import type { Tx } from "~db/client.server";
import { and, eq, inArray, sql } from "drizzle-orm";
import type Stripe from "stripe";
import { donations, recurringGifts } from "~db/schema";
import { randomId } from "~/utils/ids.server";
import { logger } from "~/utils/logger.server";
import { formatMoney } from "~/utils/money";
import { markDonationPaid, recordRecurringGift, stripeId } from "./fulfilment.server";
import { campaignTitleFor } from "./receipts.server";
import { firstTime, enqueueMessage } from "~/modules/outbox/index.server";

type DonationRow = typeof donations.$inferSelect;

function subscriptionOf(invoice: Stripe.Invoice): { subscriptionId: string | null; donationId: string | null } {
  const details = invoice.parent?.subscription_details;
  return { subscriptionId: stripeId(details?.subscription), donationId: details?.metadata?.donation_id ?? null };
}

function paymentIntentOf(invoice: Stripe.Invoice): string | null {
  const payment = invoice.payments?.data?.find((entry) => entry.payment?.type === "payment_intent");
  return stripeId(payment?.payment?.payment_intent);
}

/** The first gift of a monthly series: from the recorded subscription, else from the subscription's metadata. */
function firstDonation(tx: Tx, subscriptionId: string | null, donationId: string | null): DonationRow | null {
  const recorded = subscriptionId
    ? tx.select({ id: recurringGifts.firstDonationId }).from(recurringGifts).where(eq(recurringGifts.subscriptionId, subscriptionId)).get()
    : undefined;
  const id = recorded?.id ?? donationId;
  return id ? (tx.select().from(donations).where(eq(donations.id, id)).get() ?? null) : null;
}

/**
 * A paid invoice of a monthly gift. The first invoice pays for the gift made on the donate page
 * (it may arrive before or after `checkout.session.completed`); every later invoice is a gift of
 * its own with its own receipt, keyed by the invoice id so a replay adds nothing.
 */
export function applyInvoicePaid(tx: Tx, invoice: Stripe.Invoice, now: number): void {
  if (!invoice.id) return;
  const known = tx.select({ id: donations.id }).from(donations).where(eq(donations.invoiceId, invoice.id)).get();
  const { subscriptionId, donationId } = subscriptionOf(invoice);
  const customerId = stripeId(invoice.customer);
  const paymentIntentId = paymentIntentOf(invoice);
  if (known) {
    markDonationPaid(tx, known.id, { now, paymentIntentId });
    return;
  }
  const first = firstDonation(tx, subscriptionId, donationId);
  if (!first || !subscriptionId) {
    logger.warn({ invoiceId: invoice.id, subscriptionId }, "paid invoice for no known monthly gift");
    return;
  }
  if (customerId) recordRecurringGift(tx, { subscriptionId, customerId, firstDonationId: first.id, now });
  // A payment went through (often the retry of the one that failed): the gift is running again.
  tx.update(recurringGifts).set({ status: "active" }).where(and(eq(recurringGifts.subscriptionId, subscriptionId), eq(recurringGifts.status, "past_due"))).run();
  const isFirstPayment = invoice.billing_reason === "subscription_create" || (!first.invoiceId && first.status !== "paid" && first.status !== "refunded");
  if (isFirstPayment && !first.invoiceId) {
    markDonationPaid(tx, first.id, { now, paymentIntentId, customerId, subscriptionId, invoiceId: invoice.id });
    return;
  }
  const id = randomId(16);
  tx.insert(donations)
    .values({
      id,
      campaignId: first.campaignId,
      tierId: first.tierId,
      amount: invoice.amount_paid > 0 ? invoice.amount_paid : first.amount,
      // The donor chose to cover the fee each month; a changed amount (a portal edit) says nothing of the split.
      coveredFee: invoice.amount_paid <= 0 || invoice.amount_paid === first.amount ? first.coveredFee : 0,
      currency: (invoice.currency || first.currency).toUpperCase(),
      interval: "monthly",
      method: "card",
      status: "pending",
      donorName: first.donorName,
      donorEmail: first.donorEmail,
      userId: first.userId,
      recognition: first.recognition,
      message: "",
      paymentIntentId,
      subscriptionId,
      invoiceId: invoice.id,
      customerId: customerId ?? first.customerId,
      parentDonationId: first.id,
      createdAt: now,
      updatedAt: now,
    })
    .run();
  markDonationPaid(tx, id, { now });
}

/** A renewal the card declined: the donor hears once per invoice, with Stripe's page to pay it. */
export function applyInvoicePaymentFailed(tx: Tx, invoice: Stripe.Invoice): void {
  const { subscriptionId, donationId } = subscriptionOf(invoice);
  const first = firstDonation(tx, subscriptionId, donationId);
  if (!first || !subscriptionId) return;
  // A failed attempt reported after the invoice was paid (a retry went through first): nothing to do.
  if (invoice.id && tx.select({ id: donations.id }).from(donations).where(eq(donations.invoiceId, invoice.id)).get()) return;
  tx.update(recurringGifts).set({ status: "past_due" }).where(and(eq(recurringGifts.subscriptionId, subscriptionId), eq(recurringGifts.status, "active"))).run();
  if (!invoice.id || !invoice.hosted_invoice_url || !firstTime(tx, `invoice-failed:${invoice.id}`)) return;
  enqueueMessage(tx, first.donorEmail, "monthly-gift-payment-failed", {
    name: first.donorName,
    amount: formatMoney(invoice.amount_due || first.amount, (invoice.currency || first.currency).toUpperCase()),
    campaignTitle: campaignTitleFor(tx, first.campaignId),
    url: invoice.hosted_invoice_url,
  });
}

/** The subscription ended (the donor cancelled in the portal, or payments kept failing). */
export function applySubscriptionDeleted(tx: Tx, subscription: Stripe.Subscription, now: number): void {
  const first = firstDonation(tx, subscription.id, subscription.metadata?.donation_id ?? null);
  if (!first) return;
  const customerId = stripeId(subscription.customer);
  if (customerId) recordRecurringGift(tx, { subscriptionId: subscription.id, customerId, firstDonationId: first.id, now });
  const changed = tx
    .update(recurringGifts)
    .set({ status: "cancelled", cancelledAt: now })
    .where(and(eq(recurringGifts.subscriptionId, subscription.id), inArray(recurringGifts.status, ["active", "past_due"])))
    .run();
  if (changed.changes === 0) return;
  emailMonthlyGiftCancelled(tx, subscription.id, first);
}

/** Tells the donor their monthly gift has stopped, and how many months it paid (every provider). */
export function emailMonthlyGiftCancelled(tx: Tx, subscriptionId: string, first: DonationRow): void {
  const paid = tx
    .select({ count: sql<number>`count(*)` })
    .from(donations)
    .where(and(eq(donations.subscriptionId, subscriptionId), inArray(donations.status, ["paid", "refunded"])))
    .get();
  enqueueMessage(tx, first.donorEmail, "monthly-gift-cancelled", {
    name: first.donorName,
    amount: formatMoney(first.amount, first.currency),
    campaignTitle: campaignTitleFor(tx, first.campaignId),
    paymentsMade: paid?.count ?? 0,
  });
}
