// Money is an integer count of the currency's minor unit (kobo, cents) beside an ISO 4217 code.
// Shared by server and client: no server-only imports here.

export const SUPPORTED_CURRENCIES = ["NGN", "USD", "GBP", "EUR", "GHS", "KES", "ZAR", "CAD"] as const;
type SupportedCurrency = (typeof SUPPORTED_CURRENCIES)[number];

export function isSupportedCurrency(value: string): value is SupportedCurrency {
  return (SUPPORTED_CURRENCIES as readonly string[]).includes(value);
}

const exponents = new Map<string, number>();

/** Digits after the decimal point in the currency's major unit (2 for NGN and USD, 0 for JPY). */
export function currencyExponent(currency: string): number {
  const code = currency.toUpperCase();
  let exponent = exponents.get(code);
  if (exponent === undefined) {
    exponent = new Intl.NumberFormat("en", { style: "currency", currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
    exponents.set(code, exponent);
  }
  return exponent;
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(currency: string, digits: number): Intl.NumberFormat {
  const key = `${currency}:${digits}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.NumberFormat("en-GB", {
      style: "currency",
      currency,
      currencyDisplay: "narrowSymbol",
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formatters.set(key, found);
  }
  return found;
}

/** "₦5,000" for 500000 kobo; fractions are shown only when there are any ("$12.50"). */
export function formatMoney(minor: number, currency: string): string {
  const code = currency.toUpperCase();
  const exponent = currencyExponent(code);
  const scale = 10 ** exponent;
  const digits = minor % scale === 0 ? 0 : exponent;
  return formatter(code, digits).format(minor / scale);
}

/** The plain major-unit text for an input's value: 500050 kobo → "5000.50", 500000 → "5000". */
export function minorToInput(minor: number, currency: string): string {
  const exponent = currencyExponent(currency);
  const negative = minor < 0;
  const digits = String(Math.abs(Math.trunc(minor))).padStart(exponent + 1, "0");
  const whole = exponent === 0 ? digits : digits.slice(0, -exponent);
  const fraction = exponent === 0 ? "" : digits.slice(-exponent);
  const text = /^0*$/.test(fraction) ? whole : `${whole}.${fraction}`;
  return negative ? `-${text}` : text;
}

const GROUPED = /^\d{1,3}(,\d{3})+(\.\d+)?$/;
const PLAIN = /^\d+(\.\d+)?$/;

/**
 * Reads an amount typed in major units ("5,000", "5000.50", "₦5,000") into minor units with
 * integer arithmetic only. Null when it is not a plain non-negative number, has more decimals
 * than the currency allows, or is too large to count exactly.
 */
export function parseAmount(text: string, currency: string): number | null {
  const code = currency.toUpperCase();
  let value = text.trim().replace(/\s+/g, "");
  if (value.toUpperCase().startsWith(code)) value = value.slice(code.length);
  const symbol = formatter(code, 0)
    .formatToParts(0)
    .find((part) => part.type === "currency")?.value;
  if (symbol && value.startsWith(symbol)) value = value.slice(symbol.length);
  if (!GROUPED.test(value) && !PLAIN.test(value)) return null;
  const [whole, fraction = ""] = value.replace(/,/g, "").split(".");
  const exponent = currencyExponent(code);
  if (fraction.length > exponent) return null;
  const minor = Number(whole) * 10 ** exponent + Number(fraction.padEnd(exponent, "0") || "0");
  if (!Number.isSafeInteger(minor)) return null;
  return minor;
}

/**
 * Why `parseAmount` refused a text, for a message the person can act on: too many digits after
 * the point, too large to be a real amount, or not a number at all.
 */
export function amountProblem(text: string, currency: string): "decimals" | "too_large" | "unreadable" {
  const value = text.replace(/[\s,]/g, "");
  const number = /^[^\d.-]{0,3}(\d+)(?:\.(\d+))?$/.exec(value);
  if (!number) return "unreadable";
  if ((number[2] ?? "").length > currencyExponent(currency)) return "decimals";
  if (number[1].replace(/^0+/, "").length > 12) return "too_large";
  return "unreadable";
}
