import { eq } from "drizzle-orm";
import { absoluteUrl } from "~/utils/urls.server";
import Stripe from "stripe";
import { db } from "~db/client.server";
import { campaigns, campaignTiers, donations } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { logger } from "~/utils/logger.server";
import { fulfilCheckoutSession } from "./fulfilment.server";
import { stripeClient } from "./stripe-client.server";
import { thanksViewOf, type ThanksView } from "./thanks-view.server";

type DonationRow = typeof donations.$inferSelect;

/** Where Checkout sends the donor back; Stripe fills in `{CHECKOUT_SESSION_ID}` itself. */
function checkoutReturnUrls(slug: string) {
  const base = absoluteUrl(`/donate/${encodeURIComponent(slug)}`);
  return {
    success_url: `${base}/thanks?session_id={CHECKOUT_SESSION_ID}`,
    cancel_url: `${base}?cancelled=1`,
  };
}

/**
 * The Checkout Session for a pending card gift. Every amount comes from the stored donation
 * row, which the donate action filled from the campaign's tier or a validated custom amount.
 */
export function checkoutSessionParams(donationId: string): { params: Stripe.Checkout.SessionCreateParams; donation: DonationRow } {
  const row = db
    .select({ donation: donations, campaign: campaigns, tierName: campaignTiers.name })
    .from(donations)
    .innerJoin(campaigns, eq(campaigns.id, donations.campaignId))
    .leftJoin(campaignTiers, eq(campaignTiers.id, donations.tierId))
    .where(eq(donations.id, donationId))
    .get();
  if (!row) throw new Error(`No donation ${donationId}`);
  const { donation, campaign } = row;
  if (donation.method !== "card") throw new Error(`Donation ${donationId} is not a card gift`);
  if (donation.status !== "pending") throw new Error(`Donation ${donationId} is ${donation.status}, not pending`);
  const monthly = donation.interval === "monthly";
  const metadata = { donation_id: donation.id, campaign_id: campaign.id };
  const name = row.tierName ? `${campaign.title}: ${row.tierName}` : `Gift to ${campaign.title}`;
  const params: Stripe.Checkout.SessionCreateParams = {
    mode: monthly ? "subscription" : "payment",
    line_items: [
      {
        quantity: 1,
        price_data: {
          currency: donation.currency.toLowerCase(),
          unit_amount: donation.amount,
          product_data: { name: name.slice(0, 250) },
          ...(monthly ? { recurring: { interval: "month" as const } } : {}),
        },
      },
    ],
    metadata,
    client_reference_id: donation.id,
    customer_email: donation.donorEmail,
    ...checkoutReturnUrls(campaign.slug),
    ...(monthly
      ? { subscription_data: { metadata } }
      : { payment_intent_data: { metadata, description: name.slice(0, 250) }, submit_type: "donate" as const }),
  };
  return { params, donation };
}

/**
 * What the thanks page shows after Checkout: asks Stripe for the session (the donor may arrive
 * before the webhook does), runs the same fulfilment as the webhook, then reports the gift's
 * real state. Null for a session that is not a gift to this campaign.
 */
export async function syncCheckoutSession(slug: string, sessionId: string, viewerUserId: string | null): Promise<ThanksView | null> {
  if (!/^[A-Za-z0-9_]{1,255}$/.test(sessionId)) return null;
  // Every session we send donors to was stored first: anything else is not asked of Stripe, so
  // made-up addresses cannot spend the account's API rate limit.
  const known = db
    .select({ slug: campaigns.slug })
    .from(donations)
    .innerJoin(campaigns, eq(campaigns.id, donations.campaignId))
    .where(eq(donations.checkoutSessionId, sessionId))
    .get();
  if (!known || known.slug !== slug) return null;
  const stripe = stripeClient();
  let confirmed = false;
  if (stripe) {
    try {
      const session = await stripe.checkout.sessions.retrieve(sessionId);
      db.transaction((tx) => fulfilCheckoutSession(tx, session, clock.now()), { behavior: "immediate" });
      confirmed = true;
    } catch (error) {
      if (error instanceof Stripe.errors.StripeInvalidRequestError) return null;
      // Stripe unreachable: the stored state is still the truth, and the webhook will follow.
      logger.warn({ sessionId, reason: (error as Error).message }, "could not retrieve checkout session");
    }
  }
  const row = db
    .select({ donation: donations, campaignTitle: campaigns.title, slug: campaigns.slug })
    .from(donations)
    .innerJoin(campaigns, eq(campaigns.id, donations.campaignId))
    .where(eq(donations.checkoutSessionId, sessionId))
    .get();
  if (!row || row.slug !== slug) return null;
  return thanksViewOf(row, viewerUserId, confirmed);
}
