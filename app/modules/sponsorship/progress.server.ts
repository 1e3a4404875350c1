import { eq, sql } from "drizzle-orm";
import { db } from "~db/client.server";
import { campaignTotals, campaigns } from "~db/schema";

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

function percentOf(raised: number, goal: number): number {
  if (goal <= 0) return 0;
  return Math.max(0, Math.min(100, Math.floor((raised * 100) / goal)));
}

// Shown on every view of a campaign's page and the campaign lists. The sums are kept by triggers
// on every write to a gift (migration 0029, ADR 0055): a fully refunded gift has status "refunded"
// and adds nothing, a partly refunded one stays "paid" less its refund, and a gift handed over with
// no email (ADR 0029) is its own donor.
const progressStatement = db
  .select({ goal: campaigns.goalAmount, currency: campaigns.currency, raised: campaignTotals.raised, donors: campaignTotals.donors })
  .from(campaigns)
  .leftJoin(campaignTotals, eq(campaignTotals.campaignId, campaigns.id))
  .where(eq(campaigns.id, sql.placeholder("campaignId")))
  .prepare();

function progressOf(campaignId: string): CampaignProgress | undefined {
  const row = progressStatement.get({ campaignId });
  if (!row) return undefined;
  const raised = row.raised ?? 0;
  return { raised, currency: row.currency, donors: row.donors ?? 0, goal: row.goal, percent: percentOf(raised, row.goal) };
}

export function campaignProgress(campaignId: string): CampaignProgress {
  return progressOf(campaignId) ?? { raised: 0, currency: "NGN", donors: 0, goal: 0, percent: 0 };
}

/** Progress for several campaigns (the /donate list), a row each. */
export function campaignsProgress(campaignIds: string[]): Map<string, CampaignProgress> {
  const result = new Map<string, CampaignProgress>();
  for (const id of campaignIds) {
    const progress = progressOf(id);
    if (progress) result.set(id, progress);
  }
  return result;
}
