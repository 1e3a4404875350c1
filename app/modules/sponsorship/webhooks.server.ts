import type Stripe from "stripe";
import { z } from "zod";
import { db, type Tx } from "~db/client.server";
import { stripeEvents } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { logger } from "~/utils/logger.server";
import { failCheckoutSession, fulfilCheckoutSession } from "./fulfilment.server";
import { applyChargeRefunded } from "./refunds.server";
import { applyInvoicePaid, applyInvoicePaymentFailed, applySubscriptionDeleted } from "./renewals.server";
import { applyStripeDispute } from "./stripe-disputes.server";
import { Stripe as StripeSdk, webhookSecret } from "./stripe-client.server";

/** Stripe's own recommendation: refuse signatures older than five minutes (replays). */
const WEBHOOK_TOLERANCE_SECONDS = 300;

type WebhookReply = { status: 200 | 400 | 422; body: string };

// What each handled event type must carry, and the fields its handler reads. A signed event whose
// object is of another kind (or lacks them) is refused before anything is written.
const id = z.string().min(1);
const OBJECT_OF = {
  "checkout.session": z.object({ object: z.literal("checkout.session"), id }),
  invoice: z.object({ object: z.literal("invoice"), id }),
  subscription: z.object({ object: z.literal("subscription"), id }),
  charge: z.object({
    object: z.literal("charge"),
    id,
    amount_refunded: z.number().int().nonnegative(),
  }),
  dispute: z.object({
    object: z.literal("dispute"),
    id,
    amount: z.number().int().nonnegative(),
    currency: z.string().length(3),
    status: z.string().min(1),
    created: z.number().int(),
    evidence_details: z.object({ due_by: z.number().int().nullable() }).nullish(),
  }),
} as const;

const EXPECTED_OBJECT: Record<string, keyof typeof OBJECT_OF> = {
  "checkout.session.completed": "checkout.session",
  "checkout.session.async_payment_succeeded": "checkout.session",
  "checkout.session.expired": "checkout.session",
  "checkout.session.async_payment_failed": "checkout.session",
  "invoice.paid": "invoice",
  "invoice.payment_failed": "invoice",
  "customer.subscription.deleted": "subscription",
  "charge.refunded": "charge",
  "charge.dispute.created": "dispute",
  "charge.dispute.updated": "dispute",
  "charge.dispute.closed": "dispute",
  "charge.dispute.funds_withdrawn": "dispute",
  "charge.dispute.funds_reinstated": "dispute",
};

/** The `t=` of a Stripe-Signature header, in seconds, or null. */
function signedAt(signature: string): number | null {
  const stamp = signature.split(",").find((part) => /^t=\d+$/.test(part.trim()));
  return stamp ? Number(stamp.trim().slice(2)) : null;
}

// A write the rows refuse (a constraint) will fail the same way on every retry; anything else
// (a busy database) is worth Stripe's retry.
function isConstraintError(error: unknown): boolean {
  return typeof (error as { code?: unknown })?.code === "string" && (error as { code: string }).code.startsWith("SQLITE_CONSTRAINT");
}

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
    case "charge.dispute.created":
    case "charge.dispute.updated":
    case "charge.dispute.closed":
    case "charge.dispute.funds_withdrawn":
    case "charge.dispute.funds_reinstated":
      applyStripeDispute(tx, event.data.object, now);
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
  // Stripe's library refuses only old timestamps; one from the future is refused here too.
  const stamped = signedAt(signature);
  if (stamped === null || Math.abs(clock.now() / 1000 - stamped) > WEBHOOK_TOLERANCE_SECONDS) {
    logger.warn({ stamped }, "stripe webhook timestamp outside the tolerance");
    return { status: 400, body: "Timestamp outside the tolerance." };
  }
  let event: Stripe.Event;
  try {
    event = webhooks.constructEvent(rawBody, signature, secret, WEBHOOK_TOLERANCE_SECONDS, undefined, clock.now());
  } catch (error) {
    logger.warn({ reason: (error as Error).message }, "stripe webhook signature refused");
    return { status: 400, body: "Invalid signature." };
  }
  const expected = EXPECTED_OBJECT[event.type];
  if (expected && !OBJECT_OF[expected].safeParse(event.data?.object).success) {
    logger.warn({ eventId: event.id, type: event.type }, "stripe webhook object does not match its type");
    return { status: 422, body: "The event's object does not match its type." };
  }
  const now = clock.now();
  let applied: boolean;
  try {
    applied = db.transaction(
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
  } catch (error) {
    if (!isConstraintError(error)) throw error;
    logger.warn({ err: error, eventId: event.id, type: event.type }, "stripe webhook could not be applied");
    return {
      status: 422,
      body: "The event cannot be applied to what is recorded.",
    };
  }
  logger.info({ eventId: event.id, type: event.type, applied }, "stripe webhook");
  return { status: 200, body: applied ? "ok" : "already processed" };
}
