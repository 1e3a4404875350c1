import { eq } from "drizzle-orm";
import { db } from "~db/client.server";
import { donations } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { logger } from "~/utils/logger.server";
import { checkoutSessionParams } from "./checkout.server";
import { requireStripe, stripeClient } from "./stripe-client.server";

/** Stripe needs its secret key; without one it offers nothing. */
export function stripeConfigured(): boolean {
  return stripeClient() !== null;
}

/**
 * Opens a Stripe Checkout Session for a pending card gift and returns the address to send the
 * donor to. A second call for the same gift reuses a session that is still open.
 */
export async function startStripeCheckout(donationId: string): Promise<string> {
  const stripe = requireStripe();
  const { params, donation } = checkoutSessionParams(donationId);
  if (donation.checkoutSessionId) {
    const existing = await stripe.checkout.sessions.retrieve(donation.checkoutSessionId);
    if (existing.status === "open" && existing.url) return existing.url;
  }
  let session: Awaited<ReturnType<typeof stripe.checkout.sessions.create>>;
  try {
    session = await stripe.checkout.sessions.create(params, {
      idempotencyKey: `checkout:${donation.id}:${donation.checkoutSessionId ?? "first"}`,
    });
    if (!session.url) throw new Error("Stripe returned a Checkout Session without a url");
  } catch (error) {
    // The donor never reached a payment page: the gift is closed, not left pending for ever.
    if (!donation.checkoutSessionId) {
      db.update(donations)
        .set({ status: "failed", failureReason: "The card payment service could not be reached.", updatedAt: clock.now() })
        .where(eq(donations.id, donation.id))
        .run();
    }
    throw error;
  }
  db.update(donations)
    .set({ checkoutSessionId: session.id, updatedAt: clock.now() })
    .where(eq(donations.id, donation.id))
    .run();
  logger.info({ donationId: donation.id, sessionId: session.id, mode: params.mode }, "checkout session created");
  return session.url;
}
