import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { campaigns, campaignTiers, donations, outbox } from "~db/schema";
import { resetRateLimits } from "~/modules/auth/rate-limit.server";
import { action as donateAction, loader as donateLoader } from "~/routes/donate.$slug";
import { loader as transferLoader } from "~/routes/donate.$slug_.transfer.$donationId";
import { loader as listLoader } from "~/routes/donate._index";
import { loader as sponsorsLoader } from "~/routes/sponsors";
import { clock, DAY } from "~/utils/clock.server";
import { randomId } from "~/utils/ids.server";
import { createUser, formRequest, freshIp, getRequest, loadContext, signIn, uniqueEmail, routeArgs } from "../support/factories";
import { runRoute } from "../support/route-results";
import { insertGift } from "../support/sponsorship-factories";
import { startStripeRig, type StripeTestRig } from "../support/stripe-factories";
import { campaignProgress } from "~/modules/sponsorship/index.server";
import { updateOrganisation } from "~/modules/organisation/index.server";

const T0 = Date.UTC(2026, 10, 25, 9, 0);
const BANK = "Rise Again Lagos\nDemo Bank Plc\nAccount 0123456789";

type Campaign = { id: string; slug: string; title: string; currency: string; seat: string; month: string };

function makeCampaign(overrides: Partial<typeof campaigns.$inferInsert> = {}): Campaign {
  const id = randomId(16);
  const slug = `give-${id.slice(0, 10)}`;
  const title = overrides.title ?? `Seats ${slug}`;
  db.insert(campaigns)
    .values({ id, slug, title, goalAmount: 100_000_00, currency: "NGN", minAmount: 1_000_00, maxAmount: 500_000_00, status: "open", createdAt: T0, updatedAt: T0, ...overrides })
    .run();
  const seat = randomId(16);
  const month = randomId(16);
  db.insert(campaignTiers)
    .values([
      { id: seat, campaignId: id, position: 1, name: "A workshop seat", amount: 5_000_00, interval: "one_off", description: "One seat" },
      { id: month, campaignId: id, position: 2, name: "A month of mentoring", amount: 10_000_00, interval: "monthly" },
    ])
    .run();
  return { id, slug, title, currency: overrides.currency ?? "NGN", seat, month };
}

function giftsOf(campaignId: string) {
  return db.select().from(donations).where(eq(donations.campaignId, campaignId)).all();
}

function give(campaign: Campaign, fields: Record<string, string>, options: { cookie?: string; ip?: string } = {}) {
  const body = { name: "Ngozi Okafor", email: uniqueEmail("donor"), recognition: "named", method: "bank_transfer", ...fields };
  return runRoute(() =>
    donateAction(routeArgs({ request: formRequest(`/donate/${campaign.slug}`, body, { cookie: options.cookie }), params: { slug: campaign.slug }, context: loadContext(options.ip ?? freshIp()) })),
  );
}

function errorsOf(result: { data: unknown }): Record<string, string[]> {
  return (result.data as { error?: Record<string, string[]> }).error ?? {};
}

beforeAll(() => updateOrganisation({ bankTransferDetails: BANK, name: "Rise Again Lagos" }));
beforeEach(() => {
  clock.set(T0);
  resetRateLimits();
});
afterAll(() => clock.set(null));

describe("progress", () => {
  it("counts paid gifts less refunds, and distinct donors by email", () => {
    const c = makeCampaign();
    insertGift(c, { amount: 20_000_00, email: "Ada@example.org" });
    insertGift(c, { amount: 5_000_00, email: "ada@example.org" });
    insertGift(c, { amount: 10_000_00, refundedAmount: 4_000_00 });
    insertGift(c, { amount: 7_000_00, status: "refunded" });
    insertGift(c, { amount: 9_000_00, status: "pending", method: "bank_transfer" });
    insertGift(c, { amount: 9_000_00, status: "failed" });
    expect(campaignProgress(c.id)).toEqual({ raised: 31_000_00, currency: "NGN", donors: 2, goal: 100_000_00, percent: 31 });
  });

  it("caps the bar at 100 per cent", () => {
    const c = makeCampaign({ goalAmount: 1_000_00 });
    insertGift(c, { amount: 5_000_00 });
    expect(campaignProgress(c.id).percent).toBe(100);
  });
});

