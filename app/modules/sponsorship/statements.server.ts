import { clock } from "~/utils/clock.server";
import { TZDate } from "@date-fns/tz";
import { and, asc, eq, gte, isNotNull, lt, max, min, sql } from "drizzle-orm";
import { db } from "~db/client.server";
import { campaigns, campaignTiers, donations, type PaymentMethod } from "~db/schema";
import { isoDate } from "~/utils/dates";
import { minorToInput } from "~/utils/money";
import { ownedBy, type Donor } from "./giving.server";
import { toCsv } from "~/utils/csv.server";
import { INTERVAL_LABELS } from "~/modules/sponsorship/campaign-schemas";
import { METHOD_LABELS } from "~/modules/sponsorship/donate-schemas";
import { amountReceived, type Benefit, NOTHING_IN_RETURN_FOR_ANY, SOME_IN_RETURN } from "./receipt-facts.server";

// Statements list money that arrived: paid gifts, and refunded ones with what was given back.
// The unary plus keeps SQLite on the person's own gifts (by account, by email) instead of walking
// `donations_paid_idx` through everyone's paid gifts.
const settledSql = sql`+${donations.status} in ('paid', 'refunded')`;
const paidAtSql = sql<number>`+${donations.paidAt}`;

const FIRST_YEAR = 2000;

/** A year as written in the address, or null when it is not a plausible one. */
export function parseStatementYear(value: string | undefined): number | null {
  if (!value || !/^\d{4}$/.test(value)) return null;
  const year = Number(value);
  return year >= FIRST_YEAR && year <= 2100 ? year : null;
}

function yearOf(instant: number, timeZone: string): number {
  return new TZDate(instant, timeZone).getFullYear();
}

/** The years, newest first, in which the person has a paid gift (in the organisation's time zone): one boundary per year, not a date per gift. */
export function statementYears(donor: Donor, timeZone: string): number[] {
  const settled = and(ownedBy(donor), settledSql, isNotNull(paidAtSql));
  const span = db.select({ first: min(donations.paidAt), last: max(donations.paidAt) }).from(donations).where(settled).get();
  if (span?.first == null || span.last == null) return [];
  const [firstYear, lastYear] = [yearOf(span.first, timeZone), yearOf(span.last, timeZone)];
  const years = Array.from({ length: lastYear - firstYear + 1 }, (_, i) => firstYear + i);
  const yearSql = sql<number>`case ${sql.join(
    years.map((year) => sql`when ${donations.paidAt} < ${new TZDate(year + 1, 0, 1, timeZone).getTime()} then ${year}`),
    sql` `,
  )} end`;
  const rows = db.selectDistinct({ year: yearSql }).from(donations).where(settled).all();
  return rows.map((row) => Number(row.year)).sort((a, b) => b - a);
}

type StatementLine = {
  paidAt: number;
  receiptNumber: string;
  campaignTitle: string;
  amount: number;
  refundedAmount: number;
  net: number;
  currency: string;
  method: PaymentMethod;
  /** What an in-kind gift was; its amount is the fair value. */
  giftDescription: string;
  interval: "one_off" | "monthly";
  /** What the donor got back for this gift, from its tier; null for nothing. */
  inReturn: Benefit | null;
};

type Statement = { year: number; issuedAt: number; lines: StatementLine[]; totals: { currency: string; gifts: number; net: number }[] };

/** The person's paid gifts in one calendar year, oldest first, with totals per currency. */
export function yearStatement(donor: Donor, year: number, timeZone: string): Statement {
  const start = new TZDate(year, 0, 1, timeZone).getTime();
  const end = new TZDate(year + 1, 0, 1, timeZone).getTime();
  const rows = db
    .select({ donation: donations, campaignTitle: campaigns.title, benefitDescription: campaignTiers.benefitDescription, benefitValue: campaignTiers.benefitValue })
    .from(donations)
    .innerJoin(campaigns, eq(campaigns.id, donations.campaignId))
    .leftJoin(campaignTiers, eq(campaignTiers.id, donations.tierId))
    .where(and(ownedBy(donor), settledSql, gte(paidAtSql, start), lt(paidAtSql, end)))
    .orderBy(asc(donations.paidAt), asc(donations.id))
    .all();
  const lines: StatementLine[] = rows.map(({ donation: d, campaignTitle, benefitDescription, benefitValue }) => ({
    paidAt: d.paidAt!,
    receiptNumber: d.receiptNumber ?? "",
    campaignTitle,
    amount: amountReceived(d),
    refundedAmount: d.refundedAmount,
    net: Math.max(0, amountReceived(d) - d.refundedAmount),
    currency: d.currency,
    method: d.method,
    giftDescription: d.giftDescription,
    interval: d.interval,
    inReturn: benefitDescription ? { description: benefitDescription, value: benefitValue ?? 0 } : null,
  }));
  const totals = new Map<string, { currency: string; gifts: number; net: number }>();
  for (const line of lines) {
    const total = totals.get(line.currency) ?? { currency: line.currency, gifts: 0, net: 0 };
    total.gifts += 1;
    total.net += line.net;
    totals.set(line.currency, total);
  }
  return { year, issuedAt: clock.now(), lines, totals: [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency)) };
}

/** The statement's closing word on what donors got back: nothing, or what is named beside some gifts. */
export function statementInReturn(statement: Pick<Statement, "lines">): string {
  return statement.lines.some((line) => line.inReturn) ? SOME_IN_RETURN : NOTHING_IN_RETURN_FOR_ANY;
}

/** The statement as CSV: amounts as plain major-unit numbers beside their currency. */
export function statementCsv(statement: Statement, timeZone: string): string {
  const header = ["Date", "Receipt number", "Campaign", "Amount", "Refunded", "Net", "Currency", "Method", "Gift"];
  const lines = statement.lines.map((line) => [
    isoDate(line.paidAt, timeZone),
    line.receiptNumber,
    line.campaignTitle,
    minorToInput(line.amount, line.currency),
    minorToInput(line.refundedAmount, line.currency),
    minorToInput(line.net, line.currency),
    line.currency,
    METHOD_LABELS[line.method],
    INTERVAL_LABELS[line.interval],
  ]);
  // Totals stay on the printable statement: inside the data they would be summed as one more gift.
  return toCsv([header, ...lines]);
}
