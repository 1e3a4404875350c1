import type { GiftInterval, PaymentProvider } from "~db/schema";
import { formatMoney, minorToInput } from "~/utils/money";
import { getOrganisation, saveCardFeeSettings } from "~/modules/organisation/index.server";
import { feeFieldNames } from "./fee-schemas";
import { DEFAULT_FEE_RATES, EDITABLE_FEE_RATES, feeRateKey, feeToCover, type FeeRate } from "./fees";
import { cardProviderFor } from "./providers/registry.server";

type Organisation = ReturnType<typeof getOrganisation>;

/** The provider's price as organisers set it, else its published one; null when we know neither. */
export function feeRateFor(provider: PaymentProvider, currency: string, organisation: Organisation = getOrganisation()): FeeRate | null {
  const key = feeRateKey(provider, currency);
  return organisation.feeRates[key] ?? DEFAULT_FEE_RATES[key] ?? null;
}

/** What a donor who ticked "cover the fee" adds to `gift` through `provider`; 0 when it is not offered. */
export function coveredFeeFor(provider: PaymentProvider, currency: string, gift: number, organisation: Organisation = getOrganisation()): number {
  if (!organisation.coverFeesOffered) return 0;
  const rate = feeRateFor(provider, currency, organisation);
  return rate ? feeToCover(gift, rate) : 0;
}

/** "1.5% and ₦100 (the ₦100 only from ₦2,500), at most ₦2,000". */
export function rateInWords(rate: FeeRate, currency: string): string {
  const percent = `${(rate.percentBasisPoints / 100).toLocaleString("en-GB", { maximumFractionDigits: 2 })}%`;
  const fixed = rate.fixed ? ` and ${formatMoney(rate.fixed, currency)}` : "";
  const waiver = rate.fixed && rate.fixedAbove ? ` (the ${formatMoney(rate.fixed, currency)} only from ${formatMoney(rate.fixedAbove, currency)})` : "";
  const cap = rate.cap !== null ? `, at most ${formatMoney(rate.cap, currency)}` : "";
  return `${percent}${fixed}${waiver}${cap}`;
}

export type CoverFeeOffer = {
  organisationName: string;
  providerLabel: string;
  /** For each tier: the fee added and what the donor pays in all, both formatted. */
  tiers: Record<string, { fee: string; total: string; gift: string }>;
  /** How the fee on another amount is worked out, in words. */
  rule: string;
  example: { gift: string; fee: string } | null;
};

/**
 * What the donate page says about covering the card fee, worked out on the server so the page
 * (which ships no JavaScript) can show every figure before the donor pays. Null when it is not offered.
 */
export function coverFeeOffer(campaign: { currency: string; minAmount: number; maxAmount: number }, tiers: { id: string; amount: number; interval: GiftInterval }[]): CoverFeeOffer | null {
  const organisation = getOrganisation();
  if (!organisation.coverFeesOffered) return null;
  const oneOff = cardProviderFor(campaign.currency, "one_off");
  const rate = oneOff ? feeRateFor(oneOff.key, campaign.currency, organisation) : null;
  if (!oneOff || !rate) return null;
  const money = (minor: number) => formatMoney(minor, campaign.currency);
  const byTier: CoverFeeOffer["tiers"] = {};
  for (const tier of tiers) {
    const provider = cardProviderFor(campaign.currency, tier.interval);
    const tierRate = provider ? feeRateFor(provider.key, campaign.currency, organisation) : null;
    if (!tierRate) continue;
    const fee = feeToCover(tier.amount, tierRate);
    byTier[tier.id] = { fee: money(fee), total: money(tier.amount + fee), gift: money(tier.amount) };
  }
  // A round figure inside the campaign's bounds, to make the rule concrete.
  const exampleGift = [10_000, 1_000, 100, 50_000].map((major) => major * 100).find((minor) => minor >= campaign.minAmount && minor <= campaign.maxAmount);
  return {
    organisationName: organisation.name,
    providerLabel: oneOff.label,
    tiers: byTier,
    rule: `${oneOff.label} takes ${rateInWords(rate, campaign.currency)} of each payment`,
    example: exampleGift ? { gift: money(exampleGift), fee: money(feeToCover(exampleGift, rate)) } : null,
  };
}

/** The "Card fees" form's values: the rates in force, as organisers type them. */
export function cardFeeSettings() {
  const organisation = getOrganisation();
  const values: Record<string, string | boolean> = { coverFeesOffered: organisation.coverFeesOffered };
  for (const key of EDITABLE_FEE_RATES) {
    const [provider, currency] = key.split(":") as [PaymentProvider, string];
    const rate = feeRateFor(provider, currency, organisation)!;
    const names = feeFieldNames(key);
    values[names.percent] = String(rate.percentBasisPoints / 100);
    values[names.fixed] = minorToInput(rate.fixed, currency);
    values[names.fixedAbove] = minorToInput(rate.fixedAbove, currency);
    values[names.cap] = rate.cap === null ? "" : minorToInput(rate.cap, currency);
  }
  return values;
}

/**
 * Saves the card-fee settings. Only rates that differ from the published ones are stored, so a
 * rate left as it was follows the code's defaults when a provider changes its price.
 */
export function saveCardFees(actorId: string, values: { coverFeesOffered: boolean; feeRates: Record<string, FeeRate> }): string[] {
  const organisation = getOrganisation();
  const feeRates: Record<string, FeeRate> = {};
  // Rates for currencies not on the form are kept as they were.
  for (const [key, rate] of Object.entries(organisation.feeRates)) if (!(EDITABLE_FEE_RATES as readonly string[]).includes(key)) feeRates[key] = rate;
  for (const [key, rate] of Object.entries(values.feeRates)) {
    const published = DEFAULT_FEE_RATES[key as keyof typeof DEFAULT_FEE_RATES];
    if (!published || JSON.stringify(published) !== JSON.stringify(rate)) feeRates[key] = rate;
  }
  return saveCardFeeSettings({ actorId, coverFeesOffered: values.coverFeesOffered, feeRates });
}
