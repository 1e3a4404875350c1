import { and, eq, ne } from "drizzle-orm";
import { db } from "~db/client.server";
import { donations, recurringGifts } from "~db/schema";
import { absoluteUrl } from "~/utils/urls.server";
import { ownedBy, type Donor } from "./giving.server";
import { manageRecurringGiftUrl } from "./providers/registry.server";
import { findReceipt, receiptUrl } from "./receipts.server";
import { requireStripe } from "./stripe-client.server";

/**
 * The page where the monthly gift behind a receipt is managed, for whoever may see that receipt:
 * Stripe's Customer Portal, or Paystack's manage page for a gift through Paystack. Null when the
 * viewer may not, or the gift is not an active monthly one.
 */
export async function portalUrlForReceipt(donationId: string, viewer: { userId?: string | null; token?: string | null }): Promise<string | null> {
  const receipt = findReceipt(donationId, viewer);
  if (!receipt?.canManage) return null;
  const row = db
    .select({ customerId: donations.customerId, provider: recurringGifts.provider })
    .from(donations)
    .leftJoin(recurringGifts, eq(recurringGifts.subscriptionId, donations.subscriptionId))
    .where(eq(donations.id, donationId))
    .get();
  if (!row?.customerId) return null;
  if (row.provider && row.provider !== "stripe") return manageRecurringGiftUrl(row.provider, donationId);
  const session = await requireStripe().billingPortal.sessions.create({
    customer: row.customerId,
    return_url: receiptUrl(donationId, viewer.token ?? undefined),
  });
  return session.url;
}

/**
 * The same page, from the donor's own giving page: for a running monthly gift that is theirs (as
 * `ownedBy` says), by its subscription. Null for anyone else's gift, a cancelled one, or none.
 */
export async function manageUrlForMyMonthlyGift(donor: Donor, subscriptionId: string): Promise<string | null> {
  const row = db
    .select({ gift: recurringGifts })
    .from(recurringGifts)
    .innerJoin(donations, eq(donations.id, recurringGifts.firstDonationId))
    .where(and(eq(recurringGifts.subscriptionId, subscriptionId), ne(recurringGifts.status, "cancelled"), ownedBy(donor)))
    .get();
  if (!row) return null;
  if (row.gift.provider !== "stripe") return manageRecurringGiftUrl(row.gift.provider, row.gift.firstDonationId);
  const session = await requireStripe().billingPortal.sessions.create({ customer: row.gift.customerId, return_url: absoluteUrl("/me/giving") });
  return session.url;
}
