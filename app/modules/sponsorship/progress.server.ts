import { and, eq, sql } from "drizzle-orm";
import { db } from "~db/client.server";
import { campaigns, donations } from "~db/schema";
import { receivedAmountSql } from "./received.server";
import { whileUnchanged } from "~/utils/data-version.server";

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
// Written with `lower(…)` and the rowid so that `donations_campaign_progress_idx` alone answers it.
const donorsSql = sql<number>`count(distinct case when lower(${donations.donorEmail}) = '' then ${donations}.rowid else lower(${donations.donorEmail}) end)`;

function percentOf(raised: number, goal: number): number {
  if (goal <= 0) return 0;
  return Math.max(0, Math.min(100, Math.floor((raised * 100) / goal)));
}

// Shown on every view of a campaign's page and the campaign lists.
const campaignStatement = db
  .select({ goal: campaigns.goalAmount, currency: campaigns.currency })
  .from(campaigns)
  .where(eq(campaigns.id, sql.placeholder("campaignId")))
  .prepare();

const sumsStatement = db
  .select({ raised: raisedSql, donors: donorsSql })
  .from(donations)
  .where(and(eq(donations.campaignId, sql.placeholder("campaignId")), eq(donations.status, "paid")))
  .prepare();

// Summed over every paid gift to the campaign, so kept while nothing is written (ADR 0042).
function progressOf(campaignId: string): CampaignProgress | undefined {
  return whileUnchanged(`campaign-progress:${campaignId}`, () => sumProgress(campaignId));
}

function sumProgress(campaignId: string): CampaignProgress | undefined {
  const campaign = campaignStatement.get({ campaignId });
  if (!campaign) return undefined;
  const sums = sumsStatement.get({ campaignId });
  const raised = Number(sums?.raised ?? 0);
  return { raised, currency: campaign.currency, donors: Number(sums?.donors ?? 0), goal: campaign.goal, percent: percentOf(raised, campaign.goal) };
}

export function campaignProgress(campaignId: string): CampaignProgress {
  return progressOf(campaignId) ?? { raised: 0, currency: "NGN", donors: 0, goal: 0, percent: 0 };
}

/** Progress for several campaigns (the /donate list), each read from the progress index alone. */
export function campaignsProgress(campaignIds: string[]): Map<string, CampaignProgress> {
  const result = new Map<string, CampaignProgress>();
  for (const id of campaignIds) {
    const progress = progressOf(id);
    if (progress) result.set(id, progress);
  }
  return result;
}
