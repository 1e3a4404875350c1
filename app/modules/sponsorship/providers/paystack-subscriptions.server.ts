import { and, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { z } from "zod";
import { db, type Tx } from "~db/client.server";
import { donations, recurringGifts } from "~db/schema";
import { logger } from "~/utils/logger.server";
import { emailMonthlyGiftCancelled } from "../renewals.server";
import { subscriptionManageLink } from "./paystack-client.server";

type DonationRow = typeof donations.$inferSelect;
export type RecurringGiftRow = typeof recurringGifts.$inferSelect;

const customer = z.object({ customer_code: z.string().min(1), email: z.string() });

/** A subscription as `subscription.create`, `subscription.disable` and `subscription.not_renew` carry it. */
export const paystackSubscription = z.object({
  subscription_code: z.string().min(1),
  email_token: z.string().nullish(),
  status: z.string(),
  plan: z.object({ plan_code: z.string().min(1), amount: z.number().int().positive(), currency: z.string().length(3) }),
  customer,
});
type PaystackSubscription = z.infer<typeof paystackSubscription>;

export function recurringGiftFor(tx: Tx, subscriptionCode: string): RecurringGiftRow | null {
  return (
    tx
      .select()
      .from(recurringGifts)
      .where(and(eq(recurringGifts.subscriptionId, subscriptionCode), eq(recurringGifts.provider, "paystack")))
      .get() ?? null
  );
}

/**
 * The gift made on the donate page that a new subscription belongs to. Paystack's event names no
 * reference of ours, only the customer and the plan (an amount and a currency): so the monthly
 * Paystack gift of that amount from that customer (by the code its first payment reported, or by
 * email) that has no subscription yet, a paid one first, then the newest.
 */
function firstGiftFor(tx: Tx, subscription: PaystackSubscription): DonationRow | null {
  const { plan } = subscription;
  return (
    tx
      .select()
      .from(donations)
      .where(
        and(
          eq(donations.provider, "paystack"),
          eq(donations.interval, "monthly"),
          isNull(donations.subscriptionId),
          isNull(donations.parentDonationId),
          eq(donations.amount, plan.amount),
          eq(donations.currency, plan.currency.toUpperCase()),
          inArray(donations.status, ["pending", "processing", "paid"]),
          or(eq(donations.customerId, subscription.customer.customer_code), sql`lower(${donations.donorEmail}) = ${subscription.customer.email.trim().toLowerCase()}`),
        ),
      )
      .orderBy(desc(sql`${donations.status} = 'paid'`), desc(donations.createdAt))
      .get() ?? null
  );
}

/**
 * `subscription.create`: records the monthly gift under Paystack's subscription code, once,
 * whichever of this and the first payment's `charge.success` arrives first.
 */
export function recordPaystackSubscription(tx: Tx, subscription: PaystackSubscription, now: number): RecurringGiftRow | null {
  const known = recurringGiftFor(tx, subscription.subscription_code);
  if (known) {
    if (!known.emailToken && subscription.email_token) {
      tx.update(recurringGifts).set({ emailToken: subscription.email_token }).where(eq(recurringGifts.subscriptionId, known.subscriptionId)).run();
    }
    return known;
  }
  const first = firstGiftFor(tx, subscription);
  if (!first) {
    logger.warn({ subscriptionCode: subscription.subscription_code }, "paystack subscription for no known monthly gift");
    return null;
  }
  const customerCode = subscription.customer.customer_code;
  tx.insert(recurringGifts)
    .values({
      subscriptionId: subscription.subscription_code,
      customerId: customerCode,
      firstDonationId: first.id,
      provider: "paystack",
      planCode: subscription.plan.plan_code,
      emailToken: subscription.email_token ?? null,
      createdAt: now,
    })
    .onConflictDoNothing()
    .run();
  tx.update(donations)
    .set({ subscriptionId: subscription.subscription_code, customerId: first.customerId ?? customerCode, updatedAt: now })
    .where(eq(donations.id, first.id))
    .run();
  return recurringGiftFor(tx, subscription.subscription_code);
}

/**
 * `subscription.not_renew` (the donor stopped it: no further payment) or `subscription.disable`
 * (it ended). The gift is cancelled once, and the donor hears once, as for a Stripe gift.
 */
export function endPaystackSubscription(tx: Tx, subscription: PaystackSubscription, now: number): string {
  const gift = recordPaystackSubscription(tx, subscription, now);
  if (!gift) return "unknown subscription";
  const changed = tx
    .update(recurringGifts)
    .set({ status: "cancelled", cancelledAt: now })
    .where(and(eq(recurringGifts.subscriptionId, gift.subscriptionId), inArray(recurringGifts.status, ["active", "past_due"])))
    .run();
  if (changed.changes === 0) return "already cancelled";
  const first = tx.select().from(donations).where(eq(donations.id, gift.firstDonationId)).get();
  if (first) emailMonthlyGiftCancelled(tx, gift.subscriptionId, first);
  return "cancelled";
}

/** The first payment's `charge.success` names the customer: kept, so the subscription and the receipt's manage button find it. */
export function notePaystackCustomer(tx: Tx, donationId: string, data: unknown, now: number): void {
  const parsed = z.object({ customer: z.object({ customer_code: z.string().min(1) }) }).safeParse(data);
  if (!parsed.success) return;
  tx.update(donations)
    .set({ customerId: parsed.data.customer.customer_code, updatedAt: now })
    .where(and(eq(donations.id, donationId), eq(donations.interval, "monthly"), isNull(donations.customerId)))
    .run();
}

/**
 * A fresh page on Paystack where the donor changes the card or stops the monthly gift behind
 * this gift (Paystack's links expire, so one is asked for on each click). Null when the gift is
 * not a running Paystack monthly gift.
 */
export async function paystackManageUrl(donationId: string): Promise<string | null> {
  const row = db
    .select({ gift: recurringGifts })
    .from(donations)
    .innerJoin(recurringGifts, eq(recurringGifts.subscriptionId, donations.subscriptionId))
    .where(eq(donations.id, donationId))
    .get();
  if (!row || row.gift.provider !== "paystack" || row.gift.status === "cancelled") return null;
  const { link } = await subscriptionManageLink(row.gift.subscriptionId);
  return link;
}