describe("/donate and /donate/:slug", () => {
  it("lists open campaigns only, with progress", async () => {
    const open = makeCampaign({ title: "Open one" });
    insertGift(open, { amount: 25_000_00 });
    makeCampaign({ title: "A draft", status: "draft" });
    makeCampaign({ title: "A closed one", status: "closed" });
    makeCampaign({ title: "Ended", endsAt: T0 - DAY });
    const result = await runRoute(() => listLoader());
    const listed = (result.data as { campaigns: { title: string; progress: { raised: string; percent: number } }[] }).campaigns;
    expect(listed.map((c) => c.title)).toContain("Open one");
    expect(listed.map((c) => c.title)).not.toEqual(expect.arrayContaining(["A draft"]));
    expect(listed.some((c) => ["A draft", "A closed one", "Ended"].includes(c.title))).toBe(false);
    expect(listed.find((c) => c.title === "Open one")!.progress).toMatchObject({ raised: "₦25,000", percent: 25 });
  });

  it("shows tiers, bounds and the wall; card unavailable without Stripe; drafts hidden from the public", async () => {
    const c = makeCampaign({ story: "We run **free** workshops. <script>alert(1)</script>" });
    insertGift(c, { amount: 5_000_00, name: "Shown Donor" });
    const anonymous = insertGift(c, { amount: 5_000_00, name: "Secret Name" });
    db.update(donations).set({ recognition: "anonymous", message: "Keep going" }).where(eq(donations.id, anonymous)).run();
    const unlisted = insertGift(c, { amount: 5_000_00, name: "Hidden Person" });
    db.update(donations).set({ recognition: "unlisted" }).where(eq(donations.id, unlisted)).run();

    const result = await runRoute(() => donateLoader(routeArgs({ request: getRequest(`/donate/${c.slug}?cancelled=1`), params: { slug: c.slug }, context: loadContext() })));
    const page = result.data as {
      tiers: { name: string; amount: string; interval: string }[];
      bounds: { min: string; max: string };
      wall: { name: string; message: string }[];
      giving: { card: unknown; bankTransfer: boolean };
      cancelled: boolean;
      progress: { donors: number };
      campaign: { storyHtml: string };
    };
    expect(page.tiers.map((t) => [t.name, t.amount, t.interval])).toEqual([
      ["A workshop seat", "₦5,000", "one_off"],
      ["A month of mentoring", "₦10,000", "monthly"],
    ]);
    expect(page.bounds).toMatchObject({ min: "₦1,000", max: "₦500,000" });
    expect(page.wall.map((w) => w.name).sort()).toEqual(["Anonymous", "Shown Donor"]);
    expect(JSON.stringify(page.wall)).not.toContain("Secret Name");
    expect(JSON.stringify(page.wall)).not.toContain("Hidden Person");
    expect(page.progress.donors).toBe(3);
    expect(page).toMatchObject({ giving: { card: null, bankTransfer: true }, cancelled: true });
    expect(page.campaign.storyHtml).toContain("<strong>free</strong>");
    expect(page.campaign.storyHtml).not.toContain("<script>");

    const draft = makeCampaign({ status: "draft" });
    expect((await runRoute(() => donateLoader(routeArgs({ request: getRequest(`/donate/${draft.slug}`), params: { slug: draft.slug }, context: loadContext() })))).status).toBe(404);
    const organiser = signIn((await createUser({ roles: ["organiser"] })).id).cookieHeader;
    const asOrganiser = await runRoute(() => donateLoader(routeArgs({ request: getRequest(`/donate/${draft.slug}`, { cookie: organiser }), params: { slug: draft.slug }, context: loadContext() })));
    expect(asOrganiser.status).toBe(200);
    expect((await give(draft, { gift: draft.seat })).status).toBe(404);
  });

  it("prefills a signed-in sponsor's name and email and links the gift to them", async () => {
    const c = makeCampaign();
    const sponsor = await createUser({ roles: ["sponsor"], name: "Bola Sponsor" });
    const cookie = signIn(sponsor.id).cookieHeader;
    const page = await runRoute(() => donateLoader(routeArgs({ request: getRequest(`/donate/${c.slug}`, { cookie }), params: { slug: c.slug }, context: loadContext() })));
    expect((page.data as { prefill: object }).prefill).toEqual({ name: "Bola Sponsor", email: sponsor.email });
    expect((await give(c, { gift: c.seat, name: "Bola Sponsor", email: sponsor.email }, { cookie })).status).toBe(303);
    expect(giftsOf(c.id)[0].userId).toBe(sponsor.id);
  });
});

