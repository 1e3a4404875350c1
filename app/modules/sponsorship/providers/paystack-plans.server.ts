import { and, desc, eq, isNotNull } from "drizzle-orm";
import { db } from "~db/client.server";
import { donations, recurringGifts } from "~db/schema";
import { formatMoney } from "~/utils/money";
import { createPlan } from "./paystack-client.server";

/**
 * The Paystack plan a monthly gift of this amount follows. A plan only fixes the amount, the
 * currency and "monthly", so donors giving the same amount share one: the code is taken from an
 * earlier gift of that amount when there is one, else Paystack makes a new plan.
 */
export async function monthlyPlanFor(amount: number, currency: string): Promise<string> {
  const known = db
    .select({ planCode: recurringGifts.planCode })
    .from(recurringGifts)
    .innerJoin(donations, eq(donations.id, recurringGifts.firstDonationId))
    .where(and(eq(recurringGifts.provider, "paystack"), isNotNull(recurringGifts.planCode), eq(donations.amount, amount), eq(donations.currency, currency)))
    .orderBy(desc(recurringGifts.createdAt))
    .get();
  if (known?.planCode) return known.planCode;
  const plan = await createPlan({ name: `Monthly gift of ${formatMoney(amount, currency)}`, amount, currency });
  if (plan.amount !== amount || plan.currency.toUpperCase() !== currency) throw new Error("Paystack made a plan for another amount");
  return plan.plan_code;
}
