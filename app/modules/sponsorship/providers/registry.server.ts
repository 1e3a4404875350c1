import { eq } from "drizzle-orm";
import { db } from "~db/client.server";
import { donations, type GiftInterval, type PaymentMethod } from "~db/schema";
import { bankTransferProvider } from "./bank-transfer.server";
import { paystackProvider } from "./paystack.server";
import { stripeProvider } from "./stripe.server";
import type { GivingChoices } from "../donate-schemas";
import { refuse } from "~/utils/refusal";
import type { OnlineProviderKey, PaymentProvider, ProviderKey, RefundOutcome, RefundRequest, ThanksView, WebhookDelivery, WebhookReply } from "./types";

type OnlineProvider = PaymentProvider<OnlineProviderKey>;

const ONLINE: Record<OnlineProviderKey, OnlineProvider> = { stripe: stripeProvider, paystack: paystackProvider };
const PROVIDERS: Record<ProviderKey, PaymentProvider> = { ...ONLINE, bank_transfer: bankTransferProvider };

function takes(provider: PaymentProvider, currency: string, interval: GiftInterval): boolean {
  return (provider.currencies === "any" || provider.currencies.has(currency)) && provider.intervals.has(interval);
}

/** Whether a provider is switched on and can take a gift in this currency and interval. */
function offers(provider: PaymentProvider, currency: string, interval: GiftInterval): boolean {
  return takes(provider, currency, interval) && provider.available();
}

/**
 * Who is asked first for a currency (ADR 0027): Paystack for the currencies of its own markets,
 * where local cards, transfers and USSD work; Stripe for everything else, US dollars included,
 * since those are sponsors abroad. The next in line takes over when the first is not set up.
 */
function preference(currency: string): OnlineProvider[] {
  const paystackFirst = paystackProvider.currencies !== "any" && paystackProvider.currencies.has(currency) && currency !== "USD";
  return paystackFirst ? [paystackProvider, stripeProvider] : [stripeProvider, paystackProvider];
}

/** The provider a donor pays through by card for a gift in this currency and interval, or null when none can take it. */
export function cardProviderFor(currency: string, interval: GiftInterval = "one_off"): OnlineProvider | null {
  return preference(currency).find((provider) => offers(provider, currency, interval)) ?? null;
}

export type GivingOptions = GivingChoices;

/** What the donate page offers for a campaign: only what is set up and switched on for its currency. */
export function givingOptionsFor(campaign: { currency: string }): GivingOptions {
  const card = cardProviderFor(campaign.currency);
  return {
    card: card ? { key: card.key, label: card.label } : null,
    monthly: cardProviderFor(campaign.currency, "monthly") !== null,
    bankTransfer: offers(bankTransferProvider, campaign.currency, "one_off"),
  };
}

/** Whether any online payment is possible: for a currency, or (without one) at all. */
export function cardPaymentsAvailable(currency?: string): boolean {
  if (currency) return cardProviderFor(currency) !== null;
  return Object.values(ONLINE).some((provider) => provider.available());
}

type GiftWay = { method: PaymentMethod; provider: OnlineProviderKey | null };

/** The provider that takes (or took) a gift; null for cash and in-kind gifts. Card gifts from before providers were recorded are Stripe's. */
function providerOf(gift: GiftWay): PaymentProvider | null {
  if (gift.method === "bank_transfer") return bankTransferProvider;
  if (gift.method === "card") return ONLINE[gift.provider ?? "stripe"];
  return null;
}

function giftWay(donationId: string): GiftWay | undefined {
  return db.select({ method: donations.method, provider: donations.provider }).from(donations).where(eq(donations.id, donationId)).get();
}

/** Sends a pending gift to where it is paid: the provider recorded on it, or our page with the bank details. */
export async function startGiftPayment(donationId: string): Promise<string> {
  const gift = giftWay(donationId);
  const provider = gift ? providerOf(gift) : null;
  if (!provider) throw new Error(`No gift ${donationId} to pay online`);
  return provider.startPayment(donationId);
}

/** The thanks page after a provider's checkout: the provider whose return it is confirms it. Null: no such gift here. */
export async function confirmGiftReturn(slug: string, query: URLSearchParams, viewerUserId: string | null): Promise<ThanksView | null> {
  const provider = Object.values(ONLINE).find((candidate) => candidate.ownsReturn?.(query));
  return provider?.confirmReturn ? provider.confirmReturn(slug, query, viewerUserId) : null;
}

/** A fresh page on the provider's site where the donor manages a monthly gift; null when it has none for this gift. */
export function manageRecurringGiftUrl(key: ProviderKey, donationId: string): Promise<string | null> {
  const manage = PROVIDERS[key].manageRecurringUrl;
  return manage ? manage(donationId) : Promise.resolve(null);
}

/** How a gift is refunded: through which provider, and whether the organisation sends the money itself. Null: not refunded from here. */
export function refundWayOf(gift: GiftWay): { via: string; byHand: boolean } | null {
  const provider = providerOf(gift);
  if (!provider?.refund) return null;
  return provider === bankTransferProvider ? { via: "bank transfer", byHand: true } : { via: provider.label, byHand: false };
}

/** Refunds a gift through the provider that took it, or records the refund the organisation sent by transfer. */
export async function refundDonation(request: RefundRequest): Promise<RefundOutcome> {
  const gift = giftWay(request.donationId);
  if (!gift) return refuse("We could not find that gift.", { status: 404 });
  const provider = providerOf(gift);
  if (!provider?.refund) return refuse("Cash and in-kind gifts are not refunded from here.");
  return provider.refund(request);
}

/** A webhook delivery to `/webhooks/<provider>`. */
export function handleProviderWebhook(key: OnlineProviderKey, delivery: WebhookDelivery): WebhookReply {
  const handle = ONLINE[key].handleWebhook;
  if (!handle) return { status: 400, body: "This provider sends no webhooks." };
  return handle(delivery);
}
