import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { outbox } from "~db/schema";
import { loader as thanksLoader } from "~/routes/donate.$slug_.thanks";
import { createUser, getRequest, loadContext, signIn, routeArgs } from "../support/factories";
import { runRoute } from "../support/route-results";
import { createCardCampaign, donationRow, startCardGift, startStripeRig, type StripeTestRig } from "../support/stripe-factories";
import { TEST_SECRET_KEY } from "../support/stripe-events";
import { createDonation, cardPaymentsAvailable, startGiftPayment } from "~/modules/sponsorship/index.server";
import { accepted } from "../support/outcomes";

let rig: StripeTestRig;

beforeAll(async () => {
  rig = await startStripeRig();
});
afterAll(async () => {
  await rig.close();
});

function lastCheckoutRequest() {
  const found = rig.standIn.requests.filter((r) => r.method === "POST" && r.path === "/v1/checkout/sessions").at(-1);
  if (!found) throw new Error("no Checkout Session was created");
  return found;
}

describe("card checkout", () => {
  it("is available only with a secret key", () => {
    expect(cardPaymentsAvailable()).toBe(true);
    delete process.env.STRIPE_SECRET_KEY;
    try {
      expect(cardPaymentsAvailable()).toBe(false);
    } finally {
      process.env.STRIPE_SECRET_KEY = TEST_SECRET_KEY;
    }
  });

  it("builds a one-off payment from the tier's amount on the server", async () => {
    const campaign = createCardCampaign();
    const tier = campaign.tiers.find((t) => t.interval === "one_off")!;
    const { donationId, sessionId, url, donorEmail } = await startCardGift(campaign, { tierId: tier.id });
    const { body, headers } = lastCheckoutRequest();
    expect(body.mode).toBe("payment");
    expect(body.line_items).toEqual([
      { quantity: "1", price_data: { currency: "ngn", unit_amount: "500000", product_data: { name: `${campaign.title}: A workshop seat` } } },
    ]);
    expect(body.metadata).toMatchObject({ donation_id: donationId, campaign_id: campaign.id });
    expect(body.client_reference_id).toBe(donationId);
    expect(body.customer_email).toBe(donorEmail);
    expect(body.payment_intent_data).toMatchObject({ metadata: { donation_id: donationId } });
    expect(body.subscription_data).toBeUndefined();
    expect(body.success_url).toBe(`http://localhost:3000/donate/${campaign.slug}/thanks?session_id={CHECKOUT_SESSION_ID}`);
    expect(body.cancel_url).toBe(`http://localhost:3000/donate/${campaign.slug}?cancelled=1`);
    expect(headers["idempotency-key"]).toMatch(new RegExp(`^checkout:${donationId}:`));
    expect(headers.authorization).toBe(`Bearer ${TEST_SECRET_KEY}`);
    expect(url).toBe(`${rig.standIn.url}/pay/${sessionId}`);
    const row = donationRow(donationId);
    expect(row).toMatchObject({ checkoutSessionId: sessionId, status: "pending", amount: 500000, method: "card" });
  });

  it("builds a monthly subscription with a recurring price from a custom amount", async () => {
    const campaign = createCardCampaign({ currency: "USD", minAmount: 500, maxAmount: 100_000 });
    const { donationId } = await startCardGift(campaign, { amount: 2550, interval: "monthly" });
    const { body } = lastCheckoutRequest();
    expect(body.mode).toBe("subscription");
    expect(body.line_items).toEqual([
      {
        quantity: "1",
        price_data: { currency: "usd", unit_amount: "2550", product_data: { name: `Gift to ${campaign.title}` }, recurring: { interval: "month" } },
      },
    ]);
    expect(body.subscription_data).toEqual({ metadata: { donation_id: donationId, campaign_id: campaign.id } });
    expect(body.payment_intent_data).toBeUndefined();
    expect(donationRow(donationId).interval).toBe("monthly");
  });

  it("closes the gift as failed, charging nothing, when Stripe cannot be reached to start the checkout", async () => {
    const campaign = createCardCampaign();
    const { id } = accepted(createDonation({
      campaignId: campaign.id,
      tierId: null,
      amount: 2_000_00,
      interval: "one_off",
      method: "card",
      donorName: "Ada Donor",
      donorEmail: "unreached@example.org",
      userId: null,
      recognition: "named",
    }));
    const port = process.env.STRIPE_API_PORT;
    // A port nothing listens on: the SDK's request fails to connect.
    process.env.STRIPE_API_PORT = "9";
    try {
      await expect(startGiftPayment(id)).rejects.toThrow();
    } finally {
      process.env.STRIPE_API_PORT = port;
    }
    expect(donationRow(id)).toMatchObject({ status: "failed", checkoutSessionId: null });
  });

  it("reuses a session that is still open, and refuses a gift that is no longer pending", async () => {
    const campaign = createCardCampaign();
    const { donationId, url } = await startCardGift(campaign, { amount: 7_000_00 });
    const before = rig.standIn.requests.length;
    expect(await startGiftPayment(donationId)).toBe(url);
    expect(rig.standIn.requests.slice(before).map((r) => `${r.method} ${r.path.replace(/cs_test_\w+/, ":id")}`)).toEqual([
      "GET /v1/checkout/sessions/:id",
    ]);
    const sessionId = donationRow(donationId).checkoutSessionId!;
    await rig.standIn.send("checkout.session.completed", rig.standIn.completeSession(sessionId));
    expect(donationRow(donationId).status).toBe("paid");
    await expect(startGiftPayment(donationId)).rejects.toThrow(/is paid, not pending/);
  });
});

