import type { Tx } from "~db/client.server";
import { eq } from "drizzle-orm";
import type Stripe from "stripe";
import { donations, recurringGifts } from "~db/schema";
import { logger } from "~/utils/logger.server";
import { issueReceipt } from "./receipts.server";

type DonationRow = typeof donations.$inferSelect;

const SETTLED = new Set<DonationRow["status"]>(["paid", "refunded"]);

export function stripeId(value: string | { id: string } | null | undefined): string | null {
  if (!value) return null;
  return typeof value === "string" ? value : value.id;
}

/**
 * Marks a gift paid exactly once: the first call sets it paid, numbers the receipt and queues
 * the receipt email; later calls (a replayed webhook, the thanks page, a second click on
 * "mark received") change nothing and say so.
 */
export function markDonationPaid(
  tx: Tx,
  donationId: string,
  // `paidAt`: when the money arrived, where that is not now (a transfer found on a bank statement).
  options: { now: number; paidAt?: number; paymentIntentId?: string | null; confirmedBy?: string | null; customerId?: string | null; subscriptionId?: string | null; invoiceId?: string | null },
): { changed: boolean } {
  const donation = tx.select().from(donations).where(eq(donations.id, donationId)).get();
  // Callers pass the id of a gift they just read: a missing one is a bug, not a person's mistake.
  if (!donation) throw new Error(`No donation ${donationId} to mark paid`);
  const extra = {
    ...(options.paymentIntentId && !donation.paymentIntentId ? { paymentIntentId: options.paymentIntentId } : {}),
    ...(options.customerId && !donation.customerId ? { customerId: options.customerId } : {}),
    ...(options.subscriptionId && !donation.subscriptionId ? { subscriptionId: options.subscriptionId } : {}),
    ...(options.invoiceId && !donation.invoiceId ? { invoiceId: options.invoiceId } : {}),
  };
  if (SETTLED.has(donation.status)) {
    // Details that arrive late (the invoice of a first monthly payment, say) are still kept.
    if (Object.keys(extra).length) tx.update(donations).set({ ...extra, updatedAt: options.now }).where(eq(donations.id, donationId)).run();
    return { changed: false };
  }
  tx.update(donations)
    .set({ ...extra, status: "paid", paidAt: options.paidAt ?? options.now, failureReason: "", confirmedBy: options.confirmedBy ?? null, updatedAt: options.now })
    .where(eq(donations.id, donationId))
    .run();
  issueReceipt(tx, { ...donation, ...extra, status: "paid" }, options.paidAt ?? options.now);
  return { changed: true };
}

/** The gift a Checkout Session pays for: by the stored session id, else by the id in its metadata. */
export function donationForSession(tx: Tx, session: Pick<Stripe.Checkout.Session, "id" | "metadata" | "client_reference_id">): DonationRow | null {
  const bySession = tx.select().from(donations).where(eq(donations.checkoutSessionId, session.id)).get();
  if (bySession) return bySession;
  const id = session.metadata?.donation_id ?? session.client_reference_id;
  if (!id) return null;
  const byId = tx.select().from(donations).where(eq(donations.id, id)).get();
  if (!byId || byId.method !== "card") return null;
  if (byId.checkoutSessionId && byId.checkoutSessionId !== session.id) {
    logger.warn({ donationId: byId.id, sessionId: session.id }, "checkout session differs from the stored one");
  }
  if (!byId.checkoutSessionId) tx.update(donations).set({ checkoutSessionId: session.id }).where(eq(donations.id, byId.id)).run();
  return byId;
}

/** Records a monthly gift's subscription once, whichever event reports it first. */
export function recordRecurringGift(tx: Tx, input: { subscriptionId: string; customerId: string; firstDonationId: string; now: number }) {
  tx.insert(recurringGifts)
    .values({ subscriptionId: input.subscriptionId, customerId: input.customerId, firstDonationId: input.firstDonationId, createdAt: input.now })
    .onConflictDoNothing()
    .run();
}

export type FulfilmentOutcome = { donationId: string; status: DonationRow["status"]; changed: boolean } | null;

/**
 * The one fulfilment step for a Checkout Session, keyed by its id. The webhook and the thanks
 * page both call it with the session as Stripe reports it; whichever comes second finds the
 * work done. Never moves a paid gift backwards.
 */
export function fulfilCheckoutSession(tx: Tx, session: Stripe.Checkout.Session, now: number): FulfilmentOutcome {
  const donation = donationForSession(tx, session);
  if (!donation) {
    logger.warn({ sessionId: session.id }, "checkout session for no known gift");
    return null;
  }
  const subscriptionId = stripeId(session.subscription);
  const customerId = stripeId(session.customer);
  if (session.payment_status === "paid" || session.payment_status === "no_payment_required") {
    const { changed } = markDonationPaid(tx, donation.id, {
      now,
      paymentIntentId: stripeId(session.payment_intent),
      customerId,
      subscriptionId,
      invoiceId: stripeId(session.invoice),
    });
    if (subscriptionId && customerId) recordRecurringGift(tx, { subscriptionId, customerId, firstDonationId: donation.id, now });
    return { donationId: donation.id, status: changed ? "paid" : donation.status, changed };
  }
  if (session.status === "complete" && donation.status === "pending") {
    // Completed but not yet paid: a delayed method such as a bank debit settles later.
    tx.update(donations)
      .set({ status: "processing", paymentIntentId: stripeId(session.payment_intent) ?? donation.paymentIntentId, updatedAt: now })
      .where(eq(donations.id, donation.id))
      .run();
    return { donationId: donation.id, status: "processing", changed: true };
  }
  if (session.status === "expired" && donation.status === "pending") {
    tx.update(donations).set({ status: "expired", updatedAt: now }).where(eq(donations.id, donation.id)).run();
    return { donationId: donation.id, status: "expired", changed: true };
  }
  return { donationId: donation.id, status: donation.status, changed: false };
}

/** A delayed payment that failed: only a gift still waiting can fail. */
export function failCheckoutSession(tx: Tx, session: Stripe.Checkout.Session, now: number, reason: string): FulfilmentOutcome {
  const donation = donationForSession(tx, session);
  if (!donation) return null;
  if (donation.status !== "pending" && donation.status !== "processing") {
    return { donationId: donation.id, status: donation.status, changed: false };
  }
  tx.update(donations).set({ status: "failed", failureReason: reason, updatedAt: now }).where(eq(donations.id, donation.id)).run();
  return { donationId: donation.id, status: "failed", changed: true };
}
