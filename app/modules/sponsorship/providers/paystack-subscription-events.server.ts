import { db } from "~db/client.server";
import { clock } from "~/utils/clock.server";
import { logger } from "~/utils/logger.server";
import { applyPaystackInvoice, applyPaystackInvoiceFailed, paystackInvoice } from "./paystack-renewals.server";
import { endPaystackSubscription, paystackSubscription, recordPaystackSubscription } from "./paystack-subscriptions.server";
import type { WebhookReply } from "./types";

type SubscriptionEvent = "subscription.create" | "subscription.disable" | "subscription.not_renew" | "invoice.create" | "invoice.update" | "invoice.payment_failed";

/**
 * A monthly gift's events, each applied in one transaction. Each is safe to apply twice: the
 * subscription is recorded once by its code, a paid invoice once by its code (`provider_events`),
 * a cancellation moves only a running gift, a failed month is emailed once per invoice. Data of
 * another shape is a 422, nothing written.
 */
export function applyPaystackSubscriptionEvent(type: SubscriptionEvent, data: unknown): WebhookReply {
  const now = clock.now();
  let outcome: string;
  if (type.startsWith("subscription.")) {
    const parsed = paystackSubscription.safeParse(data);
    if (!parsed.success) return { status: 422, body: "The event's data is not a subscription." };
    outcome = db.transaction(
      (tx) => (type === "subscription.create" ? (recordPaystackSubscription(tx, parsed.data, now) ? "recorded" : "unknown subscription") : endPaystackSubscription(tx, parsed.data, now)),
      { behavior: "immediate" },
    );
    logger.info({ type, subscriptionCode: parsed.data.subscription_code, outcome }, "paystack webhook");
  } else {
    const parsed = paystackInvoice.safeParse(data);
    if (!parsed.success) return { status: 422, body: "The event's data is not an invoice." };
    outcome = db.transaction(
      (tx) => (type === "invoice.payment_failed" ? applyPaystackInvoiceFailed(tx, parsed.data, now) : applyPaystackInvoice(tx, parsed.data, type, now)),
      { behavior: "immediate" },
    );
    logger.info({ type, invoiceCode: parsed.data.invoice_code, outcome }, "paystack webhook");
  }
  return { status: 200, body: outcome };
}
