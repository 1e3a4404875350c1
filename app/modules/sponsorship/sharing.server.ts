import type { ShareCard } from "~/utils/share-card.server";
import { clock } from "~/utils/clock.server";
import { getOrganisation } from "~/modules/organisation/index.server";
import { campaignPath, listOpenCampaigns, publicCampaignBySlug } from "./campaigns.server";
import { progressView } from "./donate-page.server";
import { campaignProgress } from "./progress.server";

/** What a public campaign's share card shows: its title, summary and what has been raised. */
export function campaignShareCard(slug: string): ShareCard | null {
  const campaign = publicCampaignBySlug(slug);
  if (!campaign) return null;
  const figures = campaignProgress(campaign.id);
  const shown = progressView(figures);
  const raised = figures.goal > 0 ? `${shown.raised} raised of ${shown.goal}` : `${shown.raised} raised`;
  return { kicker: "Give", title: campaign.title, lines: [campaign.summary, raised].filter(Boolean).slice(0, 2), footer: getOrganisation().name };
}

/** Campaigns taking gifts now, for the sitemap. */
export function publicCampaignPaths(): { path: string; updatedAt: number }[] {
  return listOpenCampaigns(clock.now()).map((campaign) => ({ path: campaignPath(campaign.slug), updatedAt: campaign.updatedAt }));
}
