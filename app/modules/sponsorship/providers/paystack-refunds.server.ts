import { and, eq, sql } from "drizzle-orm";
import { db, type Tx } from "~db/client.server";
import { donations, providerEvents } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { logger } from "~/utils/logger.server";
import { formatMoney } from "~/utils/money";
import { refuse } from "~/utils/refusal";
import { recordAudit } from "~/modules/organisation/index.server";
import { applyRefundedTotal } from "../refunds.server";
import { createRefund, PaystackError, paystackSettings } from "./paystack-client.server";
import { firstDelivery } from "./paystack-events.server";
import type { RefundOutcome, RefundRequest } from "./types";

/**
 * A refund we asked Paystack for and have not heard the end of is kept as a provider-events row
 * `refund.open:<gift>:<amount>`: it blocks a second request for the gift until `refund.processed`
 * or `refund.failed` removes it, so a double click or two organisers at once refund once.
 */
const openPrefix = (donationId: string) => `refund.open:${donationId}:`;

function openRows(tx: Tx, donationId: string) {
  const prefix = openPrefix(donationId);
  return tx
    .select({ key: providerEvents.eventKey, at: providerEvents.receivedAt })
    .from(providerEvents)
    .where(and(eq(providerEvents.provider, "paystack"), sql`substr(${providerEvents.eventKey}, 1, ${prefix.length}) = ${prefix}`))
    .all();
}

export type OpenRefund = { amount: number; requestedAt: number };

/** The refund of a Paystack gift still on its way, if any. */
export function openPaystackRefund(donationId: string, tx: Tx = db): OpenRefund | null {
  const row = openRows(tx, donationId)[0];
  return row ? { amount: Number(row.key.slice(openPrefix(donationId).length)), requestedAt: row.at } : null;
}

export function closeOpenRefund(tx: Tx, donationId: string): void {
  const prefix = openPrefix(donationId);
  tx.delete(providerEvents)
    .where(and(eq(providerEvents.provider, "paystack"), sql`substr(${providerEvents.eventKey}, 1, ${prefix.length}) = ${prefix}`))
    .run();
}


type Claim = { ok: true; amount: number; reference: string; currency: string; again: boolean } | ReturnType<typeof refuse>;

/** Checks the gift and, in the same write, marks a refund of it as on its way. */
function claimRefund(input: RefundRequest, now: number): Claim {
  return db.transaction(
    (tx): Claim => {
      const donation = tx.select().from(donations).where(eq(donations.id, input.donationId)).get();
      if (!donation) return refuse("We could not find that gift.", { status: 404 });
      if (donation.provider !== "paystack" || donation.method !== "card" || !donation.providerReference) return refuse("Only gifts paid through Paystack can be refunded through Paystack.");
      if (donation.status !== "paid") return refuse("Only a paid gift can be refunded.");
      const remaining = donation.amount - donation.refundedAmount;
      const amount = input.amount ?? remaining;
      const open = openPaystackRefund(donation.id, tx);
      // The same request again (a double click) is the one already sent.
      if (open) {
        if (open.amount === amount) return { ok: true, amount, reference: donation.providerReference, currency: donation.currency, again: true };
        return refuse(`A refund of ${formatMoney(open.amount, donation.currency)} is already on its way through Paystack. Refund more once Paystack reports it.`, { status: 409, code: "refund_open" });
      }
      if (!Number.isInteger(amount) || amount <= 0 || amount > remaining) {
        return refuse(`Enter an amount more than 0 and at most ${formatMoney(remaining, donation.currency)}`, { field: "amount" });
      }
      const reason = input.reason.trim();
      if (!reason) return refuse("Say why the gift is being refunded", { field: "reason" });
      tx.insert(providerEvents).values({ provider: "paystack", eventKey: `${openPrefix(donation.id)}${amount}`, type: "refund.requested", receivedAt: now }).run();
      // A failure reported for an earlier attempt is no longer the latest word.
      tx.update(donations).set({ refundReason: reason, failureReason: "", updatedAt: now }).where(eq(donations.id, donation.id)).run();
      return { ok: true, amount, reference: donation.providerReference, currency: donation.currency, again: false };
    },
    { behavior: "immediate" },
  );
}

