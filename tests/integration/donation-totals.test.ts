import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { donations, paymentDisputes, type DonationStatus } from "~db/schema";
import { campaignProgress, givingCardData, listDonations, readDonationFilters, statementYears, totalsByCurrency } from "~/modules/sponsorship/index.server";
import { monthsBetween } from "~/modules/sponsorship/donation-totals.server";
import { randomId } from "~/utils/ids.server";
import { createOpenCampaign, insertGift, type SimpleCampaign } from "../support/sponsorship-factories";

// The donations page counts its totals in SQL, by month in the organisation's time zone. These
// checks hold it to a plain reckoning done here, row by row, with the platform's own Intl.

type Seeded = { campaignId: string; currency: string; amount: number; received: number | null; refunded: number; status: DonationStatus; at: number; email: string };
const seeded: Seeded[] = [];

const at = (iso: string) => Date.parse(iso);
let naira: SimpleCampaign;
let dollars: SimpleCampaign;
let pounds: SimpleCampaign;

function gift(campaign: SimpleCampaign, input: { amount: number; iso: string; status?: DonationStatus; refunded?: number; received?: number; email?: string }) {
  const status = input.status ?? "paid";
  const email = input.email ?? `giver-${randomId(6)}@example.org`;
  const id = insertGift(campaign, { amount: input.amount, at: at(input.iso), status, refundedAmount: input.refunded, email });
  // A transfer that brought more or less than was pledged.
  if (input.received !== undefined) db.update(donations).set({ receivedAmount: input.received }).where(eq(donations.id, id)).run();
  const row = db.select().from(donations).where(eq(donations.id, id)).get()!;
  seeded.push({ campaignId: campaign.id, currency: campaign.currency, amount: row.amount, received: row.receivedAmount, refunded: row.refundedAmount, status, at: row.paidAt ?? row.createdAt, email: row.donorEmail });
  return id;
}

/** "2026-03" for an instant in a time zone, by Intl rather than the code under test. */
function localMonth(instant: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone, year: "numeric", month: "2-digit" }).formatToParts(instant);
  return `${parts.find((p) => p.type === "year")!.value}-${parts.find((p) => p.type === "month")!.value}`;
}

const receivedOf = (g: Seeded) => (g.status === "paid" || g.status === "refunded" ? Math.max(0, (g.received ?? g.amount) - g.refunded) : 0);

