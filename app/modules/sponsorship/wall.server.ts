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

/** The newest listed gifts to one campaign. */
export function campaignWall(campaignId: string, limit = WALL_PAGE_SIZE): WallEntry[] {
  return db
    .select(entryColumns)
    .from(donations)
    .innerJoin(campaigns, eq(campaigns.id, donations.campaignId))
    .where(and(eq(donations.campaignId, campaignId), listed))
    .orderBy(desc(donations.paidAt), desc(donations.id))
    .limit(limit)
    .all()
    .map(present);
}

/** The overall wall, newest first, a page at a time; draft campaigns stay out of it. */
export function overallWall(page: number): { entries: WallEntry[]; page: number; pageCount: number } {
  const where = and(listed, ne(campaigns.status, "draft"));
  const total = db
    .select({ n: sql<number>`count(*)` })
    .from(donations)
    .innerJoin(campaigns, eq(campaigns.id, donations.campaignId))
    .where(where)
    .get()!.n;
  const pageCount = Math.max(1, Math.ceil(total / WALL_PAGE_SIZE));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pageCount);
  const entries = db
    .select(entryColumns)
    .from(donations)
    .innerJoin(campaigns, eq(campaigns.id, donations.campaignId))
    .where(where)
    .orderBy(desc(donations.paidAt), desc(donations.id))
    .limit(WALL_PAGE_SIZE)
    .offset((current - 1) * WALL_PAGE_SIZE)
    .all()
    .map(present);
  return { entries, page: current, pageCount };
}

/** Everything given (paid, less refunds) per currency, unlisted gifts included; never added across currencies. */
export function totalsByCurrency(): RaisedTotal[] {
  return db
    .select({
      currency: donations.currency,
      raised: sql<number>`coalesce(sum(${receivedAmountSql} - ${donations.refundedAmount}), 0)`,
      gifts: sql<number>`count(*)`,
      donors: sql<number>`count(distinct case when ${donations.donorEmail} = '' then ${donations.id} else lower(${donations.donorEmail}) end)`,
    })
    .from(donations)
    .innerJoin(campaigns, eq(campaigns.id, donations.campaignId))
    .where(and(eq(donations.status, "paid"), ne(campaigns.status, "draft")))
    .groupBy(donations.currency)
    .orderBy(donations.currency)
    .all()
    .map((row) => ({ ...row, raised: Number(row.raised), gifts: Number(row.gifts), donors: Number(row.donors) }));
}
