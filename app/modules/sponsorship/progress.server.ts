import { and, eq, inArray, sql } from "drizzle-orm";
import { db } from "~db/client.server";
import { campaigns, donations } from "~db/schema";
import { receivedAmountSql } from "./received.server";

export type CampaignProgress = {
  /** Paid gifts minus what was refunded of them, in minor units. */
  raised: number;
  currency: string;
  /** Distinct donor email addresses with a paid gift. */
  donors: number;
  goal: number;
  /** 0–100, whole numbers, capped at 100. */
  percent: number;
};

// A fully refunded gift has status "refunded" and adds nothing; a partly refunded one stays "paid".
const raisedSql = sql<number>`coalesce(sum(${receivedAmountSql} - ${donations.refundedAmount}), 0)`;
// A gift handed over with no email (ADR 0029) is its own donor, not one with every other such gift.
const donorsSql = sql<number>`count(distinct case when ${donations.donorEmail} = '' then ${donations.id} else lower(${donations.donorEmail}) end)`;

function percentOf(raised: number, goal: number): number {
  if (goal <= 0) return 0;
  return Math.max(0, Math.min(100, Math.floor((raised * 100) / goal)));
}

export function campaignProgress(campaignId: string): CampaignProgress {
  return campaignsProgress([campaignId]).get(campaignId) ?? { raised: 0, currency: "NGN", donors: 0, goal: 0, percent: 0 };
}

/** Progress for several campaigns in two queries (the /donate list). */
export function campaignsProgress(campaignIds: string[]): Map<string, CampaignProgress> {
  const result = new Map<string, CampaignProgress>();
  if (campaignIds.length === 0) return result;
  const rows = db
    .select({ id: campaigns.id, goal: campaigns.goalAmount, currency: campaigns.currency })
    .from(campaigns)
    .where(inArray(campaigns.id, campaignIds))
    .all();
  const sums = db
    .select({ campaignId: donations.campaignId, raised: raisedSql, donors: donorsSql })
    .from(donations)
    .where(and(inArray(donations.campaignId, campaignIds), eq(donations.status, "paid")))
    .groupBy(donations.campaignId)
    .all();
  const byCampaign = new Map(sums.map((row) => [row.campaignId, row]));
  for (const row of rows) {
    const sum = byCampaign.get(row.id);
    const raised = Number(sum?.raised ?? 0);
    result.set(row.id, {
      raised,
      currency: row.currency,
      donors: Number(sum?.donors ?? 0),
      goal: row.goal,
      percent: percentOf(raised, row.goal),
    });
  }
  return result;
}
