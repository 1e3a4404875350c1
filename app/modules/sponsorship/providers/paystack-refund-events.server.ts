import { z } from "zod";
import { db } from "~db/client.server";
import type { DisputeStatus } from "../disputes.server";
import { recordDispute } from "../disputes.server";
import { clock } from "~/utils/clock.server";
import { logger } from "~/utils/logger.server";
import { donationForReference } from "./paystack-fulfilment.server";
import { applyPaystackRefundFailed, applyPaystackRefundProcessed } from "./paystack-refunds.server";
import type { WebhookReply } from "./types";

// What happens to a gift after it is paid: refunds (`refund.*`) and disputes (`charge.dispute.*`).

const minorUnits = z.union([z.number().int().nonnegative(), z.string().regex(/^\d{1,15}$/).transform(Number)]);

/** Paystack's refund events name the transaction by reference; some carry the refund's id, some its reference. */
const refundEvent = z
  .object({
    id: z.union([z.number().int(), z.string().min(1)]).nullish(),
    refund_reference: z.string().min(1).nullish(),
    transaction_reference: z.string().min(1).nullish(),
    transaction: z.object({ reference: z.string().min(1) }).partial().nullish().catch(null),
    amount: minorUnits,
    currency: z.string().length(3),
  })
  .transform((data) => ({
    reference: data.transaction_reference ?? data.transaction?.reference ?? "",
    amount: data.amount,
    currency: data.currency,
    refundKey: data.id ?? data.refund_reference ?? null,
  }))
  .refine((event) => event.reference !== "", { message: "A refund event names its transaction." });

/** `refund.processed` and `refund.failed`; `refund.pending` and `refund.processing` change nothing we show. */
export function applyRefundEvent(type: "refund.processed" | "refund.failed", data: unknown): WebhookReply {
  const parsed = refundEvent.safeParse(data);
  if (!parsed.success) return { status: 422, body: "The event's data is not a refund." };
  const event = parsed.data;
  // Without the refund's own id, its transaction and amount stand for it.
  const key = event.refundKey !== null ? String(event.refundKey) : `${event.reference}:${event.amount}`;
  const now = clock.now();
  const outcome = db.transaction(
    (tx) => (type === "refund.processed" ? applyPaystackRefundProcessed : applyPaystackRefundFailed)(tx, { key, reference: event.reference, amount: event.amount, currency: event.currency }, now),
    { behavior: "immediate" },
  );
  logger.info({ type, reference: event.reference, outcome }, "paystack webhook");
  // Paystack delivers again until it gets a 200: a refund that arrives before its payment waits for it.
  if (outcome === "not paid yet") return { status: 409, body: outcome };
  return { status: 200, body: outcome };
}

const isoInstant = z
  .string()
  .nullish()
  .transform((value) => {
    const instant = value ? Date.parse(value) : NaN;
    return Number.isNaN(instant) ? null : instant;
  });

/** Paystack's Dispute resource: the fields organisers are shown. */
const disputeEvent = z.object({
  id: z.union([z.number().int(), z.string().min(1)]),
  status: z.string(),
  resolution: z.string().nullish(),
  category: z.string().nullish(),
  refund_amount: minorUnits.nullish(),
  currency: z.string().length(3).nullish(),
  due_at: isoInstant,
  resolved_at: isoInstant,
  created_at: isoInstant,
  transaction: z.object({ reference: z.string().min(1), amount: minorUnits, currency: z.string().length(3) }),
});

/** Paystack's statuses and resolutions in ours: "merchant-accepted" gives the money back to the donor. */
function disputeStatus(status: string, resolution: string | null | undefined): DisputeStatus {
  if (status === "resolved") return resolution === "declined" ? "won" : resolution === "merchant-accepted" ? "lost" : "closed";
  if (status === "awaiting-merchant-feedback") return "awaiting_response";
  return "open";
}

/** `charge.dispute.create`, `.remind` and `.resolve`: each carries the whole dispute, so each brings its row up to date. */
export function applyDisputeEvent(data: unknown): WebhookReply {
  const parsed = disputeEvent.safeParse(data);
  if (!parsed.success) return { status: 422, body: "The event's data is not a dispute." };
  const dispute = parsed.data;
  const now = clock.now();
  const outcome = db.transaction(
    (tx) => {
      const donation = donationForReference(tx, dispute.transaction.reference);
      if (!donation) return "unknown reference";
      return recordDispute(
        tx,
        {
          provider: "paystack",
          providerDisputeId: String(dispute.id),
          donationId: donation.id,
          status: disputeStatus(dispute.status, dispute.resolution),
          reason: (dispute.category ?? "").slice(0, 200),
          amount: dispute.refund_amount ?? dispute.transaction.amount,
          currency: (dispute.currency ?? dispute.transaction.currency).toUpperCase(),
          respondBy: dispute.due_at,
          openedAt: dispute.created_at ?? now,
          resolvedAt: dispute.resolved_at,
        },
        now,
      );
    },
    { behavior: "immediate" },
  );
  logger.info({ disputeId: dispute.id, reference: dispute.transaction.reference, outcome }, "paystack dispute webhook");
  return { status: 200, body: outcome };
}
