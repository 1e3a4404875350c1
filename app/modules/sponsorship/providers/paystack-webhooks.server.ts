import { z } from "zod";
import { db } from "~db/client.server";
import { clock } from "~/utils/clock.server";
import { logger } from "~/utils/logger.server";
import { paystackSettings, paystackTransaction } from "./paystack-client.server";
import { donationForReference, fulfilPaystackTransaction, paysFor } from "./paystack-fulfilment.server";
import { applyPaystackRenewalCharge } from "./paystack-renewals.server";
import { applyDisputeEvent, applyRefundEvent } from "./paystack-refund-events.server";
import { sourceAllowed, verifiedScheme } from "./paystack-signatures.server";
import { applyPaystackSubscriptionEvent } from "./paystack-subscription-events.server";
import { notePaystackCustomer } from "./paystack-subscriptions.server";
import { firstDelivery } from "./paystack-events.server";
import type { WebhookDelivery, WebhookReply } from "./types";

const eventEnvelope = z.object({ event: z.string().min(1).max(100), data: z.unknown() });

function reply(status: WebhookReply["status"], body: string): WebhookReply {
  return { status, body };
}

/**
 * `charge.success`: the key `charge.success:<transaction id>` is stored in the same transaction
 * as the payment it records, so a replayed or concurrent copy does nothing. A reference that is
 * not ours, or a payment that differs from the gift, records nothing and is still answered 200:
 * Paystack's retries could never change it.
 */
function applyChargeSuccess(data: unknown): WebhookReply {
  const parsed = paystackTransaction.safeParse(data);
  if (!parsed.success) return reply(422, "The event's data is not a transaction.");
  const transaction = parsed.data;
  const now = clock.now();
  const outcome = db.transaction(
    (tx) => {
      const donation = donationForReference(tx, transaction.reference);
      // Not ours: a monthly gift's renewal carries Paystack's own reference.
      if (!donation) return applyPaystackRenewalCharge(tx, data, now) ?? "unknown reference";
      // Logged by the fulfilment step; nothing is kept, so a mismatch is never mistaken for a payment.
      if (!paysFor(transaction, donation)) return fulfilPaystackTransaction(tx, transaction, now).kind;
      if (!firstDelivery(tx, `charge.success:${transaction.id}`, "charge.success", now)) return "already processed";
      const result = fulfilPaystackTransaction(tx, transaction, now);
      if (result.kind === "paid") notePaystackCustomer(tx, donation.id, data, now);
      return result.kind === "paid" ? (result.changed ? "ok" : "already paid") : result.kind;
    },
    { behavior: "immediate" },
  );
  logger.info({ reference: transaction.reference, transactionId: transaction.id, outcome }, "paystack webhook");
  return reply(200, outcome);
}

/**
 * One delivery to /webhooks/paystack: its source (when an allow-list is set) and its signature
 * are checked before a byte of it is parsed; then each event type we act on is applied once.
 */
export function handlePaystackWebhook(delivery: WebhookDelivery): WebhookReply {
  const settings = paystackSettings();
  if (!settings) {
    logger.warn("paystack webhook received but PAYSTACK_SECRET_KEY is not set");
    return reply(400, "Webhooks are not configured.");
  }
  if (!sourceAllowed(delivery.clientIp)) {
    logger.warn({ ip: delivery.clientIp }, "paystack webhook from an address not allowed");
    return reply(403, "Deliveries are taken from Paystack's addresses only.");
  }
  if (!verifiedScheme(delivery, settings.key)) {
    logger.warn({ ip: delivery.clientIp }, "paystack webhook signature refused");
    return reply(401, "Invalid signature.");
  }
  let json: unknown;
  try {
    json = JSON.parse(delivery.rawBody);
  } catch {
    return reply(400, "The body is not JSON.");
  }
  const event = eventEnvelope.safeParse(json);
  if (!event.success) return reply(400, "The body is not an event.");
  switch (event.data.event) {
    case "charge.success":
      return applyChargeSuccess(event.data.data);
    case "subscription.create":
    case "subscription.disable":
    case "subscription.not_renew":
    case "invoice.create":
    case "invoice.update":
    case "invoice.payment_failed":
      return applyPaystackSubscriptionEvent(event.data.event, event.data.data);
    case "refund.processed":
    case "refund.failed":
      return applyRefundEvent(event.data.event, event.data.data);
    case "charge.dispute.create":
    case "charge.dispute.remind":
    case "charge.dispute.resolve":
      return applyDisputeEvent(event.data.data);
    default:
      return reply(200, "ignored");
  }
}
