import { TZDate } from "@date-fns/tz";
import { and, eq, gte, isNotNull, lt, sql } from "drizzle-orm";
import { db } from "~db/client.server";
import { donations } from "~db/schema";
import { filterValues, giftDateSql, perShape, shapeOf, type DonationFilters } from "./donation-filters.server";
import { keptAmountSql } from "./received.server";
import { whileUnchanged } from "~/utils/data-version.server";

// The donations page's totals over every gift the filters match, counted by SQLite: the rows never
// come to JavaScript, and months are told apart by their boundaries (one per month), not per gift.

type DonationTotal = { currency: string; gifts: number; amount: number; received: number };
type MonthTotal = { month: string; currency: string; gifts: number; received: number };

// The first and the last gift date, each found at one end of `donations_gift_date_idx`.
const firstDateStatement = perShape((where) => db.select({ at: sql<number | null>`min(${giftDateSql})` }).from(donations).where(where).prepare());
const lastDateStatement = perShape((where) => db.select({ at: sql<number | null>`max(${giftDateSql})` }).from(donations).where(where).prepare());

// The months as rows for SQL, from a JSON array of [key, start, end] (one placeholder, so the
// statement keeps one shape however many months there are).
const months = db.$with("months", { key: sql<string>`key`.as("key"), startAt: sql<number>`start_at`.as("start_at"), endAt: sql<number>`end_at`.as("end_at") }).as(
  sql`select value ->> 0 as key, value ->> 1 as start_at, value ->> 2 as end_at from json_each(${sql.placeholder("months")})`,
);

// Every currency any gift is in, each found by one step along `donations_currency_date_idx` (a
// self-referencing CTE, so recursive in SQLite without the keyword).
const currencies = db.$with("currencies", { code: sql<string | null>`code`.as("code") }).as(
  sql`select min(${donations.currency}) as code from ${donations}
      union all
      select (select min(${donations.currency}) from ${donations} where ${donations.currency} > currencies.code) from currencies where currencies.code is not null`,
);

/**
 * One row per month and currency, its figures counted by a subquery that reads just that
 * currency's range of the month from `donations_currency_date_idx`: no sorting of the gifts, so
 * the cost is the matching gifts plus a little per month, never a sort of them all.
 */
const byMonthStatement = perShape((where) =>
  db
    .with(months, currencies)
    .select({
      month: months.key,
      currency: currencies.code,
      figures: sql<string>`(select json_array(count(*), sum(${donations.amount}), sum(${keptAmountSql})) from ${donations} where ${and(
        eq(donations.currency, currencies.code),
        gte(giftDateSql, months.startAt),
        lt(giftDateSql, months.endAt),
        where,
      )})`,
    })
    .from(months)
    .crossJoin(currencies)
    .where(isNotNull(currencies.code))
    .orderBy(sql`${months.key} desc`, sql`${currencies.code}`)
    .prepare(),
);

type MonthBoundary = [key: string, start: number, end: number];

/** Each calendar month (in the time zone) from the one holding `first` to the one holding `last`, with its [start, end) instants. */
export function monthsBetween(first: number, last: number, timeZone: string): MonthBoundary[] {
  const from = new TZDate(first, timeZone);
  const to = new TZDate(last, timeZone);
  const lastIndex = to.getFullYear() * 12 + to.getMonth();
  const result: MonthBoundary[] = [];
  let [year, month] = [from.getFullYear(), from.getMonth()];
  let start = new TZDate(year, month, 1, timeZone).getTime();
  while (year * 12 + month <= lastIndex) {
    const end = new TZDate(year, month + 1, 1, timeZone).getTime();
    result.push([`${year}-${String(month + 1).padStart(2, "0")}`, start, end]);
    start = end;
    [year, month] = month === 11 ? [year + 1, 0] : [year, month + 1];
  }
  return result;
}

type Totals = { count: number; byCurrency: DonationTotal[]; byMonth: MonthTotal[] };

/**
 * Totals of every gift the filters match (all pages): by currency, and by month and currency,
 * newest month first. They sum every matching gift, so they are kept while nothing is written.
 */
export function donationTotals(filters: DonationFilters, timeZone: string): Totals {
  return whileUnchanged(`donation-totals:${timeZone}:${JSON.stringify(filters)}`, () => sumTotals(filters, timeZone));
}

function sumTotals(filters: DonationFilters, timeZone: string): Totals {
  const shape = shapeOf(filters);
  const values = filterValues(filters, timeZone);
  const first = firstDateStatement(shape).get(values)?.at;
  const last = lastDateStatement(shape).get(values)?.at;
  if (first == null || last == null) return { count: 0, byCurrency: [], byMonth: [] };
  const rows = byMonthStatement(shape)
    .all({ ...values, months: JSON.stringify(monthsBetween(first, last, timeZone)) })
    .map((row) => {
      const [gifts, amount, received] = JSON.parse(row.figures) as [number, number | null, number | null];
      return { month: row.month, currency: row.currency!, gifts, amount: amount ?? 0, received: received ?? 0 };
    })
    .filter((row) => row.gifts > 0);
  // Every matching gift falls in exactly one month, so the months add up to the currencies' totals.
  const byCurrency = new Map<string, DonationTotal>();
  for (const row of rows) {
    const total = byCurrency.get(row.currency) ?? { currency: row.currency, gifts: 0, amount: 0, received: 0 };
    total.gifts += row.gifts;
    total.amount += row.amount;
    total.received += row.received;
    byCurrency.set(row.currency, total);
  }
  return {
    count: rows.reduce((sum, row) => sum + row.gifts, 0),
    byCurrency: [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
    byMonth: rows.map(({ month, currency, gifts, received }) => ({ month, currency, gifts, received })),
  };
}
