import { clock, MINUTE } from "~/utils/clock.server";
import { whileUnchanged } from "~/utils/data-version.server";
import { formatDate } from "~/utils/dates";
import { formatMoney } from "~/utils/money";
import type { ImpactReportKind } from "~db/schema";
import { getOrganisation } from "~/modules/organisation/index.server";
import { campaignsGivenTo, donorByAccount, getCampaign, moneyInByCurrency, yearSpan, type MoneyIn } from "~/modules/sponsorship/index.server";
import { stageCounts } from "./definitions.server";
import { STAGE_LABELS, STAGES, suppressedText, type Stage } from "./figures";
import { fundedBy, fundsInSpan, fundsOf, type Fund } from "./impact-funds.server";
import { isoDate } from "~/utils/dates";
import { quotedStories, type QuotedStory } from "./impact-stories.server";

// An impact report, as every page shows it (ADR 0041): money in by currency, what it paid for in
// the organisation's words, the people reached and their outcomes (counted by the journey's one
// set of definitions, with figures about fewer than five people suppressed), and quotable stories.

export type ImpactReport = {
  kind: ImpactReportKind;
  subject: string;
  title: string;
  lead: string;
  organisationName: string;
  moneyIn: { currency: string; amount: string; gifts: string; donors: string }[];
  paidFor: { campaignTitle: string; items: { kind: "event" | "cohort"; title: string; when: string; note: string }[] }[];
  reached: { stage: string; label: string; people: string }[];
  stories: QuotedStory[];
  preparedOn: string;
};

const FIRST_YEAR = 2000;

/** A year as written in an address, or null. */
export function parseReportYear(value: string | undefined): number | null {
  if (!value || !/^\d{4}$/.test(value)) return null;
  const year = Number(value);
  return year >= FIRST_YEAR && year <= 2100 ? year : null;
}

function money(rows: MoneyIn[], donorsAreSuppressed: boolean) {
  return rows.map((row) => ({
    currency: row.currency,
    amount: formatMoney(row.amount, row.currency),
    gifts: row.gifts.toLocaleString("en-GB"),
    donors: donorsAreSuppressed ? suppressedText(row.donors) : row.donors.toLocaleString("en-GB"),
  }));
}

function reachedIn(from: number, to: number, reachedThrough?: { eventIds: string[]; cohortIds: string[] }) {
  // Linked to nothing, a campaign reached nobody: no need to count the whole data set to say so.
  const nothingLinked = reachedThrough && reachedThrough.eventIds.length === 0 && reachedThrough.cohortIds.length === 0;
  const counts = nothingLinked ? (Object.fromEntries(STAGES.map((stage) => [stage, 0])) as Record<Stage, number>) : stageCounts({ from, to, reachedThrough });
  return STAGES.map((stage) => ({ stage, label: STAGE_LABELS[stage], people: suppressedText(counts[stage]) }));
}

function item(fund: Fund, timeZone: string) {
  const when = typeof fund.startsOn === "number" ? formatDate(fund.startsOn, timeZone) : formatDate(Date.parse(`${fund.startsOn}T12:00:00Z`), "UTC");
  return { kind: fund.kind, title: fund.title, when, note: fund.note };
}

function paidFor(campaigns: { id: string; title: string }[], timeZone: string): ImpactReport["paidFor"] {
  return campaigns
    .map((campaign) => ({ campaignTitle: campaign.title, items: fundsOf(campaign.id).map((fund) => item(fund, timeZone)) }))
    .filter((group) => group.items.length > 0);
}

