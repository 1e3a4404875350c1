import { clock, DAY, HOUR, MINUTE } from "~/utils/clock.server";
import type { DonationStatus, GiftInterval, PaymentMethod, Recognition } from "~db/schema";
import { addTier, createCampaign, createDonation, markDonationPaid, markTransferReceived, updateCampaignDetails } from "~/modules/sponsorship/index.server";
import { campaignDetailsSchema, newCampaignSchema } from "~/modules/sponsorship";
import { accepted, idOf, type DemoContext } from "./timeline";

// Demo giving for `npm start`: two open campaigns in naira (one with tiers) and a closed one,
// gifts with mixed recognition, paid by card or by a bank transfer the organiser marked received,
// and two bank transfers still waiting. Each campaign is created as a draft, filled in and opened
// the way organisers do it; each gift is made when the donor gave and paid moments later.
// The benchmark's thousands of gifts are in sponsorship-large.ts.

export const DEMO_CAMPAIGN_SLUG = "workshop-seats-2027";


const CAMPAIGNS = [
  {
    slug: DEMO_CAMPAIGN_SLUG,
    title: "Workshop seats for 2027",
    summary: "Every seat is a young person learning to turn a job rejection into a next step.",
    story:
      "Our resilience workshops are **free** for the young people who come. Each one costs us about ₦5,000 a seat: the room, printed workbooks, lunch and transport money for those who need it.\n\nIn 2027 we want to run 40 workshops across Lagos. Your gift pays for seats directly.\n\n- ₦5,000 pays for one seat\n- ₦10,000 a month keeps a mentor and mentee meeting\n- ₦25,000 gives someone a full place in a youth programme cohort",
    goalAmount: 2_000_000_00,
    minAmount: 1_000_00,
    maxAmount: 5_000_000_00,
    status: "open" as const,
    tiers: [
      { name: "A workshop seat", amount: 5_000_00, interval: "one_off" as const, description: "One seat, a workbook and lunch at a resilience workshop." },
      { name: "A month of mentoring", amount: 10_000_00, interval: "monthly" as const, description: "Keeps a mentor and a job seeker meeting every week." },
      { name: "A programme place", amount: 25_000_00, interval: "one_off" as const, description: "A full place in a fifteen-step youth programme cohort." },
    ],
  },
  {
    slug: "mentors-for-new-graduates",
    title: "Mentors for new graduates",
    summary: "Training volunteer mentors who have been rejected, and bounced back.",
    story: "We train mentors in listening, feedback and CV reviews, and pay for their data and transport. Give any amount.",
    goalAmount: 1_000_000_00,
    minAmount: 500_00,
    maxAmount: 2_000_000_00,
    status: "open" as const,
    tiers: [],
  },
  {
    slug: "laptops-for-the-learning-hub",
    title: "Laptops for the learning hub",
    summary: "Ten laptops for CV writing and online applications: bought, thanks to you.",
    story: "This campaign has closed: the laptops are in use at the Yaba hub every weekday.",
    goalAmount: 1_500_000_00,
    minAmount: 1_000_00,
    maxAmount: 2_000_000_00,
    status: "closed" as const,
    tiers: [],
  },
];

type Gift = {
  campaign: number;
  tier?: number;
  amount?: number;
  name: string;
  email: string;
  recognition: Recognition;
  message?: string;
  daysAgo: number;
  status?: DonationStatus;
  method?: PaymentMethod;
  interval?: GiftInterval;
};

const GIFTS: Gift[] = [
  { campaign: 0, tier: 0, name: "Ifeoma Nwosu", email: "sponsor@example.org", recognition: "named", message: "For the Yaba workshops. Keep going!", daysAgo: 20 },
  { campaign: 0, amount: 50_000_00, name: "Lagos Print Co", email: "accounts@printco.example", recognition: "named", message: "Proud to support the class of 2027.", daysAgo: 18 },
  { campaign: 0, tier: 2, name: "Emeka Obi", email: "emeka@example.com", recognition: "anonymous", message: "I was rejected 14 times before my first job. You've got this.", daysAgo: 15 },
  { campaign: 0, tier: 0, name: "Funmi Adeyemi", email: "funmi@example.com", recognition: "unlisted", daysAgo: 12 },
  { campaign: 0, amount: 12_000_00, name: "Kelechi Uche", email: "kelechi@example.co.uk", recognition: "named", daysAgo: 9 },
  { campaign: 0, amount: 20_000_00, name: "Grace Bello", email: "grace@example.com", recognition: "named", message: "In memory of my father, a teacher.", daysAgo: 4, method: "bank_transfer" },
  { campaign: 1, amount: 15_000_00, name: "Tosin Alade", email: "tosin@example.com", recognition: "named", message: "Mentors changed my life.", daysAgo: 14 },
  { campaign: 1, amount: 7_500_00, name: "Ngozi Okafor", email: "ngozi@example.com", recognition: "anonymous", daysAgo: 6 },
  { campaign: 1, amount: 100_000_00, name: "Yaba Tech Hub", email: "hello@yabatech.example", recognition: "named", daysAgo: 2 },
  { campaign: 2, amount: 500_000_00, name: "Bright Futures Foundation", email: "grants@brightfutures.example", recognition: "named", message: "Ten laptops, ten futures.", daysAgo: 60 },
  { campaign: 2, amount: 25_000_00, name: "Ada Eze", email: "ada@example.com", recognition: "named", daysAgo: 55 },
  { campaign: 0, tier: 0, name: "Ifeoma Nwosu", email: "sponsor@example.org", recognition: "named", daysAgo: 1, status: "pending", method: "bank_transfer" },
  { campaign: 1, amount: 10_000_00, name: "Samuel Okon", email: "samuel@example.com", recognition: "named", message: "Small but from the heart.", daysAgo: 0, status: "pending", method: "bank_transfer" },
];

