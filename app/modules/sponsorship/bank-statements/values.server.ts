import type { DateOrder } from "./schemas";
import { parseAmount } from "~/utils/money";

// Cells as banks write them: "15,000.00", "NGN 15,000.00", "(2,500.00)", "1,000.00 CR";
// "05-Nov-2026", "05/11/2026", "2026-11-05 14:03:11". Money stays in integers throughout.

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12 };

const YEAR_FIRST = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(.*)$/;
const NUMERIC = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(.*)$/;
const DAY_MONTH_NAME = /^(\d{1,2})[-/. ]([A-Za-z]{3,9})[-/. ,]+(\d{4}|\d{2})(.*)$/;
const MONTH_NAME_DAY = /^([A-Za-z]{3,9})[-/. ](\d{1,2}),?[-/. ]+(\d{4})(.*)$/;
// Whatever follows the date must be a time of day, or nothing.
const TIME_OR_NOTHING = /^(?:[ T]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[AaPp][Mm])?)?\s*$/;

function monthNumber(name: string): number | null {
  const key = name.toLowerCase();
  return MONTHS[key] ?? MONTHS[key.slice(0, 3)] ?? null;
}

function isoDay(year: number, month: number, day: number): string | null {
  const full = year < 100 ? 2000 + year : year;
  const date = new Date(Date.UTC(full, month - 1, day));
  if (date.getUTCFullYear() !== full || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(full).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * A statement's date cell as "YYYY-MM-DD", or null when it is not a date (a summary line).
 * Month names and four-digit years first are read the same whatever `order` says; `order`
 * settles only all-number dates such as 05/11/2026, which Nigerian banks write day first.
 */
export function parseStatementDate(text: string, order: DateOrder = "dmy"): string | null {
  const value = text.trim();
  let match = YEAR_FIRST.exec(value);
  if (match && TIME_OR_NOTHING.test(match[4])) return isoDay(Number(match[1]), Number(match[2]), Number(match[3]));
  match = DAY_MONTH_NAME.exec(value);
  if (match && TIME_OR_NOTHING.test(match[4])) {
    const month = monthNumber(match[2]);
    return month ? isoDay(Number(match[3]), month, Number(match[1])) : null;
  }
  match = MONTH_NAME_DAY.exec(value);
  if (match && TIME_OR_NOTHING.test(match[4])) {
    const month = monthNumber(match[1]);
    return month ? isoDay(Number(match[3]), month, Number(match[2])) : null;
  }
  match = NUMERIC.exec(value);
  if (match && TIME_OR_NOTHING.test(match[4])) {
    const [first, second, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
    return order === "mdy" ? isoDay(year, first, second) : isoDay(year, second, first);
  }
  return null;
}

/** An amount cell: minor units (negative for a debit written as one), 0 for an empty cell, null when unreadable. */
export function parseStatementAmount(text: string, currency: string): number | null {
  let value = text.trim().replace(/\s+/g, " ");
  if (value === "" || value === "-") return 0;
  let sign = 1;
  const marker = /\s?(CR|DR|C|D)$/i.exec(value);
  if (marker) {
    if (marker[1].toUpperCase().startsWith("D")) sign = -1;
    value = value.slice(0, marker.index).trim();
  }
  if (/^\(.*\)$/.test(value)) {
    sign = -sign;
    value = value.slice(1, -1).trim();
  }
  if (value.startsWith("-")) {
    sign = -sign;
    value = value.slice(1).trim();
  }
  const minor = parseAmount(value, currency);
  if (minor === null) return null;
  return minor === 0 ? 0 : sign * minor;
}
