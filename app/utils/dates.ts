import { TZDate } from "@date-fns/tz";
import { formatISO } from "date-fns";

/**
 * Turns a local date and time typed by an organiser ("2026-12-03T14:30", as sent by
 * `<input type="datetime-local">`) in `timeZone` into a UTC instant in milliseconds.
 * Returns null for text that is not such a date and time.
 */
export function localInputToInstant(value: string, timeZone: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number);
  const date = new TZDate(y, mo - 1, d, h, mi, 0, timeZone);
  if (Number.isNaN(date.getTime()) || date.getMonth() !== mo - 1 || date.getDate() !== d) return null;
  return date.getTime();
}

/** The value for `<input type="datetime-local">` showing `instant` in `timeZone`. */
export function instantToLocalInput(instant: number, timeZone: string): string {
  const date = new TZDate(instant, timeZone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * An instant as ISO 8601 with the zone's offset, as spreadsheets and other programs read it:
 * "2026-11-23T06:11:00+01:00" (UTC too is written as "+00:00", so a column has one shape).
 */
export function isoDateTime(instant: number, timeZone: string): string {
  return formatISO(new TZDate(instant, timeZone)).replace(/Z$/, "+00:00");
}

/** The calendar day of an instant in the time zone, as ISO 8601: "2026-11-23". */
export function isoDate(instant: number, timeZone: string): string {
  return formatISO(new TZDate(instant, timeZone), { representation: "date" });
}

const FORMATS = {
  dateTime: { weekday: "long", day: "numeric", month: "long", year: "numeric", hour: "numeric", minute: "2-digit", hourCycle: "h12" },
  date: { weekday: "short", day: "numeric", month: "short", year: "numeric" },
  time: { hour: "numeric", minute: "2-digit", hourCycle: "h12" },
  compact: { dateStyle: "medium", timeStyle: "short" },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

// Making a formatter costs far more than using one, and lists format many dates: keep them.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(kind: keyof typeof FORMATS, timeZone: string, locale: string): Intl.DateTimeFormat {
  const key = `${kind}|${timeZone}|${locale}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, { timeZone, ...FORMATS[kind] });
    formatters.set(key, found);
  }
  return found;
}

/** "Thursday 3 December 2026, 2:30 pm", in the organisation's time zone. */
export function formatDateTime(instant: number, timeZone: string, locale = "en-GB"): string {
  return formatter("dateTime", timeZone, locale).format(instant);
}

export function formatDate(instant: number, timeZone: string, locale = "en-GB"): string {
  return formatter("date", timeZone, locale).format(instant);
}

export function formatTime(instant: number, timeZone: string, locale = "en-GB"): string {
  return formatter("time", timeZone, locale).format(instant);
}

/** An instant as organisers read it in tables: "25 Nov 2026, 19:49". */
export function formatInstant(instant: number, timeZone: string, locale = "en-GB"): string {
  return formatter("compact", timeZone, locale).format(instant);
}
