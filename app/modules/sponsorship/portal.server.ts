import { eq } from "drizzle-orm";
import { db } from "~db/client.server";
import { donations } from "~db/schema";
import { findReceipt, receiptUrl } from "./receipts.server";
import { requireStripe } from "./stripe-client.server";

/**
 * A Stripe Customer Portal session for the monthly gift behind a receipt, for whoever may see
 * that receipt. Null when the viewer may not, or the gift is not an active monthly one.
 */
export async function portalUrlForReceipt(donationId: string, viewer: { userId?: string | null; token?: string | null }): Promise<string | null> {
  const receipt = findReceipt(donationId, viewer);
  if (!receipt?.canManage) return null;
  const row = db.select({ customerId: donations.customerId }).from(donations).where(eq(donations.id, donationId)).get();
  if (!row?.customerId) return null;
  const session = await requireStripe().billingPortal.sessions.create({
    customer: row.customerId,
    return_url: receiptUrl(donationId, viewer.token ?? undefined),
  });
  return session.url;
}
