import { and, eq, inArray, or } from "drizzle-orm";
import { z } from "zod";
import { db, type Tx } from "~db/client.server";
import { donations, recurringGifts } from "~db/schema";
import { randomId } from "~/utils/ids.server";
import { logger } from "~/utils/logger.server";
import { formatMoney } from "~/utils/money";
import { enqueueMessage, registerJobHandler, scheduleJob, type JobPayload } from "~/modules/outbox/index.server";
import { markDonationPaid } from "../fulfilment.server";
import { campaignTitleFor } from "../receipts.server";
import { paystackTransaction, subscriptionManageLink } from "./paystack-client.server";
import { firstDelivery } from "./paystack-events.server";
import { recurringGiftFor, type RecurringGiftRow } from "./paystack-subscriptions.server";

/** An invoice of a subscription, as `invoice.create`, `invoice.update` and `invoice.payment_failed` carry it. */
export const paystackInvoice = z.object({
  invoice_code: z.string().min(1),
  amount: z.number().int().nonnegative(),
  status: z.string(),
  paid: z.union([z.boolean(), z.number()]).nullish(),
  subscription: z.object({ subscription_code: z.string().min(1) }),
  // Empty until a charge was attempted.
  transaction: z.object({ reference: z.string().min(1).optional(), status: z.string().optional(), amount: z.number().int().optional(), currency: z.string().length(3).optional() }).nullish(),
});
type PaystackInvoice = z.infer<typeof paystackInvoice>;

/** A renewal's `charge.success`: Paystack's own reference, and the plan and customer it was charged for. */
const planCharge = paystackTransaction.extend({
  plan: z.object({ plan_code: z.string().min(1) }),
  customer: z.object({ customer_code: z.string().min(1) }),
});

type Renewal = { reference: string | null; invoiceCode: string | null; amount: number; currency: string };

function firstGiftOf(tx: Tx, gift: RecurringGiftRow) {
  return tx.select().from(donations).where(eq(donations.id, gift.firstDonationId)).get() ?? null;
}


/**
 * One month of a monthly gift, paid. A renewal is a gift of its own with its own receipt, tied to
 * the first; the same payment reported twice (as `charge.success` and as the paid invoice) is
 * found by its transaction reference or invoice code and adds nothing. The first month's payment
 * carries our own reference, so an invoice for it is the first gift again, never a second one.
 */
function recordRenewal(tx: Tx, gift: RecurringGiftRow, renewal: Renewal, now: number): string {
  const first = firstGiftOf(tx, gift);
  if (!first) return "unknown gift";
  if (renewal.currency.toUpperCase() !== first.currency || renewal.amount <= 0) {
    logger.error({ subscriptionCode: gift.subscriptionId, paid: `${renewal.amount} ${renewal.currency}` }, "paystack renewal in another currency: not recorded");
    return "mismatch";
  }
  const matches = [
    ...(renewal.reference ? [eq(donations.providerReference, renewal.reference)] : []),
    ...(renewal.invoiceCode ? [eq(donations.invoiceId, renewal.invoiceCode)] : []),
  ];
  const known = matches.length ? tx.select().from(donations).where(or(...matches)).get() : undefined;
  // The donor paid again (often the retry of a declined month): the gift is running.
  tx.update(recurringGifts).set({ status: "active" }).where(and(eq(recurringGifts.subscriptionId, gift.subscriptionId), eq(recurringGifts.status, "past_due"))).run();
  if (known) {
    const settled = known.status === "paid" || known.status === "refunded";
    if (!settled && known.amount !== renewal.amount) {
      logger.error({ donationId: known.id, paid: renewal.amount, asked: known.amount }, "paystack invoice does not match the gift: not marked paid");
      return "mismatch";
    }
    // The invoice code joins the payment it paid, unless another gift already holds it.
    const invoiceFree = renewal.invoiceCode && !tx.select({ id: donations.id }).from(donations).where(eq(donations.invoiceId, renewal.invoiceCode)).get();
    markDonationPaid(tx, known.id, { now, invoiceId: invoiceFree ? renewal.invoiceCode : null, subscriptionId: gift.subscriptionId });
    return "already recorded";
  }
  const id = randomId(16);
  tx.insert(donations)
    .values({
      id,
      campaignId: first.campaignId,
      tierId: first.tierId,
      amount: renewal.amount,
      // The donor chose to cover the fee each month; a changed amount says nothing of the split.
      coveredFee: renewal.amount === first.amount ? first.coveredFee : 0,
      currency: first.currency,
      interval: "monthly",
      method: "card",
      provider: "paystack",
      providerReference: renewal.reference,
      status: "pending",
      donorName: first.donorName,
      donorEmail: first.donorEmail,
      userId: first.userId,
      recognition: first.recognition,
      message: "",
      subscriptionId: gift.subscriptionId,
      invoiceId: renewal.invoiceCode,
      customerId: gift.customerId,
      parentDonationId: first.id,
      createdAt: now,
      updatedAt: now,
    })
    .run();
  markDonationPaid(tx, id, { now });
  return "renewal recorded";
}