describe("a bank-transfer pledge", () => {
  it("records a pending one-off gift with the tier's amount, a unique reference, and emails the bank details", async () => {
    const c = makeCampaign();
    const email = uniqueEmail("pledger");
    const result = await give(c, { gift: c.seat, email, message: "For Yaba" });
    expect(result.status).toBe(303);
    const [gift] = giftsOf(c.id);
    expect(result.headers.get("location")).toBe(`/donate/${c.slug}/transfer/${gift.id}`);
    expect(gift).toMatchObject({ amount: 5_000_00, currency: "NGN", interval: "one_off", method: "bank_transfer", status: "pending", tierId: c.seat, donorEmail: email, message: "For Yaba" });
    expect(gift.reference).toMatch(/^SS-[2-9A-HJKMNP-TW-Z]{4}-[2-9A-HJKMNP-TW-Z]{4}$/);
    expect(gift.id.length).toBeGreaterThanOrEqual(26);

    const [mail] = db.select().from(outbox).where(eq(outbox.recipient, email)).all();
    expect(mail.template).toBe("bank-transfer-pledge");
    expect(mail.props).toMatchObject({ reference: gift.reference, amount: "₦5,000", bankDetails: BANK, url: `http://localhost:3000/donate/${c.slug}/transfer/${gift.id}` });

    const page = await runRoute(() => transferLoader(routeArgs({ request: getRequest(`/donate/${c.slug}/transfer/${gift.id}`), params: { slug: c.slug, donationId: gift.id }, context: loadContext() })));
    expect(page.data).toMatchObject({ amount: "₦5,000", reference: gift.reference, bankDetails: BANK, status: "pending" });
  });

  it("gives every pledge its own reference", async () => {
    const c = makeCampaign();
    for (let i = 0; i < 20; i++) expect((await give(c, { gift: c.seat })).status).toBe(303);
    const references = giftsOf(c.id).map((g) => g.reference);
    expect(new Set(references).size).toBe(20);
  });

  it("shows the pledge page only under its own campaign and only for transfers", async () => {
    const c = makeCampaign();
    const other = makeCampaign();
    await give(c, { gift: c.seat });
    const [gift] = giftsOf(c.id);
    const card = insertGift(c, { amount: 5_000_00, status: "pending" });
    for (const [slug, id] of [
      [other.slug, gift.id],
      [c.slug, card],
      [c.slug, "nope"],
    ]) {
      const result = await runRoute(() => transferLoader(routeArgs({ request: getRequest(`/donate/${slug}/transfer/${id}`), params: { slug, donationId: id }, context: loadContext() })));
      expect(result.status).toBe(404);
    }
  });

  it("takes a custom amount typed in naira within the bounds", async () => {
    const c = makeCampaign();
    expect((await give(c, { gift: "custom", customAmount: "2,500.50" })).status).toBe(303);
    expect(giftsOf(c.id)[0]).toMatchObject({ amount: 2_500_50, tierId: null, interval: "one_off" });
  });
});

