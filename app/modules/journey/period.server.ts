import { sql, type SQL } from "drizzle-orm";
import { TZDate } from "@date-fns/tz";
import { getOrganisation } from "~/modules/organisation/index.server";
import { clock } from "~/utils/clock.server";
import { isoDate } from "~/utils/dates";
import { refuseFields, type Outcome } from "~/utils/refusal";
import { PERIOD_KINDS, type Period, type PeriodInput, type PeriodKind } from "./period";

const LONGEST_DAYS = 5 * 366;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The first instant of a calendar day in the time zone, or null for text that is not a real day. */
function startOfDay(day: string, timeZone: string): number | null {
  const match = DAY_PATTERN.exec(day);
  if (!match) return null;
  const [year, month, date] = match.slice(1).map(Number) as [number, number, number];
  const start = new TZDate(year, month - 1, date, 0, 0, 0, timeZone);
  if (start.getFullYear() !== year || start.getMonth() !== month - 1 || start.getDate() !== date) return null;
  return start.getTime();
}

function nextDay(day: string): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
}

function previousDay(day: string): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date - 1)).toISOString().slice(0, 10);
}

// Made once: `toLocaleDateString` with options builds a new formatter on every call.
const dayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const monthFormat = new Intl.DateTimeFormat("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });

const formatDay = (day: string) => dayFormat.format(new Date(`${day}T12:00:00Z`));

/** The calendar days of this month, quarter or year in the organisation's time zone. */
function currentDays(kind: Exclude<PeriodKind, "custom">, timeZone: string): [string, string] {
  const today = isoDate(clock.now(), timeZone);
  const [year, month] = today.split("-").map(Number) as [number, number];
  const firstMonth = kind === "month" ? month : kind === "quarter" ? month - ((month - 1) % 3) : 1;
  const months = kind === "month" ? 1 : kind === "quarter" ? 3 : 12;
  const first = new Date(Date.UTC(year, firstMonth - 1, 1)).toISOString().slice(0, 10);
  const afterLast = new Date(Date.UTC(year, firstMonth - 1 + months, 1)).toISOString().slice(0, 10);
  return [first, previousDay(afterLast)];
}

/** Reads `?period=&from=&to=`: this month when nothing is chosen; custom days are inclusive. */
export function readPeriod(params: URLSearchParams): Outcome<{ period: Period }> {
  const { timeZone } = getOrganisation();
  const kind = (PERIOD_KINDS as readonly string[]).includes(params.get("period") ?? "") ? (params.get("period") as PeriodKind) : "month";
  const input: PeriodInput = { period: kind, from: (params.get("from") ?? "").trim(), to: (params.get("to") ?? "").trim() };
  if (kind !== "custom") {
    const [firstDay, lastDay] = currentDays(kind, timeZone);
    return { ok: true, period: resolved(input, firstDay, lastDay, timeZone) };
  }
  const errors: Record<string, string[]> = {};
  const fromInstant = startOfDay(input.from, timeZone);
  const lastInstant = startOfDay(input.to, timeZone);
  if (fromInstant === null) errors.from = ["Enter the first day as a date, like 2026-01-31"];
  if (lastInstant === null) errors.to = ["Enter the last day as a date, like 2026-03-31"];
  if (fromInstant !== null && lastInstant !== null) {
    if (input.to < input.from) errors.to = ["The last day must be the same as or after the first day"];
    else if ((lastInstant - fromInstant) / 86_400_000 > LONGEST_DAYS) errors.to = ["Choose a period of at most five years"];
  }
  if (Object.keys(errors).length) return refuseFields(errors);
  return { ok: true, period: resolved(input, input.from, input.to, timeZone) };
}

function resolved(input: PeriodInput, firstDay: string, lastDay: string, timeZone: string): Period {
  return {
    ...input,
    fromInstant: startOfDay(firstDay, timeZone)!,
    toInstant: startOfDay(nextDay(lastDay), timeZone)!,
    firstDay,
    lastDay,
    label: `${formatDay(firstDay)} to ${formatDay(lastDay)}`,
  };
}

/** This month, for a page whose chosen period could not be read. */
export function defaultPeriod(): Period {
  const { timeZone } = getOrganisation();
  const [firstDay, lastDay] = currentDays("month", timeZone);
  return resolved({ period: "month", from: "", to: "" }, firstDay, lastDay, timeZone);
}

export type Month = { key: string; label: string; start: number; end: number };

/** The calendar months the period touches, each as instants in the organisation's time zone. */
export function monthsOf(period: Pick<Period, "fromInstant" | "toInstant">): Month[] {
  const { timeZone } = getOrganisation();
  const months: Month[] = [];
  let [year, month] = isoDate(period.fromInstant, timeZone).split("-").map(Number) as [number, number];
  for (;;) {
    const start = new TZDate(year, month - 1, 1, 0, 0, 0, timeZone).getTime();
    if (start >= period.toInstant) break;
    const end = new TZDate(year, month, 1, 0, 0, 0, timeZone).getTime();
    const key = `${year}-${String(month).padStart(2, "0")}`;
    const label = monthFormat.format(new Date(Date.UTC(year, month - 1, 15)));
    months.push({ key, label, start: Math.max(start, period.fromInstant), end: Math.min(end, period.toInstant) });
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  return months;
}

/** The months as a table for SQL: `months(key, start_at, end_at)`, to group rows by local month. */
export function monthsTableSql(months: Month[]): SQL {
  const rows = months.length ? months : [{ key: "", start: 0, end: 0 }];
  return sql`months(key, start_at, end_at) as (values ${sql.join(
    rows.map((m) => sql`(${m.key}, ${m.start}, ${m.end})`),
    sql`, `,
  )})`;
}
