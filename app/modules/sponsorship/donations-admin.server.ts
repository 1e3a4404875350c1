import { TZDate } from "@date-fns/tz";
import { and, asc, desc, eq, gte, lt, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { db, likePattern } from "~db/client.server";
import { campaigns, donations, users, type DonationStatus, type PaymentMethod } from "~db/schema";
import { DONATION_STATUS_OPTIONS, MONTH_PATTERN } from "./donations-admin-schemas";
import { receiveTransfer, arrivalInstant } from "./transfer-received.server";
import { amountReceived } from "./receipt-facts.server";
import { METHOD_OPTIONS } from "~/modules/sponsorship/donate-schemas";
import { getOrganisation, recordAudit } from "~/modules/organisation/index.server";
import { refuse, type Outcome } from "~/utils/refusal";
import { isoDate } from "~/utils/dates";
import { parseAmount } from "~/utils/money";
import { clock } from "~/utils/clock.server";

const DONATIONS_PAGE_SIZE = 50;

type DonationFilters = {
  campaignId: string;
  status: DonationStatus | "";
  method: PaymentMethod | "";
  /** "2026-11": the month of the gift's date (paid, else pledged) in the organisation's time zone. */
  month: string;
  /** Part of the donor's name or email, or of the transfer reference. */
  q: string;
};

const oneOf = <T extends string>(options: readonly T[], value: string | null): T | "" =>
  options.includes(value as T) ? (value as T) : "";

/** Reads the filters from a query string; anything unknown is treated as "no filter". */
export function readDonationFilters(params: URLSearchParams): DonationFilters {
  const month = params.get("month") ?? "";
  return {
    campaignId: (params.get("campaign") ?? "").slice(0, 64),
    status: oneOf(DONATION_STATUS_OPTIONS, params.get("status")),
    method: oneOf(METHOD_OPTIONS, params.get("method")),
    month: MONTH_PATTERN.test(month) ? month : "",
    q: (params.get("q") ?? "").trim().slice(0, 200),
  };
}

/** The filters as query parameters (empty ones left out), for pagination and the CSV link. */
export function filterParams(filters: DonationFilters): Record<string, string> {
  const entries: [string, string][] = [
    ["campaign", filters.campaignId],
    ["status", filters.status],
    ["method", filters.method],
    ["month", filters.month],
    ["q", filters.q],
  ];
  return Object.fromEntries(entries.filter(([, value]) => value !== ""));
}

/** [start, end) of a calendar month in a time zone, as UTC instants. */
function monthRange(month: string, timeZone: string): [number, number] {
  const [, y, m] = MONTH_PATTERN.exec(month)!.map(Number);
  return [new TZDate(y, m - 1, 1, timeZone).getTime(), new TZDate(y, m, 1, timeZone).getTime()];
}

/** "2026-11" for an instant, in a time zone. */
function monthOf(instant: number, timeZone: string): string {
  const date = new TZDate(instant, timeZone);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}`;
}

const giftDate = sql<number>`coalesce(${donations.paidAt}, ${donations.createdAt})`;

function whereOf(filters: DonationFilters, timeZone: string): SQL | undefined {
  const conditions: SQL[] = [];
  if (filters.campaignId) conditions.push(eq(donations.campaignId, filters.campaignId));
  if (filters.status) conditions.push(eq(donations.status, filters.status));
  if (filters.method) conditions.push(eq(donations.method, filters.method));
  if (filters.month) {
    const [start, end] = monthRange(filters.month, timeZone);
    conditions.push(gte(giftDate, start), lt(giftDate, end));
  }
  if (filters.q) {
    const pattern = likePattern(filters.q);
    conditions.push(
      or(
        sql`${donations.donorName} like ${pattern} escape '\\'`,
        sql`${donations.donorEmail} like ${pattern} escape '\\'`,
        sql`${donations.reference} like ${pattern} escape '\\'`,
      )!,
    );
  }
  return conditions.length ? and(...conditions) : undefined;
}

const listColumns = {
  id: donations.id,
  campaignId: donations.campaignId,
  campaignTitle: campaigns.title,
  amount: donations.amount,
  receivedAmount: donations.receivedAmount,
  currency: donations.currency,
  interval: donations.interval,
  method: donations.method,
  status: donations.status,
  donorName: donations.donorName,
  donorEmail: donations.donorEmail,
  recognition: donations.recognition,
  message: donations.message,
  reference: donations.reference,
  receiptNumber: donations.receiptNumber,
  refundedAmount: donations.refundedAmount,
  createdAt: donations.createdAt,
  paidAt: donations.paidAt,
  date: giftDate,
};

function selectList() {
  return db.select(listColumns).from(donations).innerJoin(campaigns, eq(campaigns.id, donations.campaignId));
}

export type DonationListRow = ReturnType<ReturnType<typeof selectList>["all"]>[number];

/** Money that arrived and stayed: paid gifts net of refunds (a fully refunded gift counts 0). */
export function receivedOf(row: { status: DonationStatus; amount: number; receivedAmount: number | null; refundedAmount: number }): number {
  return row.status === "paid" || row.status === "refunded" ? Math.max(0, amountReceived(row) - row.refundedAmount) : 0;
}

/** What is left to refund: a paid card gift or transfer less what was refunded already; 0 for cash, in-kind and anything unpaid. */
export function refundableOf(donation: { method: PaymentMethod; status: DonationStatus; amount: number; receivedAmount: number | null; refundedAmount: number }): number {
  const refundable = donation.method === "card" || donation.method === "bank_transfer";
  return refundable && donation.status === "paid" ? amountReceived(donation) - donation.refundedAmount : 0;
}

type DonationTotal = { currency: string; gifts: number; amount: number; received: number };
type MonthTotal = { month: string; currency: string; gifts: number; received: number };

/** Totals of every gift the filters match (all pages): by currency, and by month and currency, newest month first. */
function totalsOf(filters: DonationFilters, timeZone: string) {
  const rows = db
    .select({ currency: donations.currency, amount: donations.amount, receivedAmount: donations.receivedAmount, refundedAmount: donations.refundedAmount, status: donations.status, date: giftDate })
    .from(donations)
    .where(whereOf(filters, timeZone))
    .all();
  const byCurrency = new Map<string, DonationTotal>();
  const byMonth = new Map<string, MonthTotal>();
  for (const row of rows) {
    const received = receivedOf(row);
    const currency = byCurrency.get(row.currency) ?? { currency: row.currency, gifts: 0, amount: 0, received: 0 };
    currency.gifts += 1;
    currency.amount += row.amount;
    currency.received += received;
    byCurrency.set(row.currency, currency);
    const month = monthOf(row.date, timeZone);
    const key = `${month}|${row.currency}`;
    const total = byMonth.get(key) ?? { month, currency: row.currency, gifts: 0, received: 0 };
    total.gifts += 1;
    total.received += received;
    byMonth.set(key, total);
  }
  return {
    count: rows.length,
    byCurrency: [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
    byMonth: [...byMonth.values()].sort((a, b) => b.month.localeCompare(a.month) || a.currency.localeCompare(b.currency)),
  };
}

/** One page of gifts matching the filters, newest first, with totals over all the matching gifts. */
export function listDonations({ filters, page, timeZone }: { filters: DonationFilters; page: number; timeZone: string }) {
  const where = whereOf(filters, timeZone);
  // The totals read every matching gift already, so they also give the count.
  const { count: total, ...totals } = totalsOf(filters, timeZone);
  const pageCount = Math.max(1, Math.ceil(total / DONATIONS_PAGE_SIZE));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pageCount);
  const rows = selectList()
    .where(where)
    .orderBy(desc(giftDate), desc(donations.createdAt), asc(donations.id))
    .limit(DONATIONS_PAGE_SIZE)
    .offset((current - 1) * DONATIONS_PAGE_SIZE)
    .all();
  return { rows, total, page: current, pageCount, totals };
}

/** Every gift matching the filters, newest first: the CSV export. */
/** The gifts the filters select, for the spreadsheet; the export of donors' data is audited. */
export function donationsForExport({ filters, timeZone, actorId }: { filters: DonationFilters; timeZone: string; actorId: string }): DonationListRow[] {
  const rows = selectList()
    .where(whereOf(filters, timeZone))
    .orderBy(desc(giftDate), desc(donations.createdAt), asc(donations.id))
    .all();
  recordAudit(db, { actorId, action: "donations.exported", targetType: "donations", details: { rows: rows.length, filters: filterParams(filters) } });
  return rows;
}

/** The campaigns for the filter's list, newest first. */
export function campaignChoices(): { id: string; title: string }[] {
  return db.select({ id: campaigns.id, title: campaigns.title }).from(campaigns).orderBy(desc(campaigns.createdAt), asc(campaigns.id)).all();
}

const confirmer = alias(users, "confirmer");

/** One gift with its campaign and, for a transfer, who confirmed it; undefined when there is none. */
export function donationDetail(id: string) {
  return db
    .select({
      donation: donations,
      campaignTitle: campaigns.title,
      campaignSlug: campaigns.slug,
      confirmedByName: confirmer.name,
    })
    .from(donations)
    .innerJoin(campaigns, eq(campaigns.id, donations.campaignId))
    .leftJoin(confirmer, eq(confirmer.id, donations.confirmedBy))
    .where(eq(donations.id, id))
    .get();
}

/** An organiser opening one gift: the donor's name, address and message (audited, NDPA). */
export function viewDonation(id: string, viewerId: string) {
  const found = donationDetail(id);
  if (found) recordAudit(db, { actorId: viewerId, action: "donation.viewed", targetType: "donation", targetId: id });
  return found;
}

/** Done, or done already (a second click, or two organisers at once); refused for a gift that is not a waiting transfer. */
type MarkReceivedResult = Outcome<{ already: boolean }>;

/** "2026-11-05" naming a real day (not 2026-02-30). */
function isCalendarDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/**
 * An organiser saw the transfer arrive: the pledge becomes a paid gift with a receipt for what
 * arrived (sent by the fulfilment, once). The amount and day typed are what reached the account
 * (a partial or an over payment is taken as it is); left empty, the pledged amount and today.
 * Posting it again, or twice at once, changes nothing the second time.
 */
export function markTransferReceived({
  donationId,
  actorId,
  receivedAmount,
  receivedOn,
}: {
  donationId: string;
  actorId: string;
  /** Major units as typed ("5,000.50"). */
  receivedAmount?: string;
  /** "2026-11-05", in the organisation's time zone. */
  receivedOn?: string;
}): MarkReceivedResult {
  const now = clock.now();
  const { timeZone } = getOrganisation();
  let paidAt = now;
  if (receivedOn) {
    if (!isCalendarDay(receivedOn)) {
      return refuse("Enter the day the money arrived, like 2026-11-05.", { field: "receivedOn" });
    }
    if (receivedOn > isoDate(now, timeZone)) return refuse("The day the money arrived cannot be in the future.", { field: "receivedOn" });
    paidAt = arrivalInstant(receivedOn, timeZone, now);
  }
  return db.transaction(
    (tx): MarkReceivedResult => {
      let received: number | null = null;
      if (receivedAmount) {
        const currency = tx.select({ currency: donations.currency }).from(donations).where(eq(donations.id, donationId)).get()?.currency ?? "NGN";
        received = parseAmount(receivedAmount, currency);
        if (received === null) return refuse("Enter the amount that arrived, like 5000 or 5,000.50.", { field: "receivedAmount" });
        if (received <= 0) return refuse("Enter the amount that arrived: more than 0.", { field: "receivedAmount" });
      }
      return receiveTransfer(tx, { donationId, actorId, received, paidAt, now, via: { by: "hand" } });
    },
    { behavior: "immediate" },
  );
}
