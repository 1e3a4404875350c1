import type { Tx, Db } from "~db/client.server";
import { clock, DAY, HOUR } from "~/utils/clock.server";
import { hashToken, randomId } from "~/utils/ids.server";
import { campaigns, campaignTiers, donations, type DonationStatus, type GiftInterval, type PaymentMethod, type Recognition } from "~db/schema";
import { findUserByEmail } from "~/modules/auth/index.server";
import { nextReceiptNumber } from "~/modules/sponsorship/index.server";
import { getOrganisation } from "~/modules/organisation/index.server";

// Demo giving for `npm start`: two open campaigns in naira (one with tiers) and a closed one,
// paid gifts with mixed recognition, and two bank transfers waiting to be marked received.
// With `large`, thousands of paid gifts to the first campaign for the benchmark.

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

const REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ";

function demoReference(): string {
  const chars = Array.from(crypto.getRandomValues(new Uint8Array(8)), (byte) => REFERENCE_ALPHABET[byte % REFERENCE_ALPHABET.length]).join("");
  return `SS-${chars.slice(0, 4)}-${chars.slice(4)}`;
}

function insertPaid(tx: Tx, values: typeof donations.$inferInsert, timeZone: string) {
  const paid = values.status === "paid";
  tx.insert(donations)
    .values({
      ...values,
      receiptNumber: paid ? nextReceiptNumber(tx, values.paidAt!, timeZone) : null,
      receiptTokenHash: paid ? hashToken(randomId(20)) : null,
    })
    .run();
}

export function seedSponsorship(db: Db, options: { large?: boolean } = {}) {
  const now = clock.now();
  const { timeZone } = getOrganisation();
  const sponsorId = findUserByEmail("sponsor@example.org")?.id ?? null;
  const organiserId = findUserByEmail("organiser@example.org")?.id ?? null;
  db.transaction(
    (tx) => {
      const ids: { id: string; tiers: { id: string; amount: number; interval: GiftInterval }[] }[] = [];
      for (const [index, campaign] of CAMPAIGNS.entries()) {
        const id = randomId(16);
        const createdAt = now - (90 - index) * DAY;
        const { tiers, ...values } = campaign;
        tx.insert(campaigns)
          .values({ ...values, id, currency: "NGN", createdBy: organiserId, createdAt, updatedAt: createdAt })
          .run();
        const tierRows = tiers.map((tier, position) => ({ ...tier, id: randomId(16), campaignId: id, position: position + 1 }));
        if (tierRows.length) tx.insert(campaignTiers).values(tierRows).run();
        ids.push({ id, tiers: tierRows });
      }
      // Oldest first, so receipt numbers follow the dates.
      for (const gift of [...GIFTS].sort((a, b) => b.daysAgo - a.daysAgo)) {
        const campaign = ids[gift.campaign];
        const tier = gift.tier === undefined ? null : campaign.tiers[gift.tier];
        const at = now - gift.daysAgo * DAY - 3 * HOUR;
        const status = gift.status ?? "paid";
        const method = gift.method ?? "card";
        insertPaid(
          tx,
          {
            id: randomId(16),
            campaignId: campaign.id,
            tierId: tier?.id ?? null,
            amount: tier?.amount ?? gift.amount!,
            currency: "NGN",
            interval: tier?.interval ?? gift.interval ?? "one_off",
            method,
            status,
            donorName: gift.name,
            donorEmail: gift.email,
            userId: gift.email === "sponsor@example.org" ? sponsorId : null,
            recognition: gift.recognition,
            message: gift.message ?? "",
            reference: method === "bank_transfer" ? demoReference() : null,
            paidAt: status === "paid" ? at : null,
            confirmedBy: method === "bank_transfer" && status === "paid" ? organiserId : null,
            createdAt: at,
            updatedAt: at,
          },
          timeZone,
        );
      }
      if (options.large) seedLarge(tx, ids[0], now, timeZone);
    },
    { behavior: "immediate" },
  );
}

const FIRST = ["Ada", "Bola", "Chidi", "Dayo", "Ebere", "Femi", "Gbenga", "Halima", "Ike", "Jide", "Kemi", "Lola", "Musa", "Nneka", "Obi", "Pelumi"];
const LAST = ["Okafor", "Adeyemi", "Bello", "Eze", "Nwosu", "Okon", "Balogun", "Uche", "Ibrahim", "Lawal"];
const RECOGNITION_CYCLE: Recognition[] = ["named", "named", "anonymous", "unlisted"];

/** 5,000 paid gifts to the demo campaign, so /donate/workshop-seats-2027 is measured with a long history. */
function seedLarge(tx: Tx, campaign: { id: string; tiers: { id: string; amount: number; interval: GiftInterval }[] }, now: number, timeZone: string) {
  const oneOff = campaign.tiers.filter((tier) => tier.interval === "one_off");
  for (let i = 0; i < 5000; i++) {
    const tier = i % 3 === 0 ? null : oneOff[i % oneOff.length];
    const at = now - (i % 300) * DAY - (i % 24) * HOUR;
    const name = `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}`;
    insertPaid(
      tx,
      {
        id: randomId(16),
        campaignId: campaign.id,
        tierId: tier?.id ?? null,
        amount: tier?.amount ?? (1_000_00 + (i % 50) * 500_00),
        currency: "NGN",
        interval: tier?.interval ?? "one_off",
        method: "card",
        status: "paid",
        donorName: name,
        donorEmail: `donor${i % 3000}@example.net`,
        recognition: RECOGNITION_CYCLE[i % RECOGNITION_CYCLE.length],
        message: i % 5 === 0 ? `Gift number ${i + 1}: keep going!` : "",
        paidAt: at,
        createdAt: at,
        updatedAt: at,
      },
      timeZone,
    );
  }
}
