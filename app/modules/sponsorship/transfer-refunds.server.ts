import { eq } from "drizzle-orm";
import { db } from "~db/client.server";
import { donations } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { formatMoney } from "~/utils/money";
import { refuse } from "~/utils/refusal";
import { recordAudit } from "~/modules/organisation/index.server";
import { amountReceived } from "./receipt-facts.server";
import { applyRefundedTotal } from "./refunds.server";
import type { RefundOutcome, RefundRequest } from "./providers/types";

/**
 * A bank transfer is refunded by the organisation's own bank: the organiser sends the money
 * back, then records it here. Recording applies it at once, as a card refund would be: the
 * totals, the receipt and the donor's email all follow from what was sent back.
 */
export async function recordTransferRefund(input: RefundRequest): Promise<RefundOutcome> {
  const donation = db.select().from(donations).where(eq(donations.id, input.donationId)).get();
  if (!donation) return refuse("We could not find that gift.", { status: 404 });
  if (donation.method !== "bank_transfer") return refuse("Only a bank transfer can be recorded as refunded by transfer.");
  if (donation.status !== "paid") return refuse("Only a transfer that arrived can be refunded.");
  const remaining = amountReceived(donation) - donation.refundedAmount;
  const amount = input.amount ?? remaining;
  if (!Number.isInteger(amount) || amount <= 0 || amount > remaining) {
    return refuse(`The refund must be more than nothing and at most ${formatMoney(remaining, donation.currency)}.`, { field: "amount" });
  }
  const reason = input.reason.trim();
  if (!reason) return refuse("Give a reason for the refund.", { field: "reason" });
  const now = clock.now();
  const applied = db.transaction(
    (tx) => {
      // The total it brings the gift to: a second click on a page that was already submitted finds it reached.
      if (!applyRefundedTotal(tx, donation.id, donation.refundedAmount + amount, now, reason)) return false;
      recordAudit(tx, {
        actorId: input.actorId,
        action: "donation.refunded",
        targetType: "donation",
        targetId: donation.id,
        details: { amount, currency: donation.currency, reason, via: "bank_transfer" },
      });
      return true;
    },
    { behavior: "immediate" },
  );
  if (!applied) return refuse("This gift changed meanwhile: look at it again before recording a refund.", { status: 409 });
  return { ok: true, provider: "bank transfer", amount, settled: true, byHand: true };
}