describe("the thanks page", () => {
  async function thanks(slug: string, sessionId: string, cookie?: string) {
    return runRoute(() =>
      thanksLoader(routeArgs({ request: getRequest(`/donate/${slug}/thanks?session_id=${sessionId}`, { cookie }), params: { slug }, context: loadContext() })),
    );
  }

  it("fulfils a paid session itself when the donor arrives before the webhook", async () => {
    const owner = await createUser({ roles: ["sponsor"] });
    const campaign = createCardCampaign();
    const { donationId, sessionId } = await startCardGift(campaign, { tierId: campaign.tiers[0].id, userId: owner.id, email: owner.email });
    rig.standIn.completeSession(sessionId);
    const page = await thanks(campaign.slug, sessionId, signIn(owner.id).cookieHeader);
    expect(page.data).toMatchObject({ state: "paid", amount: "₦5,000", receiptId: donationId, campaignTitle: campaign.title });
    expect(donationRow(donationId).status).toBe("paid");
    // The webhook that follows finds the work done; so does a reload.
    await rig.standIn.send("checkout.session.completed", rig.standIn.completeSession(sessionId));
    expect((await thanks(campaign.slug, sessionId)).data).toMatchObject({ state: "paid", receiptId: null });
    const receipts = db.select().from(outbox).where(eq(outbox.recipient, owner.email)).all();
    expect(receipts.map((m) => m.template)).toEqual(["donation-receipt"]);
  });

  it("says processing for a delayed payment and not completed for an unpaid or expired session", async () => {
    const campaign = createCardCampaign();
    const delayed = await startCardGift(campaign, { amount: 3_000_00 });
    rig.standIn.completeSession(delayed.sessionId, { paymentStatus: "unpaid" });
    expect((await thanks(campaign.slug, delayed.sessionId)).data).toMatchObject({ state: "processing" });
    const open = await startCardGift(campaign, { amount: 3_000_00 });
    expect((await thanks(campaign.slug, open.sessionId)).data).toMatchObject({ state: "incomplete" });
    rig.standIn.expireSession(open.sessionId);
    expect((await thanks(campaign.slug, open.sessionId)).data).toMatchObject({ state: "incomplete" });
    expect(donationRow(open.donationId).status).toBe("expired");
  });

  it("says the gift is being confirmed, not that it failed, when Stripe cannot be reached", async () => {
    const campaign = createCardCampaign();
    const { sessionId, donationId } = await startCardGift(campaign, { amount: 3_000_00 });
    const port = process.env.STRIPE_API_PORT;
    // A port nothing listens on: the SDK's request fails to connect.
    process.env.STRIPE_API_PORT = "9";
    try {
      expect((await thanks(campaign.slug, sessionId)).data).toMatchObject({ state: "processing" });
    } finally {
      process.env.STRIPE_API_PORT = port;
    }
    expect(donationRow(donationId).status).toBe("pending");
  });

  it("knows no session of another campaign, an unknown session or a malformed id", async () => {
    const campaign = createCardCampaign();
    const other = createCardCampaign();
    const { sessionId } = await startCardGift(campaign, { amount: 3_000_00 });
    expect((await thanks(other.slug, sessionId)).status).toBe(404);
    expect((await thanks(campaign.slug, "cs_test_unknown")).status).toBe(404);
    // Neither an unknown session nor one under another campaign's address is looked up at Stripe.
    const asked = [`/v1/checkout/sessions/cs_test_unknown`, `/v1/checkout/sessions/${sessionId}`];
    expect(rig.standIn.requests.filter((r) => r.method === "GET" && asked.includes(r.path))).toHaveLength(0);
    expect((await thanks(campaign.slug, "../../v1/refunds")).status).toBe(404);
  });
});
