import { describe, expect, it } from "vitest";
import { DEFAULT_FEE_RATES, feeToCover, providerFee, type FeeRate } from "~/modules/sponsorship/fees";

const naira = DEFAULT_FEE_RATES["paystack:NGN"];
const pounds = DEFAULT_FEE_RATES["stripe:GBP"];

/** The organisation's share once the provider has taken its fee from gift + covered fee. */
function received(gift: number, rate: FeeRate) {
  const total = gift + feeToCover(gift, rate);
  return total - providerFee(total, rate);
}

describe("what a provider takes", () => {
  it("follows Paystack's Naira price: 1.5% and ₦100, the ₦100 waived under ₦2,500, at most ₦2,000", () => {
    expect(providerFee(5_000_00, naira)).toBe(175_00);
    expect(providerFee(2_000_00, naira)).toBe(30_00);
    expect(providerFee(2_499_99, naira)).toBe(3_750);
    expect(providerFee(2_500_00, naira)).toBe(137_50);
    expect(providerFee(200_000_00, naira)).toBe(2_000_00);
  });

  it("rounds the percentage up to a whole minor unit", () => {
    expect(providerFee(1_01, pounds)).toBe(2 + 20);
    expect(providerFee(10_00, pounds)).toBe(15 + 20);
  });
});

describe("the fee a donor adds", () => {
  it("grosses up so the whole gift arrives: ₦5,000 needs ₦177.67 more", () => {
    // (5,000 + 100) / 0.985 = 5,177.66…, so ₦5,177.67 in all.
    expect(feeToCover(5_000_00, naira)).toBe(177_67);
    expect(received(5_000_00, naira)).toBe(5_000_00);
  });

  it("leaves out the fixed part while the total stays under the waiver threshold, and adds it from there", () => {
    // ₦2,000 / 0.985 = ₦2,030.46: under ₦2,500, so percentage only.
    expect(feeToCover(2_000_00, naira)).toBe(30_46);
    // ₦2,460 / 0.985 = ₦2,497.47 is still under; ₦2,470 / 0.985 = ₦2,507.62 is not, and (₦2,470 + ₦100) / 0.985 = ₦2,609.14, so the ₦100 joins.
    expect(feeToCover(2_460_00, naira)).toBe(37_47);
    expect(feeToCover(2_470_00, naira)).toBe(139_14);
    for (const gift of [2_460_00, 2_462_50, 2_470_00, 2_499_99]) expect(received(gift, naira)).toBe(gift);
  });

  it("adds no more than the cap once the fee reaches it", () => {
    // Above about ₦125,000 the fee is the ₦2,000 cap, added as it is.
    expect(feeToCover(200_000_00, naira)).toBe(2_000_00);
    expect(feeToCover(1_000_000_00, naira)).toBe(2_000_00);
    expect(received(200_000_00, naira)).toBe(200_000_00);
    // Just under the cap the gross-up is still cheaper than the cap.
    const near = 120_000_00;
    expect(feeToCover(near, naira)).toBeLessThan(2_000_00);
    expect(received(near, naira)).toBe(near);
  });

  it("is the least addition that works, for every small gift", () => {
    for (const rate of [naira, pounds, DEFAULT_FEE_RATES["paystack:USD"], DEFAULT_FEE_RATES["stripe:USD"]]) {
      for (let gift = 1; gift <= 5_000; gift += 7) {
        const fee = feeToCover(gift, rate);
        expect(received(gift, rate)).toBeGreaterThanOrEqual(gift);
        const one = gift + fee - 1;
        expect(one - providerFee(one, rate)).toBeLessThan(gift);
      }
    }
  });

  it("works in whole minor units for very large gifts and refuses nonsense", () => {
    const huge = 9_000_000_000_000;
    expect(Number.isSafeInteger(feeToCover(huge, pounds))).toBe(true);
    expect(received(huge, pounds)).toBe(huge);
    expect(() => feeToCover(0, naira)).toThrow();
    expect(() => feeToCover(1.5, naira)).toThrow();
    expect(() => feeToCover(100, { ...naira, percentBasisPoints: 10_000 })).toThrow();
    expect(feeToCover(100_00, { percentBasisPoints: 0, fixed: 0, fixedAbove: 0, cap: null })).toBe(0);
  });
});