function isPaid(invoice: PaystackInvoice): boolean {
  return invoice.paid === true || invoice.paid === 1 || invoice.status === "success";
}

/** `invoice.create` / `invoice.update`: acted on once the invoice is paid, once per invoice. */
export function applyPaystackInvoice(tx: Tx, invoice: PaystackInvoice, type: string, now: number): string {
  if (!isPaid(invoice)) return "invoice not paid yet";
  const gift = recurringGiftFor(tx, invoice.subscription.subscription_code);
  if (!gift) {
    logger.warn({ invoiceCode: invoice.invoice_code }, "paid paystack invoice for no known monthly gift");
    return "unknown subscription";
  }
  if (!firstDelivery(tx, `invoice.paid:${invoice.invoice_code}`, type, now)) return "already processed";
  const transaction = invoice.transaction ?? {};
  return recordRenewal(tx, gift, { reference: transaction.reference ?? null, invoiceCode: invoice.invoice_code, amount: transaction.amount ?? invoice.amount, currency: transaction.currency ?? "" }, now);
}

/**
 * `charge.success` for a plan, with a reference that is not ours: a renewal, found by the plan and
 * the customer. Null when it is not a plan charge, or when it could be more than one monthly gift
 * (the same donor giving the same amount twice): the invoice event, which names the
 * subscription, then records it.
 */
export function applyPaystackRenewalCharge(tx: Tx, data: unknown, now: number): string | null {
  const parsed = planCharge.safeParse(data);
  if (!parsed.success) return null;
  const charge = parsed.data;
  if (charge.status !== "success") return "not paid";
  const gifts = tx
    .select()
    .from(recurringGifts)
    .where(and(eq(recurringGifts.provider, "paystack"), eq(recurringGifts.planCode, charge.plan.plan_code), eq(recurringGifts.customerId, charge.customer.customer_code), inArray(recurringGifts.status, ["active", "past_due"])))
    .all();
  if (gifts.length !== 1) return gifts.length ? "left to the invoice" : null;
  if (!firstDelivery(tx, `charge.success:${charge.id}`, "charge.success", now)) return "already processed";
  return recordRenewal(tx, gifts[0], { reference: charge.reference, invoiceCode: null, amount: charge.amount, currency: charge.currency }, now);
}

export const PAYSTACK_RENEWAL_FAILED_JOB = "sponsorship.paystack-renewal-failed";

/**
 * `invoice.payment_failed`: the gift is past due and the donor hears once per invoice, with a
 * page to change the card. That page is Paystack's and short-lived, so a job asks for it.
 */
export function applyPaystackInvoiceFailed(tx: Tx, invoice: PaystackInvoice, now: number): string {
  const gift = recurringGiftFor(tx, invoice.subscription.subscription_code);
  if (!gift) return "unknown subscription";
  // A failure reported after the month was paid (a retry went through first): nothing to do.
  if (tx.select({ id: donations.id }).from(donations).where(eq(donations.invoiceId, invoice.invoice_code)).get()) return "already paid";
  const changed = tx.update(recurringGifts).set({ status: "past_due" }).where(and(eq(recurringGifts.subscriptionId, gift.subscriptionId), eq(recurringGifts.status, "active"))).run();
  scheduleJob(tx, {
    kind: PAYSTACK_RENEWAL_FAILED_JOB,
    runAt: now,
    payload: { subscriptionCode: gift.subscriptionId, invoiceCode: invoice.invoice_code, amount: invoice.amount },
    uniqueKey: `paystack-renewal-failed:${invoice.invoice_code}`,
  });
  return changed.changes ? "past due" : "still past due";
}

/** Emails the donor whose month was declined, with a fresh page to change the card, unless the gift recovered or ended meanwhile. */
export async function emailFailedRenewal(payload: JobPayload): Promise<void> {
  const { subscriptionCode, amount } = payload as { subscriptionCode: string; invoiceCode: string; amount: number };
  const waiting = (tx: Tx) => {
    const gift = recurringGiftFor(tx, subscriptionCode);
    return gift?.status === "past_due" ? gift : null;
  };
  if (!waiting(db)) return;
  const { link } = await subscriptionManageLink(subscriptionCode);
  db.transaction(
    (tx) => {
      const gift = waiting(tx);
      const first = gift ? firstGiftOf(tx, gift) : null;
      if (!first) return;
      enqueueMessage(tx, first.donorEmail, "monthly-gift-payment-failed", {
        name: first.donorName,
        amount: formatMoney(amount || first.amount, first.currency),
        campaignTitle: campaignTitleFor(tx, first.campaignId),
        url: link,
      });
    },
    { behavior: "immediate" },
  );
}

export function registerPaystackRenewalJobs() {
  registerJobHandler(PAYSTACK_RENEWAL_FAILED_JOB, emailFailedRenewal);
}
