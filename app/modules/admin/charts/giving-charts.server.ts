import { sql } from "drizzle-orm";
import { db } from "~db/client.server";
import { monthsOf, monthsTableSql, type Period } from "~/modules/journey/index.server";
import { currencyExponent, formatMoney, minorToInput } from "~/utils/money";
import type { ChartData } from "../charts";

// What arrived of a paid gift, less what was refunded (as campaigns' progress counts it).
const NET = sql.raw("coalesce(d.received_amount, d.amount) - d.refunded_amount");

/** Paid gifts by the local month they were paid in, one panel per currency. */
export function givingChart(period: Period): ChartData {
  const months = monthsOf(period);
  const rows = db.all<{ key: string; currency: string; amount: number; gifts: number }>(sql`
    with ${monthsTableSql(months)}
    select months.key as key, d.currency as currency, sum(${NET}) as amount, count(*) as gifts
    from months join donations d on d.paid_at >= months.start_at and d.paid_at < months.end_at and d.status = 'paid'
    group by months.key, d.currency
    order by d.currency, months.key`);
  const currencies = [...new Set(rows.map((row) => row.currency))];
  const amount = (key: string, currency: string) => rows.find((row) => row.key === key && row.currency === currency)?.amount ?? 0;
  const totals = currencies.map((currency) => formatMoney(months.reduce((sum, m) => sum + amount(m.key, currency), 0), currency));
  return {
    id: "giving",
    title: "Giving by month",
    summary: currencies.length ? `Received in this period: ${totals.join(", ")}.` : "No gifts received in this period.",
    kind: "panels",
    unit: "received",
    categories: months.map((m) => m.label),
    series: currencies.map((currency) => ({
      name: currency,
      values: months.map((m) => amount(m.key, currency) / 10 ** currencyExponent(currency)),
    })),
    table: {
      columns: ["Month", "Currency", "Received", "Gifts"],
      rows: rows.map((row) => [row.key, row.currency, minorToInput(row.amount, row.currency), row.gifts]),
    },
  };
}

/** Each campaign open now or given to in the period: what it has raised against its goal. */
export function goalsChart(period: Period): ChartData {
  // Raised since the start is each campaign's kept total (migration 0029); only the period's gifts are read.
  const rows = db.all<{ title: string; currency: string; goal: number; raised: number; inPeriod: number }>(sql`
    with in_period as (
      select d.campaign_id as campaign_id, sum(${NET}) as amount from donations d
      where d.status = 'paid' and d.paid_at >= ${period.fromInstant} and d.paid_at < ${period.toInstant}
      group by d.campaign_id)
    select c.title as title, c.currency as currency, c.goal_amount as goal,
      coalesce(t.raised, 0) as raised, coalesce(p.amount, 0) as inPeriod
    from campaigns c left join campaign_totals t on t.campaign_id = c.id left join in_period p on p.campaign_id = c.id
    where c.status = 'open' or p.amount > 0
    order by c.title`);
  const percents = rows.map((row) => Math.round((row.raised * 100) / row.goal));
  const reached = percents.filter((p) => p >= 100).length;
  return {
    id: "goals",
    title: "Campaigns against their goals",
    summary: rows.length
      ? `${rows.length.toLocaleString("en-GB")} ${rows.length === 1 ? "campaign" : "campaigns"}; ${reached.toLocaleString("en-GB")} reached the goal. ${rows.map((row, i) => `${row.title}: ${formatMoney(row.raised, row.currency)} of ${formatMoney(row.goal, row.currency)} (${percents[i]}%)`).join("; ")}.`
      : "No open campaigns and no gifts in this period.",
    kind: "bars",
    unit: "percent of goal",
    categories: rows.map((row) => row.title),
    series: [{ name: "Raised (% of goal)", values: percents }],
    table: {
      columns: ["Campaign", "Currency", "Goal", "Raised", "Raised in this period", "Of the goal (%)"],
      rows: rows.map((row, i) => [
        row.title,
        row.currency,
        minorToInput(row.goal, row.currency),
        minorToInput(row.raised, row.currency),
        minorToInput(row.inPeriod, row.currency),
        percents[i]!,
      ]),
    },
  };
}
