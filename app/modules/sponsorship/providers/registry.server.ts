import { eq } from "drizzle-orm";
import { db } from "~db/client.server";
import { donations, type GiftInterval } from "~db/schema";
import { getOrganisation } from "~/modules/organisation/index.server";
import { paystackProvider } from "./paystack.server";
import { stripeProvider } from "./stripe.server";
import type { GivingChoices } from "../donate-schemas";
import { refuse } from "~/utils/refusal";
import type { PaymentProvider, ProviderKey, RefundOutcome, RefundRequest, ThanksView, WebhookDelivery, WebhookReply } from "./types";

const PROVIDERS: Record<ProviderKey, PaymentProvider> = { stripe: stripeProvider, paystack: paystackProvider };

function takes(provider: PaymentProvider, currency: string, interval: GiftInterval): boolean {
  return (provider.currencies === "any" || provider.currencies.has(currency)) && provider.intervals.has(interval);
}

/**
 * Who is asked first for a currency (ADR 0027): Paystack for the currencies of its own markets,
 * where local cards, transfers and USSD work; Stripe for everything else, US dollars included,
 * since those are sponsors abroad. The next in line takes over when the first is not set up.
 */
function preference(currency: string): PaymentProvider[] {
  const paystackFirst = paystackProvider.currencies !== "any" && paystackProvider.currencies.has(currency) && currency !== "USD";
  return paystackFirst ? [paystackProvider, stripeProvider] : [stripeProvider, paystackProvider];
}

/** The provider a donor pays through for a gift in this currency and interval, or null when none can take it. */
export function cardProviderFor(currency: string, interval: GiftInterval = "one_off"): PaymentProvider | null {
  return preference(currency).find((provider) => takes(provider, currency, interval) && provider.available()) ?? null;
}

export type GivingOptions = GivingChoices;

/** What the donate page offers for a campaign: only what is set up and switched on for its currency. */
export function givingOptionsFor(campaign: { currency: string }): GivingOptions {
  const card = cardProviderFor(campaign.currency);
  return {
    card: card ? { key: card.key, label: card.label } : null,
    monthly: cardProviderFor(campaign.currency, "monthly") !== null,
    bankTransfer: getOrganisation().bankTransferEnabled,
  };
}

/** Whether any online payment is possible: for a currency, or (without one) at all. */
export function cardPaymentsAvailable(currency?: string): boolean {
  if (currency) return cardProviderFor(currency) !== null;
  return Object.values(PROVIDERS).some((provider) => provider.available());
}

/** Sends a pending card gift to the provider recorded on it; gifts from before providers were recorded are Stripe's. */
export async function startCardCheckout(donationId: string): Promise<string> {
  const row = db.select({ provider: donations.provider }).from(donations).where(eq(donations.id, donationId)).get();
  if (!row) throw new Error(`No donation ${donationId}`);
  return PROVIDERS[row.provider ?? "stripe"].startPayment(donationId);
}

/** The thanks page after a provider's checkout: the provider whose return it is confirms it. Null: no such gift here. */
export async function confirmGiftReturn(slug: string, query: URLSearchParams, viewerUserId: string | null): Promise<ThanksView | null> {
  const provider = Object.values(PROVIDERS).find((candidate) => candidate.ownsReturn(query));
  return provider ? provider.confirmReturn(slug, query, viewerUserId) : null;
}

/** A fresh page on the provider's site where the donor manages a monthly gift; null when it has none for this gift. */
export function manageRecurringGiftUrl(key: ProviderKey, donationId: string): Promise<string | null> {
  const manage = PROVIDERS[key].manageRecurringUrl;
  return manage ? manage(donationId) : Promise.resolve(null);
}

/** Refunds a gift through the provider that took it; gifts from before providers were recorded are Stripe's. */
export async function refundDonation(request: RefundRequest): Promise<RefundOutcome> {
  const row = db.select({ provider: donations.provider }).from(donations).where(eq(donations.id, request.donationId)).get();
  if (!row) return refuse("We could not find that gift.", { status: 404 });
  const provider = PROVIDERS[row.provider ?? "stripe"];
  if (!provider.refund) return refuse(`Gifts through ${provider.label} cannot be refunded from here yet.`);
  return provider.refund(request);
}

/** A webhook delivery to `/webhooks/<provider>`. */
export function handleProviderWebhook(key: ProviderKey, delivery: WebhookDelivery): WebhookReply {
  return PROVIDERS[key].handleWebhook(delivery);
}
