import { formatDate } from "~/utils/dates";
import { hashToken } from "~/utils/ids.server";
import { renderMarkdown } from "~/utils/markdown.server";
import { formatMoney } from "~/utils/money";
import { campaignCardPath, closedReasonAt, listOpenCampaigns, tiersOf, type CampaignRow } from "./campaigns.server";
import { campaignProgress, campaignsProgress, type CampaignProgress } from "./progress.server";
import { campaignWall, type WallEntry } from "./wall.server";
import { getOrganisation } from "~/modules/organisation/index.server";
import { clock } from "~/utils/clock.server";
import { absoluteUrl } from "~/utils/urls.server";

export function progressView(progress: CampaignProgress) {
  return {
    raised: formatMoney(progress.raised, progress.currency),
    goal: formatMoney(progress.goal, progress.currency),
    donors: progress.donors,
    percent: progress.percent,
  };
}

// Public loader data is readable as JSON: a donation's id opens its transfer page (with the
// donor's name), so the wall keys its entries by a one-way digest of it.
export function wallView(entries: WallEntry[], timeZone: string) {
  return entries.map((entry) => ({
    id: hashToken(`wall:${entry.id}`).slice(0, 16),
    name: entry.name,
    message: entry.message,
    when: entry.paidAt ? formatDate(entry.paidAt, timeZone) : "",
    campaignTitle: entry.campaignTitle,
    campaignSlug: entry.campaignSlug,
  }));
}

/** The /donate list: open campaigns with their progress (two queries for the progress, however many). */
export function openCampaignsView() {
  const now = clock.now();
  const list = listOpenCampaigns(now);
  const progress = campaignsProgress(list.map((campaign) => campaign.id));
  return list.map((campaign) => ({
    slug: campaign.slug,
    title: campaign.title,
    summary: campaign.summary,
    progress: progressView(progress.get(campaign.id)!),
  }));
}

/** Everything /donate/:slug shows, formatted on the server so the page ships no money code. */
export function donatePageData(campaign: CampaignRow) {
  const now = clock.now();
  const organisation = getOrganisation();
  return {
    organisationName: organisation.name,
    campaign: {
      id: campaign.id,
      slug: campaign.slug,
      title: campaign.title,
      summary: campaign.summary,
      status: campaign.status,
      storyHtml: campaign.story ? renderMarkdown(campaign.story) : "",
      endsOn: campaign.endsAt ? formatDate(campaign.endsAt, organisation.timeZone) : null,
    },
    bounds: {
      currency: campaign.currency,
      minAmount: campaign.minAmount,
      maxAmount: campaign.maxAmount,
      min: formatMoney(campaign.minAmount, campaign.currency),
      max: formatMoney(campaign.maxAmount, campaign.currency),
    },
    progress: progressView(campaignProgress(campaign.id)),
    tiers: tiersOf(campaign.id).map((tier) => ({
      id: tier.id,
      name: tier.name,
      amount: formatMoney(tier.amount, campaign.currency),
      interval: tier.interval,
      description: tier.description,
    })),
    wall: wallView(campaignWall(campaign.id), organisation.timeZone),
    closedReason: closedReasonAt(campaign, now),
    shareImage: campaign.status === "draft" ? null : absoluteUrl(campaignCardPath(campaign)),
  };
}