function campaignReport(campaignId: string, now: number): ImpactReport | null {
  const campaign = getCampaign(campaignId);
  if (!campaign || campaign.status === "draft") return null;
  const { name, timeZone } = getOrganisation();
  const reachedThrough = fundedBy([campaign.id]);
  return {
    kind: "campaign",
    subject: campaign.id,
    title: `Impact of ${campaign.title}`,
    lead: `What the gifts to ${campaign.title} paid for, and who it reached, up to ${formatDate(now, timeZone)}.`,
    organisationName: name,
    moneyIn: money(moneyInByCurrency({ campaignIds: [campaign.id] }), true),
    paidFor: paidFor([campaign], timeZone),
    reached: reachedIn(0, now, reachedThrough),
    stories: quotedStories({ reachedThrough }),
    preparedOn: formatDate(now, timeZone),
  };
}

function sponsorReport(userId: string, now: number): ImpactReport | null {
  const donor = donorByAccount(userId);
  if (!donor) return null;
  const campaigns = campaignsGivenTo(donor);
  if (campaigns.length === 0) return null;
  const { name, timeZone } = getOrganisation();
  const reachedThrough = fundedBy(campaigns.map((c) => c.id));
  return {
    kind: "sponsor",
    subject: userId,
    title: `Impact of the gifts of ${donor.name}`,
    lead: `What the campaigns ${donor.name} gave to paid for, and who they reached, up to ${formatDate(now, timeZone)}.`,
    organisationName: name,
    // The sponsor's own gifts: counting them identifies nobody else.
    moneyIn: money(moneyInByCurrency({ donor }), false),
    paidFor: paidFor(campaigns, timeZone),
    reached: reachedIn(0, now, reachedThrough),
    stories: quotedStories({ reachedThrough }),
    preparedOn: formatDate(now, timeZone),
  };
}

function yearReport(year: number, now: number): ImpactReport | null {
  const { name, timeZone } = getOrganisation();
  const { from, to } = yearSpan(year, timeZone);
  if (from > now) return null;
  const given = moneyInByCurrency({ from, to });
  return {
    kind: "year",
    subject: String(year),
    title: `${name}: impact in ${year}`,
    lead: `Everyone the programme reached in ${year}, what they went on to do, and the giving that made it possible.`,
    organisationName: name,
    moneyIn: money(given, true),
    paidFor: fundsInSpan(from, to, isoDate(from, timeZone), isoDate(to, timeZone)).map((group) => ({ campaignTitle: group.campaignTitle, items: group.funds.map((fund) => item(fund, timeZone)) })),
    reached: reachedIn(from, Math.min(to, now), undefined),
    stories: quotedStories({ from, to }),
    preparedOn: formatDate(now, timeZone),
  };
}

/** The report named by kind and subject (campaign id, sponsor's user id, year), or null when there is none. */
export function impactReport(kind: ImpactReportKind, subject: string): ImpactReport | null {
  // To the minute: a report read many times in a minute is the same report, counted once and kept
  // until anything is written (ADR 0042).
  return whileUnchanged(`impact-report:${kind}:${subject}`, () => {
    const at = clock.now();
    const now = at - (at % MINUTE);
    if (kind === "campaign") return campaignReport(subject, now);
    if (kind === "sponsor") return sponsorReport(subject, now);
    const year = parseReportYear(subject);
    return year === null ? null : yearReport(year, now);
  });
}

/** A sponsor may read their own report and those of the campaigns they gave to; nobody else's. */
export function sponsorMayRead(viewer: { id: string; email: string; emailVerified: boolean }, kind: ImpactReportKind, subject: string): boolean {
  if (kind === "sponsor") return subject === viewer.id;
  if (kind === "campaign") return campaignsGivenTo(viewer).some((campaign) => campaign.id === subject);
  return false;
}

/** The reports a sponsor may open from their giving page. */
export function myImpactReports(viewer: { id: string; email: string; emailVerified: boolean }) {
  const campaigns = campaignsGivenTo(viewer);
  if (campaigns.length === 0) return [];
  return [
    { href: "/me/giving/impact", title: "What all your gifts did" },
    ...campaigns.map((campaign) => ({ href: `/me/giving/impact/${campaign.id}`, title: `What ${campaign.title} did` })),
  ];
}