/**
 * Asks Paystack to return all or part of a gift. Paystack queues refunds: the gift keeps its
 * amounts until `refund.processed` applies the refund (and emails the donor) or `refund.failed`
 * records why not, so nothing here changes what the gift says was refunded.
 */
export async function refundPaystackGift(input: RefundRequest): Promise<RefundOutcome> {
  if (!paystackSettings()) return refuse("Paystack is not set up, so nothing can be refunded through it.");
  const now = clock.now();
  const claim = claimRefund(input, now);
  if (!claim.ok) return claim;
  const done = { ok: true as const, provider: "Paystack", amount: claim.amount, settled: false, byHand: false };
  if (claim.again) return done;
  try {
    const refund = await createRefund({ reference: claim.reference, amount: claim.amount, merchantNote: input.reason.trim() });
    recordAudit(db, {
      actorId: input.actorId,
      action: "donation.refund_requested",
      targetType: "donation",
      targetId: input.donationId,
      details: { amount: claim.amount, currency: claim.currency, reason: input.reason.trim(), provider: "paystack", refundId: refund.id, status: refund.status },
    });
    logger.info({ donationId: input.donationId, refundId: refund.id, status: refund.status }, "paystack refund requested");
    return done;
  } catch (error) {
    // Nothing was queued (Paystack said no, or could not be reached): the gift may be refunded again.
    db.transaction((tx) => closeOpenRefund(tx, input.donationId), { behavior: "immediate" });
    if (error instanceof PaystackError) {
      logger.warn({ donationId: input.donationId, status: error.status }, "refund refused by Paystack");
      return refuse(`Paystack refused the refund: ${error.message}`, { status: 422 });
    }
    logger.error({ donationId: input.donationId, reason: (error as Error).message }, "could not reach Paystack to refund");
    return refuse("Paystack could not be reached, so nothing was refunded. Try again in a few minutes.", { status: 422 });
  }
}

export type RefundEventResult = "ok" | "already processed" | "unknown reference" | "currency differs" | "not paid yet";

type RefundEvent = { key: string; reference: string; amount: number; currency: string };

/** The Paystack gift a refund event names by its transaction reference. */
function paystackGiftByReference(tx: Tx, reference: string) {
  return tx
    .select()
    .from(donations)
    .where(and(eq(donations.providerReference, reference), eq(donations.provider, "paystack")))
    .get();
}

/**
 * `refund.processed`: the refund reached the donor. The gift's refunded total grows by the
 * refund's amount, once per refund (its key is stored with the effect), capped at the gift.
 * "not paid yet": the payment's own event has not arrived, so nothing is stored and Paystack
 * delivers the refund again later.
 */
export function applyPaystackRefundProcessed(tx: Tx, event: RefundEvent, now: number): RefundEventResult {
  const donation = paystackGiftByReference(tx, event.reference);
  if (!donation) return "unknown reference";
  if (event.currency.toUpperCase() !== donation.currency) {
    logger.error({ donationId: donation.id, currency: event.currency }, "paystack refund in another currency than the gift: not applied");
    return "currency differs";
  }
  if (donation.status !== "paid" && donation.status !== "refunded") return "not paid yet";
  if (!firstDelivery(tx, `refund.processed:${event.key}`, "refund.processed", now)) return "already processed";
  applyRefundedTotal(tx, donation.id, donation.refundedAmount + event.amount, now);
  closeOpenRefund(tx, donation.id);
  return "ok";
}

/** `refund.failed`: Paystack could not return the money (it goes back to the balance); organisers see why on the gift. */
export function applyPaystackRefundFailed(tx: Tx, event: RefundEvent, now: number): RefundEventResult {
  const donation = paystackGiftByReference(tx, event.reference);
  if (!donation) return "unknown reference";
  if (!firstDelivery(tx, `refund.failed:${event.key}`, "refund.failed", now)) return "already processed";
  const amount = formatMoney(event.amount, donation.currency);
  tx.update(donations)
    .set({ failureReason: `Paystack could not make the refund of ${amount}: nothing was returned to the donor.`, updatedAt: now })
    .where(eq(donations.id, donation.id))
    .run();
  closeOpenRefund(tx, donation.id);
  recordAudit(tx, { actorId: null, action: "donation.refund_failed", targetType: "donation", targetId: donation.id, details: { amount: event.amount, currency: donation.currency, provider: "paystack" } });
  return "ok";
}