const ORGANISER = "organiser@example.org";

type CampaignIds = { id: string; tierIds: string[] };
type DemoCampaign = (typeof CAMPAIGNS)[number];

/** Naira in the form's major units: 2_000_000_00 kobo is "2000000". */
const naira = (kobo: number) => String(kobo / 100);

/** The organisers' campaign forms, filled in. */
function newCampaign(campaign: DemoCampaign) {
  const { slug, title, goalAmount, minAmount, maxAmount } = campaign;
  return newCampaignSchema.parse({ slug, title, currency: "NGN", goal: naira(goalAmount), minAmount: naira(minAmount), maxAmount: naira(maxAmount) });
}

function details(campaign: DemoCampaign, status: "open" | "closed") {
  const { slug, title, summary, story, goalAmount, minAmount, maxAmount } = campaign;
  return campaignDetailsSchema.parse({ intent: "details", slug, title, summary, story, currency: "NGN", goal: naira(goalAmount), minAmount: naira(minAmount), maxAmount: naira(maxAmount), status });
}

export function planDemoGiving({ db, now, timeZone, timeline }: DemoContext) {
  const made: CampaignIds[] = [];
  CAMPAIGNS.forEach((campaign, index) => {
    const createdAt = now - (90 - index) * DAY;
    timeline.add(createdAt, () => {
      const id = accepted(createCampaign(idOf(ORGANISER), newCampaign(campaign)), `creating ${campaign.title}`).id;
      made[index] = { id, tierIds: [] };
    });
    campaign.tiers.forEach((tier, position) => {
      timeline.add(createdAt + 30 * MINUTE + position * MINUTE, () => {
        made[index].tierIds.push(accepted(addTier(idOf(ORGANISER), made[index].id, tier), `adding ${tier.name}`).id);
      });
    });
    timeline.add(createdAt + HOUR, () => accepted(updateCampaignDetails(idOf(ORGANISER), made[index].id, details(campaign, "open"), timeZone), `opening ${campaign.title}`));
    if (campaign.status === "closed") {
      timeline.add(now - 50 * DAY, () => accepted(updateCampaignDetails(idOf(ORGANISER), made[index].id, details(campaign, "closed"), timeZone), `closing ${campaign.title}`));
    }
  });

  for (const gift of GIFTS) {
    const givenAt = now - gift.daysAgo * DAY - 3 * HOUR;
    const method = gift.method ?? "card";
    let donationId = "";
    timeline.add(givenAt, () => {
      const campaign = made[gift.campaign];
      const tierId = gift.tier === undefined ? null : campaign.tierIds[gift.tier];
      const donation = createDonation({
        campaignId: campaign.id,
        tierId,
        amount: gift.amount ?? null,
        interval: gift.interval,
        method,
        donorName: gift.name,
        donorEmail: gift.email,
        userId: gift.email === "sponsor@example.org" ? idOf(gift.email) : null,
        recognition: gift.recognition,
        message: gift.message,
      });
      donationId = accepted(donation, `${gift.name}'s gift`).id;
    });
    if (gift.status === "pending") continue;
    // A card payment is confirmed by the provider a moment after the donor pays; a transfer by
    // the organiser, the next day, once it shows in the bank account.
    if (method === "card") {
      timeline.add(givenAt + 2 * MINUTE, () => db.transaction((tx) => markDonationPaid(tx, donationId, { now: clock.now() }), { behavior: "immediate" }));
    }
    else timeline.add(givenAt + DAY, () => accepted(markTransferReceived({ donationId, actorId: idOf(ORGANISER) }), `receiving ${gift.name}'s transfer`));
  }
}
