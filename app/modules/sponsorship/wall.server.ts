import { and, desc, eq, gt, isNull, ne, sql } from "drizzle-orm";
import { db } from "~db/client.server";
import { campaignTotals, campaigns, donations } from "~db/schema";
import { runningTotals } from "~/utils/running-totals.server";
import { pageWindow } from "~/utils/paging";

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

// Kept per campaign by triggers on every gift (migration 0029, ADR 0055): a row per campaign.
const overallCountStatement = db
  .select({ n: sql<number>`coalesce(sum(${campaignTotals.listed}), 0)` })
  .from(campaignTotals)
  .innerJoin(campaigns, eq(campaigns.id, campaignTotals.campaignId))
  .where(ne(campaigns.status, "draft"))
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
  const { page: current, pageCount } = pageWindow(page, total, WALL_PAGE_SIZE);
  const entries = overallPageStatement.all({ offset: (current - 1) * WALL_PAGE_SIZE }).map(present);
  return { entries, page: current, pageCount };
}

// A campaign's gifts are all in its currency. Donors are counted once per currency however many
// campaigns they gave to, so they are a running total of their own, not a sum over campaigns.
const totalsStatement = db
  .select({
    currency: campaigns.currency,
    raised: sql<number>`sum(${campaignTotals.raised})`,
    gifts: sql<number>`sum(${campaignTotals.gifts})`,
  })
  .from(campaignTotals)
  .innerJoin(campaigns, eq(campaigns.id, campaignTotals.campaignId))
  .where(and(ne(campaigns.status, "draft"), gt(campaignTotals.gifts, 0)))
  .groupBy(campaigns.currency)
  .orderBy(campaigns.currency)
  .prepare();

/** Everything given (paid, less refunds) per currency, unlisted gifts included; never added across currencies. */
export function totalsByCurrency(): RaisedTotal[] {
  const rows = totalsStatement.all();
  const donors = runningTotals(rows.map((row) => `wall_donors:${row.currency}`));
  return rows.map((row) => ({ currency: row.currency, raised: Number(row.raised), gifts: Number(row.gifts), donors: donors[`wall_donors:${row.currency}`] }));
}
