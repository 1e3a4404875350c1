import type Stripe from "stripe";
import { db, type Tx } from "~db/client.server";
import { stripeEvents } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { logger } from "~/utils/logger.server";
import { failCheckoutSession, fulfilCheckoutSession } from "./fulfilment.server";
import { applyChargeRefunded } from "./refunds.server";
import { applyInvoicePaid, applyInvoicePaymentFailed, applySubscriptionDeleted } from "./renewals.server";
import { Stripe as StripeSdk, webhookSecret } from "./stripe-client.server";

/** Stripe's own recommendation: refuse signatures older than five minutes (replays). */
const WEBHOOK_TOLERANCE_SECONDS = 300;

type WebhookReply = { status: 200 | 400; body: string };

// Verification needs no API key, only the signing secret, so it works from the class itself.
const webhooks = StripeSdk.webhooks;

function applyEvent(tx: Tx, event: Stripe.Event, now: number): void {
  switch (event.type) {
    case "checkout.session.completed":
    case "checkout.session.async_payment_succeeded":
    case "checkout.session.expired":
      fulfilCheckoutSession(tx, event.data.object, now);
      return;
    case "checkout.session.async_payment_failed":
      failCheckoutSession(tx, event.data.object, now, "The payment did not go through.");
      return;
    case "invoice.paid":
      applyInvoicePaid(tx, event.data.object, now);
      return;
    case "invoice.payment_failed":
      applyInvoicePaymentFailed(tx, event.data.object);
      return;
    case "customer.subscription.deleted":
      applySubscriptionDeleted(tx, event.data.object, now);
      return;
    case "charge.refunded":
      applyChargeRefunded(tx, event.data.object, now);
      return;
    default:
      return;
  }
}

/**
 * Verifies and applies one delivery. The event id is stored in the same transaction as the
 * change it causes, so a replayed or concurrent copy finds it and does nothing; if applying
 * fails, neither is kept and Stripe's retry gets a clean slate.
 */
export function handleStripeWebhook(rawBody: string, signature: string | null): WebhookReply {
  const secret = webhookSecret();
  if (!secret) {
    logger.warn("stripe webhook received but STRIPE_WEBHOOK_SECRET is not set");
    return { status: 400, body: "Webhooks are not configured." };
  }
  if (!signature) return { status: 400, body: "Missing Stripe-Signature header." };
  let event: Stripe.Event;
  try {
    event = webhooks.constructEvent(rawBody, signature, secret, WEBHOOK_TOLERANCE_SECONDS, undefined, clock.now());
  } catch (error) {
    logger.warn({ reason: (error as Error).message }, "stripe webhook signature refused");
    return { status: 400, body: "Invalid signature." };
  }
  const now = clock.now();
  const applied = db.transaction(
    (tx) => {
      const fresh = tx
        .insert(stripeEvents)
        .values({ id: event.id, type: event.type, receivedAt: now })
        .onConflictDoNothing()
        .returning({ id: stripeEvents.id })
        .get();
      if (!fresh) return false;
      applyEvent(tx, event, now);
      return true;
    },
    { behavior: "immediate" },
  );
  logger.info({ eventId: event.id, type: event.type, applied }, "stripe webhook");
  return { status: 200, body: applied ? "ok" : "already processed" };
}