describe("amounts come from the server", () => {
  it("ignores an extra amount field when a tier is chosen", async () => {
    const c = makeCampaign();
    expect((await give(c, { gift: c.seat, amount: "1", customAmount: "1" })).status).toBe(303);
    expect(giftsOf(c.id)[0].amount).toBe(5_000_00);
  });

  it("rejects another campaign's tier, and writes nothing", async () => {
    const c = makeCampaign();
    const other = makeCampaign({ minAmount: 1 });
    const result = await give(c, { gift: other.seat });
    expect(result.status).toBe(400);
    expect(errorsOf(result).gift).toBeTruthy();
    expect(giftsOf(c.id)).toHaveLength(0);
    expect(giftsOf(other.id)).toHaveLength(0);
  });

  it.each([
    ["below the minimum", "999.99", /smallest gift is ₦1,000/],
    ["above the maximum", "500,000.01", /largest gift here is ₦500,000/],
    ["too many decimals", "1000.001", /at most 2 digits after the decimal point/],
    ["negative", "-5000", /as a number/],
    ["missing", "", /Enter an amount/],
  ])("rejects a custom amount %s with a field error and writes nothing", async (_label, customAmount, message) => {
    const c = makeCampaign();
    const before = db.select().from(outbox).all().length;
    const result = await give(c, { gift: "custom", customAmount });
    expect(result.status).toBe(400);
    expect(errorsOf(result).customAmount?.[0]).toMatch(message);
    expect(giftsOf(c.id)).toHaveLength(0);
    expect(db.select().from(outbox).all().length).toBe(before);
  });

  it("refuses a monthly gift by bank transfer, by tier or custom amount", async () => {
    const c = makeCampaign();
    const byTier = await give(c, { gift: c.month });
    expect(byTier.status).toBe(400);
    expect(errorsOf(byTier).method).toBeTruthy();
    const custom = await give(c, { gift: "custom", customAmount: "5000", interval: "monthly" });
    expect(custom.status).toBe(400);
    expect(errorsOf(custom).method).toBeTruthy();
    expect(giftsOf(c.id)).toHaveLength(0);
  });

  it("refuses card without Stripe keys, bad emails and recognition, and closed campaigns", async () => {
    const c = makeCampaign();
    const card = await give(c, { gift: c.seat, method: "card" });
    expect(card.status).toBe(400);
    expect(errorsOf(card).method?.[0]).toMatch(/not available/);
    expect(errorsOf(await give(c, { gift: c.seat, email: "not-an-email" })).email).toBeTruthy();
    expect(errorsOf(await give(c, { gift: c.seat, recognition: "famous" })).recognition).toBeTruthy();
    expect(giftsOf(c.id)).toHaveLength(0);
    const closed = makeCampaign({ status: "closed" });
    expect((await give(closed, { gift: closed.seat })).status).toBe(409);
    const ended = makeCampaign({ endsAt: T0 });
    expect((await give(ended, { gift: ended.seat })).status).toBe(409);
    expect(giftsOf(closed.id).length + giftsOf(ended.id).length).toBe(0);
  });

  it("limits pledge emails per address", async () => {
    const c = makeCampaign();
    const email = uniqueEmail("busy");
    for (let i = 0; i < 3; i++) expect((await give(c, { gift: c.seat, email })).status).toBe(303);
    expect((await give(c, { gift: c.seat, email })).status).toBe(429);
    expect(giftsOf(c.id)).toHaveLength(3);
  });
});

describe("/sponsors", () => {
  it("lists named and anonymous donors across open and closed campaigns, with totals per currency", async () => {
    const naira = makeCampaign({ status: "closed" });
    const dollars = makeCampaign({ currency: "USD" });
    const draft = makeCampaign({ status: "draft" });
    insertGift(naira, { amount: 5_000_00, name: "Wall Named <b>" });
    insertGift(dollars, { amount: 25_00, name: "Dollar Donor" });
    insertGift(dollars, { amount: 10_00, name: "Refunded", status: "refunded" });
    insertGift(draft, { amount: 99_00, name: "Draft Donor" });
    const result = await runRoute(() => sponsorsLoader(routeArgs({ request: getRequest("/sponsors"), params: {}, context: loadContext() })));
    const page = result.data as { totals: { currency: string; raised: string }[]; entries: { name: string; campaignSlug: string }[] };
    const names = page.entries.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(["Wall Named <b>", "Dollar Donor"]));
    expect(names).not.toContain("Draft Donor");
    expect(names).not.toContain("Refunded");
    const usd = page.totals.find((t) => t.currency === "USD")!;
    expect(usd.raised).toBe("$25");
    expect(page.totals.map((t) => t.currency)).toEqual(expect.arrayContaining(["NGN", "USD"]));
  });
});

describe("card gifts", () => {
  let rig: StripeTestRig;
  beforeAll(async () => {
    rig = await startStripeRig();
  });
  afterAll(async () => {
    await rig.close();
    for (const key of ["STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET", "STRIPE_API_HOST", "STRIPE_API_PORT", "STRIPE_API_PROTOCOL"]) delete process.env[key];
  });

  it("sends a monthly tier to Checkout with the tier's amount, whatever amount was posted", async () => {
    const c = makeCampaign();
    const result = await give(c, { gift: c.month, method: "card", amount: "1" });
    expect(result.status).toBe(303);
    const [gift] = giftsOf(c.id);
    expect(gift).toMatchObject({ method: "card", interval: "monthly", amount: 10_000_00, status: "pending", reference: null });
    expect(result.headers.get("location")).toContain(`127.0.0.1:${rig.standIn.port}`);
    const created = rig.standIn.requests.filter((r) => r.method === "POST" && r.path === "/v1/checkout/sessions").at(-1)!;
    expect(JSON.stringify(created.body)).toContain(String(10_000_00));
    expect(db.select().from(outbox).where(eq(outbox.recipient, gift.donorEmail)).all()).toHaveLength(0);
  });
});
