import { asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { db, likePattern } from "~db/client.server";
import { campaigns, donations, users, type DonationStatus, type PaymentMethod } from "~db/schema";
import { filterParams, filterValues, giftDateSql, perShape, shapeOf, type DonationFilters } from "./donation-filters.server";
import { donationTotals } from "./donation-totals.server";
import { receiveTransfer, arrivalInstant } from "./transfer-received.server";
import { amountReceived } from "./receipt-facts.server";
import { getOrganisation, recordAudit } from "~/modules/organisation/index.server";
import { refuse, type Outcome } from "~/utils/refusal";
import { isoDate } from "~/utils/dates";
import { parseAmount } from "~/utils/money";
import { clock } from "~/utils/clock.server";
import { shortList, type ShortList } from "~/utils/short-list";
import { pageWindow } from "~/utils/paging";

const DONATIONS_PAGE_SIZE = 50;

const exportColumns = {
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
  date: giftDateSql,
};

// The page shows fewer columns than the spreadsheet: no messages, recognition or raw instants.
const pageColumns = {
  id: donations.id,
  campaignTitle: campaigns.title,
  amount: donations.amount,
  currency: donations.currency,
  interval: donations.interval,
  method: donations.method,
  status: donations.status,
  donorName: donations.donorName,
  donorEmail: donations.donorEmail,
  reference: donations.reference,
  receiptNumber: donations.receiptNumber,
  refundedAmount: donations.refundedAmount,
  date: giftDateSql,
};

const newestFirst = [desc(giftDateSql), desc(donations.createdAt), asc(donations.id)];

const exportStatement = perShape((where) =>
  db.select(exportColumns).from(donations).innerJoin(campaigns, eq(campaigns.id, donations.campaignId)).where(where).orderBy(...newestFirst).prepare(),
);

const pageStatement = perShape((where) =>
  db
    .select(pageColumns)
    .from(donations)
    .innerJoin(campaigns, eq(campaigns.id, donations.campaignId))
    .where(where)
    .orderBy(...newestFirst)
    .limit(sql.placeholder("limit"))
    .offset(sql.placeholder("offset"))
    .prepare(),
);

export type DonationListRow = ReturnType<ReturnType<typeof exportStatement>["all"]>[number];

/** Money that arrived and stayed: paid gifts net of refunds (a fully refunded gift counts 0). `donation-totals` sums the same rule in SQL. */
export function receivedOf(row: { status: DonationStatus; amount: number; receivedAmount: number | null; refundedAmount: number }): number {
  return row.status === "paid" || row.status === "refunded" ? Math.max(0, amountReceived(row) - row.refundedAmount) : 0;
}

/** What is left to refund: a paid card gift or transfer less what was refunded already; 0 for cash, in-kind and anything unpaid. */
export function refundableOf(donation: { method: PaymentMethod; status: DonationStatus; amount: number; receivedAmount: number | null; refundedAmount: number }): number {
  const refundable = donation.method === "card" || donation.method === "bank_transfer";
  return refundable && donation.status === "paid" ? amountReceived(donation) - donation.refundedAmount : 0;
}

/** One page of gifts matching the filters, newest first, with totals over all the matching gifts. */
export function listDonations({ filters, page, timeZone }: { filters: DonationFilters; page: number; timeZone: string }) {
  // The totals count every matching gift already, so they also give the count.
  const { count: total, ...totals } = donationTotals(filters, timeZone);
  const { page: current, pageCount } = pageWindow(page, total, DONATIONS_PAGE_SIZE);
  const rows = pageStatement(shapeOf(filters)).all({ ...filterValues(filters, timeZone), limit: DONATIONS_PAGE_SIZE, offset: (current - 1) * DONATIONS_PAGE_SIZE });
  return { rows, total, page: current, pageCount, totals };
}

/** The gifts the filters select, newest first, for the spreadsheet; the export of donors' data is audited. */
export function donationsForExport({ filters, timeZone, actorId }: { filters: DonationFilters; timeZone: string; actorId: string }): DonationListRow[] {
  const rows = exportStatement(shapeOf(filters)).all(filterValues(filters, timeZone));
  recordAudit(db, { actorId, action: "donations.exported", targetType: "donations", details: { rows: rows.length, filters: filterParams(filters) } });
  return rows;
}

/** The campaigns for the filter's list, newest first. */
const campaignChoicesStatement = db.select({ id: campaigns.id, title: campaigns.title }).from(campaigns).orderBy(desc(campaigns.createdAt), asc(campaigns.id)).prepare();

export function campaignChoices(): { id: string; title: string }[] {
  return campaignChoicesStatement.all();
}

/**
 * A short list of campaigns to choose one from (the message form): the `limit` made last, only
 * those whose title contains `find` when it is given, and always the `chosen` ones.
 */
export function recentCampaignChoices({ find, chosen, limit }: { find: string; chosen: string[]; limit: number }): ShortList {
  const read = (where: SQL | undefined, count: number) =>
    db.select({ id: campaigns.id, name: campaigns.title }).from(campaigns).where(where).orderBy(desc(campaigns.createdAt), asc(campaigns.id)).limit(count).all();
  return shortList(read(find ? sql`${campaigns.title} like ${likePattern(find)} escape '\\'` : undefined, limit + 1), limit, chosen, (missing) => read(inArray(campaigns.id, missing), missing.length));
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
