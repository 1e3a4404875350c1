import { and, desc, eq, isNull, ne, sql } from "drizzle-orm";
import { db } from "~db/client.server";
import { campaigns, donations } from "~db/schema";
import { receivedAmountSql } from "./received.server";

export type WallEntry = {
  id: string;
  /** The donor's name, or "Anonymous". */
  name: string;
  message: string;
  paidAt: number | null;
  campaignTitle: string;
  campaignSlug: string;
};

type RaisedTotal = { currency: string; raised: number; gifts: number; donors: number };

const WALL_PAGE_SIZE = 30;

// Listed gifts only: unlisted donors never appear, and monthly renewals do not repeat a name.
const listed = and(eq(donations.status, "paid"), ne(donations.recognition, "unlisted"), isNull(donations.parentDonationId));

function present(row: { id: string; recognition: string; donorName: string; message: string; paidAt: number | null; campaignTitle: string; campaignSlug: string }): WallEntry {
  const named = row.recognition === "named";
  return {
    id: row.id,
    name: named ? row.donorName : "Anonymous",
    message: row.message,
    paidAt: row.paidAt,
    campaignTitle: row.campaignTitle,
    campaignSlug: row.campaignSlug,
  };
}

const entryColumns = {
  id: donations.id,
  recognition: donations.recognition,
  donorName: donations.donorName,
  message: donations.message,
  paidAt: donations.paidAt,
  campaignTitle: campaigns.title,
  campaignSlug: campaigns.slug,
};

// The walls are on public pages seen on every visit: their statements are prepared once.
const campaignWallStatement = db
  .select(entryColumns)
  .from(donations)
  .innerJoin(campaigns, eq(campaigns.id, donations.campaignId))
  .where(and(eq(donations.campaignId, sql.placeholder("campaignId")), listed))
  .orderBy(desc(donations.paidAt), desc(donations.id))
  .limit(sql.placeholder("limit"))
  .prepare();

const overallWhere = and(listed, ne(campaigns.status, "draft"));

// Campaigns first (a cross join keeps SQLite to that order), then each one's gifts from
// `donations_campaign_progress_idx` alone, rather than every paid gift's row.
const overallCountStatement = db
  .select({ n: sql<number>`count(*)` })
  .from(campaigns)
  .crossJoin(donations)
  .where(and(eq(campaigns.id, donations.campaignId), overallWhere))
  .prepare();

const overallPageStatement = db
  .select(entryColumns)
  .from(donations)
  .innerJoin(campaigns, eq(campaigns.id, donations.campaignId))
  .where(overallWhere)
  .orderBy(desc(donations.paidAt), desc(donations.id))
  .limit(WALL_PAGE_SIZE)
  .offset(sql.placeholder("offset"))
  .prepare();

/** The newest listed gifts to one campaign. */
export function campaignWall(campaignId: string, limit = WALL_PAGE_SIZE): WallEntry[] {
  return campaignWallStatement.all({ campaignId, limit }).map(present);
}

/** The overall wall, newest first, a page at a time; draft campaigns stay out of it. */
export function overallWall(page: number): { entries: WallEntry[]; page: number; pageCount: number } {
  const total = overallCountStatement.get()!.n;
  const pageCount = Math.max(1, Math.ceil(total / WALL_PAGE_SIZE));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pageCount);
  const entries = overallPageStatement.all({ offset: (current - 1) * WALL_PAGE_SIZE }).map(present);
  return { entries, page: current, pageCount };
}

const totalsStatement = db
  .select({
    currency: donations.currency,
    raised: sql<number>`coalesce(sum(${receivedAmountSql} - ${donations.refundedAmount}), 0)`,
    gifts: sql<number>`count(*)`,
    // As a campaign's progress counts donors, so the progress index alone answers it.
    donors: sql<number>`count(distinct case when lower(${donations.donorEmail}) = '' then ${donations}.rowid else lower(${donations.donorEmail}) end)`,
  })
  .from(campaigns)
  .crossJoin(donations)
  .where(and(eq(campaigns.id, donations.campaignId), eq(donations.status, "paid"), ne(campaigns.status, "draft")))
  .groupBy(donations.currency)
  .orderBy(donations.currency)
  .prepare();

/** Everything given (paid, less refunds) per currency, unlisted gifts included; never added across currencies. */
export function totalsByCurrency(): RaisedTotal[] {
  return totalsStatement.all().map((row) => ({ ...row, raised: Number(row.raised), gifts: Number(row.gifts), donors: Number(row.donors) }));
}
