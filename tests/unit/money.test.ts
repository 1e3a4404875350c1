import { describe, expect, it } from "vitest";
import { amountProblem, currencyExponent, formatMoney, isSupportedCurrency, minorToInput, parseAmount, SUPPORTED_CURRENCIES } from "~/utils/money";

describe("currencyExponent", () => {
  it("knows the minor units of the currencies we take", () => {
    for (const currency of ["NGN", "USD", "GBP", "EUR"]) expect(currencyExponent(currency)).toBe(2);
    expect(currencyExponent("JPY")).toBe(0);
    expect(currencyExponent("kwd")).toBe(3);
  });

  it("lists at least naira, dollars, pounds and euros", () => {
    expect(SUPPORTED_CURRENCIES).toEqual(expect.arrayContaining(["NGN", "USD", "GBP", "EUR"]));
    expect(isSupportedCurrency("NGN")).toBe(true);
    expect(isSupportedCurrency("XYZ")).toBe(false);
  });
});

describe("formatMoney", () => {
  it("shows whole amounts without decimals and others with all of them", () => {
    expect(formatMoney(500000, "NGN")).toBe("₦5,000");
    expect(formatMoney(500050, "NGN")).toBe("₦5,000.50");
    expect(formatMoney(1250, "USD")).toBe("$12.50");
    expect(formatMoney(1, "GBP")).toBe("£0.01");
    expect(formatMoney(100_000_000_00, "EUR")).toBe("€100,000,000");
    expect(formatMoney(0, "NGN")).toBe("₦0");
  });

  it("does not lose kobo on large amounts", () => {
    expect(formatMoney(123_456_789_01, "NGN")).toBe("₦123,456,789.01");
  });
});

describe("parseAmount", () => {
  it("reads plain and grouped amounts into minor units", () => {
    expect(parseAmount("5000", "NGN")).toBe(500000);
    expect(parseAmount("5,000", "NGN")).toBe(500000);
    expect(parseAmount("5000.50", "NGN")).toBe(500050);
    expect(parseAmount("5000.5", "NGN")).toBe(500050);
    expect(parseAmount("1,234,567.89", "USD")).toBe(123456789);
    expect(parseAmount("  12.05 ", "USD")).toBe(1205);
    expect(parseAmount("₦5,000", "NGN")).toBe(500000);
    expect(parseAmount("NGN 5000", "NGN")).toBe(500000);
    expect(parseAmount("0.29", "USD")).toBe(29);
    expect(parseAmount("5 000", "NGN")).toBe(500000);
  });

  it("rejects more decimals than the currency has", () => {
    expect(parseAmount("5000.505", "NGN")).toBeNull();
    expect(parseAmount("10.5", "JPY")).toBeNull();
    expect(parseAmount("10", "JPY")).toBe(10);
  });

  it("rejects anything that is not a plain non-negative number", () => {
    for (const text of ["", " ", "-5", "5e3", "abc", "5,00", "50,0000", "1.2.3", "5.", ".5", "0x10", "Infinity", "NaN", "$5", "5,000,"]) {
      expect(parseAmount(text, "NGN"), text).toBeNull();
    }
  });

  it("rejects amounts too large to count exactly", () => {
    expect(parseAmount("99999999999999999", "NGN")).toBeNull();
  });

  it("round-trips with minorToInput", () => {
    for (const minor of [1, 50, 100, 500050, 123456789]) {
      expect(parseAmount(minorToInput(minor, "NGN"), "NGN")).toBe(minor);
    }
    expect(minorToInput(500000, "NGN")).toBe("5000");
    expect(minorToInput(5, "USD")).toBe("0.05");
    expect(minorToInput(10, "JPY")).toBe("10");
  });
});

describe("amountProblem", () => {
  it("says why an amount was refused, so the message can help", () => {
    expect(amountProblem("5,000.505", "NGN")).toBe("decimals");
    expect(amountProblem("₦12.345", "NGN")).toBe("decimals");
    expect(amountProblem("99999999999999999", "NGN")).toBe("too_large");
    expect(amountProblem("100,000,000,000,000,000", "USD")).toBe("too_large");
    for (const text of ["1e3", "٣", "-5", "0x10", "Infinity", "1,00", "abc", ""]) expect(amountProblem(text, "NGN")).toBe("unreadable");
  });
});
