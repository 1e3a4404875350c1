import type { PaymentProvider } from "~db/schema";

// "Cover the fees" (ADR 0030): what a donor adds so the organisation receives the whole gift
// after the payment provider takes its cut. Pure integer arithmetic in minor units; shared by the
// server and the browser, so nothing here may import server code (types only).

/** A provider's price for one payment in one currency, as organisation_settings.feeRates stores it. */
export type FeeRate = {
  /** The percentage part, in hundredths of a percent: 150 is 1.5%. */
  percentBasisPoints: number;
  /** The fixed part, in minor units (₦100 is 10000 kobo). */
  fixed: number;
  /** The fixed part is waived for payments under this amount (minor units); 0: never waived. */
  fixedAbove: number;
  /** The most the provider takes from one payment (minor units), or null for no cap. */
  cap: number | null;
};

export type FeeRateKey = `${PaymentProvider}:${string}`;

export function feeRateKey(provider: PaymentProvider, currency: string): FeeRateKey {
  return `${provider}:${currency}`;
}

/**
 * The providers' published prices for their home cards (December 2026, sources in ADR 0030).
 * Paystack: its price list per country; Stripe: standard domestic cards for an account in the
 * currency's own country. Cards from abroad cost more, so organisers may raise these in settings.
 */
export const DEFAULT_FEE_RATES: Record<FeeRateKey, FeeRate> = {
  "paystack:NGN": { percentBasisPoints: 150, fixed: 100_00, fixedAbove: 2_500_00, cap: 2_000_00 },
  "paystack:USD": { percentBasisPoints: 390, fixed: 0, fixedAbove: 0, cap: null },
  "paystack:GHS": { percentBasisPoints: 195, fixed: 0, fixedAbove: 0, cap: null },
  "paystack:KES": { percentBasisPoints: 290, fixed: 0, fixedAbove: 0, cap: null },
  "paystack:ZAR": { percentBasisPoints: 290, fixed: 1_00, fixedAbove: 0, cap: null },
  "stripe:GBP": { percentBasisPoints: 150, fixed: 20, fixedAbove: 0, cap: null },
  "stripe:EUR": { percentBasisPoints: 150, fixed: 25, fixedAbove: 0, cap: null },
  "stripe:USD": { percentBasisPoints: 290, fixed: 30, fixedAbove: 0, cap: null },
};

/** The rates organisers may change on the settings page: the currencies the organisation works in. */
export const EDITABLE_FEE_RATES = ["paystack:NGN", "paystack:USD", "stripe:GBP", "stripe:EUR", "stripe:USD"] as const satisfies readonly FeeRateKey[];

/** Percentages above this are a typing slip, not a price. */
export const MAX_PERCENT_BASIS_POINTS = 2_000;

// Written as calls, not `1n` literals: the browser build targets engines older than BigInt literals.
const ONE = BigInt(1);
const BASIS_POINTS = BigInt(10_000);

function ceilDiv(numerator: bigint, denominator: bigint): bigint {
  return (numerator + denominator - ONE) / denominator;
}

/** What the provider takes from a payment of `total`: the percentage rounded up, the fixed part unless waived, at most the cap. */
export function providerFee(total: number, rate: FeeRate): number {
  const percent = Number(ceilDiv(BigInt(total) * BigInt(rate.percentBasisPoints), BASIS_POINTS));
  const fixed = total >= rate.fixedAbove ? rate.fixed : 0;
  const fee = percent + fixed;
  return rate.cap === null ? fee : Math.min(fee, rate.cap);
}

/**
 * What to add to `gift` so that the provider's fee on the total leaves the whole gift:
 * total = (gift + fixed) / (1 − rate), rounded up to a whole minor unit, where the fixed part
 * counts only when the total reaches its threshold and the cap, once reached, is simply added.
 * The result is the smallest such addition (checked against `providerFee`, never assumed).
 */
export function feeToCover(gift: number, rate: FeeRate): number {
  if (!Number.isSafeInteger(gift) || gift <= 0) throw new Error(`A gift is a positive whole number of minor units, not ${gift}`);
  const keep = BigInt(10_000 - rate.percentBasisPoints);
  if (keep <= BigInt(0)) throw new Error("A fee of 100% or more cannot be covered");
  const grossUp = (fixed: number) => Number(ceilDiv((BigInt(gift) + BigInt(fixed)) * BASIS_POINTS, keep));
  let total = grossUp(0);
  if (total >= rate.fixedAbove && rate.fixed > 0) total = grossUp(rate.fixed);
  if (rate.cap !== null) total = Math.min(total, gift + rate.cap);
  // Rounding and the waiver's edge can leave a kobo short, or a kobo to spare: settle on the exact least total.
  while (total - providerFee(total, rate) < gift) total += 1;
  while (total - 1 > gift && total - 1 - providerFee(total - 1, rate) >= gift) total -= 1;
  return total - gift;
}