function reference(rows: Seeded[], timeZone: string) {
  const byCurrency = new Map<string, { currency: string; gifts: number; amount: number; received: number }>();
  const byMonth = new Map<string, { month: string; currency: string; gifts: number; received: number }>();
  for (const g of rows) {
    const c = byCurrency.get(g.currency) ?? { currency: g.currency, gifts: 0, amount: 0, received: 0 };
    c.gifts += 1;
    c.amount += g.amount;
    c.received += receivedOf(g);
    byCurrency.set(g.currency, c);
    const month = localMonth(g.at, timeZone);
    const m = byMonth.get(`${month}|${g.currency}`) ?? { month, currency: g.currency, gifts: 0, received: 0 };
    m.gifts += 1;
    m.received += receivedOf(g);
    byMonth.set(`${month}|${g.currency}`, m);
  }
  return {
    count: rows.length,
    byCurrency: [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
    byMonth: [...byMonth.values()].sort((a, b) => b.month.localeCompare(a.month) || a.currency.localeCompare(b.currency)),
  };
}

function totals(query: string, timeZone: string) {
  const result = listDonations({ filters: readDonationFilters(new URLSearchParams(query)), page: 1, timeZone });
  return { count: result.total, ...result.totals };
}

beforeAll(() => {
  naira = createOpenCampaign({ title: "Workshop seats" });
  dollars = createOpenCampaign({ title: "Diaspora appeal", currency: "USD" });
  pounds = createOpenCampaign({ title: "London friends", currency: "GBP" });
  // Around the spring change (29 March 2026, 01:00 UTC in London; 8 March in New York).
  gift(naira, { amount: 5_000_00, iso: "2026-03-29T00:30:00Z" });
  gift(naira, { amount: 6_000_00, iso: "2026-03-31T23:30:00Z" }); // 00:30 on 1 April in London (summer time)
  gift(naira, { amount: 7_000_00, iso: "2026-04-01T03:30:00Z", status: "refunded" }); // 23:30 on 31 March in New York
  gift(naira, { amount: 8_000_00, iso: "2026-04-01T04:30:00Z", refunded: 3_000_00 }); // partly refunded
  gift(naira, { amount: 9_000_00, iso: "2026-02-28T23:59:59Z", status: "pending" });
  gift(naira, { amount: 9_500_00, iso: "2026-05-15T12:00:00Z", status: "expired" });
  gift(naira, { amount: 4_000_00, iso: "2026-05-16T12:00:00Z", status: "failed" });
  gift(naira, { amount: 3_000_00, iso: "2026-05-17T12:00:00Z", status: "processing" });
  gift(naira, { amount: 10_000_00, iso: "2026-06-01T00:10:00Z", received: 8_500_00 }); // a transfer short of its pledge; May in New York
  gift(naira, { amount: 2_000_00, iso: "2026-06-02T00:10:00Z", received: 2_500_00, refunded: 3_000_00 }); // refunded beyond what stayed: counts 0
  // Around the autumn change (25 October 2026 in London, 1 November in New York).
  gift(dollars, { amount: 50_00, iso: "2026-10-31T23:30:00Z" }); // 23:30 GMT, still October in London
  gift(dollars, { amount: 60_00, iso: "2026-11-01T00:30:00Z", email: "same@example.org" });
  gift(dollars, { amount: 70_00, iso: "2026-11-01T05:30:00Z", email: "SAME@example.org" }); // 01:30 EDT → the repeated hour in New York
  gift(dollars, { amount: 80_00, iso: "2026-12-01T04:59:00Z", status: "refunded", refunded: 80_00 });
  const disputed = gift(dollars, { amount: 90_00, iso: "2026-10-25T00:30:00Z" });
  db.insert(paymentDisputes)
    .values({ id: randomId(16), donationId: disputed, provider: "stripe", providerDisputeId: `dp_${randomId(8)}`, status: "open", amount: 90_00, currency: "USD", openedAt: at("2026-11-02T00:00:00Z"), updatedAt: at("2026-11-02T00:00:00Z") })
    .run();
  gift(pounds, { amount: 20_00, iso: "2025-12-31T23:59:00Z" });
  gift(pounds, { amount: 30_00, iso: "2026-01-01T00:00:00Z" });
  gift(pounds, { amount: 40_00, iso: "2026-10-25T00:59:59Z", email: "" }); // handed over with no email
  gift(pounds, { amount: 45_00, iso: "2026-10-25T01:00:00Z", email: "" });
});

describe("the donations page's totals", () => {
  for (const timeZone of ["Europe/London", "America/New_York", "Africa/Lagos", "Asia/Kolkata"]) {
    it(`match a row-by-row reckoning by currency and by local month in ${timeZone}`, () => {
      expect(totals("", timeZone)).toEqual(reference(seeded, timeZone));
    });
  }

  it("match it under each filter, and a month filter picks the same local month the totals use", () => {
    const timeZone = "Europe/London";
    const only = (keep: (g: Seeded) => boolean) => reference(seeded.filter(keep), timeZone);
    expect(totals(`campaign=${naira.id}`, timeZone)).toEqual(only((g) => g.campaignId === naira.id));
    expect(totals("status=paid", timeZone)).toEqual(only((g) => g.status === "paid"));
    expect(totals("status=refunded", timeZone)).toEqual(only((g) => g.status === "refunded"));
    expect(totals("month=2026-04", timeZone)).toEqual(only((g) => localMonth(g.at, timeZone) === "2026-04"));
    expect(totals("month=2026-10&status=paid", timeZone)).toEqual(only((g) => localMonth(g.at, timeZone) === "2026-10" && g.status === "paid"));
    expect(totals("q=nobody-has-this", timeZone)).toEqual({ count: 0, byCurrency: [], byMonth: [] });
  });

  it("put the gifts at the changes of clock in the months a London organiser sees", () => {
    const months = totals("", "Europe/London").byMonth.map((m) => `${m.month} ${m.currency} ${m.gifts}`);
    expect(months).toContain("2026-04 NGN 3");
    expect(months).toContain("2026-10 USD 2");
    expect(months).toContain("2026-11 USD 2");
    expect(months).toContain("2025-12 GBP 1");
  });

  it("have one boundary per month, each where the zone's local month begins", () => {
    const months = monthsBetween(at("2026-03-15T00:00:00Z"), at("2026-11-15T00:00:00Z"), "Europe/London");
    expect(months.map(([key]) => key)).toEqual(["2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11"]);
    expect(months[0][1]).toBe(at("2026-03-01T00:00:00Z"));
    expect(months[1][1]).toBe(at("2026-03-31T23:00:00Z")); // midnight BST
    expect(months[8][1]).toBe(at("2026-11-01T00:00:00Z")); // midnight GMT again
    for (let i = 1; i < months.length; i += 1) expect(months[i][1]).toBe(months[i - 1][2]);
  });
});

describe("campaign progress and the sponsor wall's totals", () => {
  const donorKey = (g: Seeded, i: number) => (g.email === "" ? `gift-${i}` : g.email.toLowerCase());

  it("count what stayed and each donor once, a gift with no email as its own donor", () => {
    for (const campaign of [naira, dollars, pounds]) {
      const paid = seeded.map((g, i) => ({ g, i })).filter(({ g }) => g.campaignId === campaign.id && g.status === "paid");
      const progress = campaignProgress(campaign.id);
      expect(progress.raised).toBe(paid.reduce((sum, { g }) => sum + (g.received ?? g.amount) - g.refunded, 0));
      expect(progress.donors).toBe(new Set(paid.map(({ g, i }) => donorKey(g, i))).size);
    }
    const usd = totalsByCurrency().find((t) => t.currency === "USD")!;
    const paidUsd = seeded.map((g, i) => ({ g, i })).filter(({ g }) => g.currency === "USD" && g.status === "paid");
    expect(usd).toEqual({ currency: "USD", raised: 270_00, gifts: paidUsd.length, donors: new Set(paidUsd.map(({ g, i }) => donorKey(g, i))).size });
    expect(totalsByCurrency().find((t) => t.currency === "GBP")!.donors).toBe(4);
  });
});

describe("a donor's own figures", () => {
  it("total what stayed per currency and name the years of their paid gifts in the organisation's time zone", () => {
    const email = `own-${randomId(6)}@example.org`;
    const donor = { id: randomId(16), email, emailVerified: true };
    gift(pounds, { amount: 10_00, iso: "2024-12-31T23:30:00Z", email }); // 2024 in London, 2025 in Kolkata
    gift(pounds, { amount: 11_00, iso: "2025-06-01T12:00:00Z", email, refunded: 4_00 });
    gift(naira, { amount: 12_00, iso: "2026-07-01T12:00:00Z", email, status: "refunded" });
    gift(naira, { amount: 13_00, iso: "2026-07-02T12:00:00Z", email, status: "pending" });
    expect(statementYears(donor, "Europe/London")).toEqual([2026, 2025, 2024]);
    expect(statementYears(donor, "Asia/Kolkata")).toEqual([2026, 2025]);
    expect(givingCardData(donor)).toEqual({ gifts: 2, totals: ["£17"], activeMonthly: 0, pendingTransfers: 0 });
    expect(statementYears({ ...donor, email: "nobody@example.org" }, "Europe/London")).toEqual([]);
  });
});
