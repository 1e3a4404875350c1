import { TZDate } from "@date-fns/tz";
import { clock } from "~/utils/clock.server";
import { getOrganisation } from "~/modules/organisation/index.server";
import { givingYears, listCampaigns, sponsorsWithGifts } from "~/modules/sponsorship/index.server";
import { isYearPublished } from "./impact-links.server";

/** Every report organisers can open: campaigns (not drafts), sponsors with gifts (a page of them, by name), and years. */
export function impactReportChoices({ sponsorsPage = 1 }: { sponsorsPage?: number } = {}) {
  const { timeZone } = getOrganisation();
  const thisYear = new TZDate(clock.now(), timeZone).getFullYear();
  const years = [...new Set([thisYear, ...givingYears(timeZone)])].sort((a, b) => b - a);
  return {
    campaigns: listCampaigns()
      .filter((campaign) => campaign.status !== "draft")
      .map((campaign) => ({ id: campaign.id, title: campaign.title })),
    sponsors: sponsorsWithGifts({ page: sponsorsPage }),
    years: years.map((year) => ({ year, published: isYearPublished(year) })),
  };
}
