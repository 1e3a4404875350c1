import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { donations, jobs, outbox } from "~db/schema";
import { updateOrganisation } from "~/modules/organisation/index.server";
import { settlePaystackGift } from "~/modules/sponsorship/providers/paystack-payments.server";
import { action as donateAction, loader as donateLoader } from "~/routes/donate.$slug";
import { loader as thanksLoader } from "~/routes/donate.$slug_.thanks";
import { startGiftPayment } from "~/modules/sponsorship/index.server";
import { createUser, formRequest, freshIp, getRequest, loadContext, routeArgs, signIn, uniqueEmail } from "../support/factories";
import { startPaystackGift, startPaystackRig, type PaystackTestRig } from "../support/paystack-factories";
import { PAYSTACK_TEST_KEY } from "../support/paystack-stand-in";
import { runRoute } from "../support/route-results";
import { createCardCampaign, donationRow } from "../support/stripe-factories";

let rig: PaystackTestRig;
beforeAll(async () => {
  rig = await startPaystackRig();
});
afterAll(async () => {
  await rig.close();
});

function receiptsTo(email: string) {
  return db.select().from(outbox).where(eq(outbox.recipient, email)).all().filter((m) => m.template === "donation-receipt");
}

async function thanks(slug: string, query: string, cookie?: string) {
  return runRoute(() => thanksLoader(routeArgs({ request: getRequest(`/donate/${slug}/thanks?${query}`, { cookie }), params: { slug }, context: loadContext() })));
}

function give(slug: string, fields: Record<string, string>, cookie?: string) {
  return runRoute(() => donateAction(routeArgs({ request: formRequest(`/donate/${slug}`, fields, { cookie }), params: { slug }, context: loadContext(freshIp()) })));
}

/** What Paystack's checkout does when the donor presses Pay: the event goes out, the donor is sent back. */
async function payOnStandIn(url: string) {
  const response = await fetch(url, { method: "POST", redirect: "manual" });
  expect(response.status).toBe(303);
  return new URL(response.headers.get("location")!);
}

function verifyCalls(reference: string) {
  return rig.standIn.requests.filter((r) => r.method === "GET" && r.path === `/transaction/verify/${reference}`).length;
}

describe("which provider a donor sees", () => {
  it("offers Paystack for Naira and Stripe for dollars when both are set up, and only what organisers switched on", async () => {
    const naira = createCardCampaign();
    const dollars = createCardCampaign({ currency: "USD", minAmount: 500, maxAmount: 100_000 });
    const offered = async (slug: string) => ((await runRoute(() => donateLoader(routeArgs({ request: getRequest(`/donate/${slug}`), params: { slug }, context: loadContext() })))).data as { giving: unknown }).giving;
    process.env.STRIPE_SECRET_KEY = "sk_test_both";
    try {
      expect(await offered(naira.slug)).toEqual({ card: { key: "paystack", label: "Paystack" }, monthly: true, bankTransfer: true });
      // The account takes Naira only: dollars are given by card until a domiciliary account is added.
      expect(await offered(dollars.slug)).toEqual({ card: { key: "stripe", label: "Stripe" }, monthly: true, bankTransfer: false });
      updateOrganisation({ bankTransferCurrencies: ["NGN", "USD"] });
      expect(await offered(dollars.slug)).toEqual({ card: { key: "stripe", label: "Stripe" }, monthly: true, bankTransfer: true });
      updateOrganisation({ paystackEnabled: false, bankTransferEnabled: false });
      expect(await offered(naira.slug)).toEqual({ card: { key: "stripe", label: "Stripe" }, monthly: true, bankTransfer: false });
    } finally {
      delete process.env.STRIPE_SECRET_KEY;
      updateOrganisation({ paystackEnabled: true, bankTransferEnabled: true, bankTransferCurrencies: ["NGN"] });
    }
    // Paystack alone: Naira gifts by card, one-off or monthly on its plans.
    expect(await offered(naira.slug)).toEqual({ card: { key: "paystack", label: "Paystack" }, monthly: true, bankTransfer: true });
    expect(await offered(createCardCampaign({ currency: "EUR", minAmount: 500, maxAmount: 100_000 }).slug)).toEqual({ card: null, monthly: false, bankTransfer: false });
  });

  it("refuses a transfer organisers switched off, writing nothing", async () => {
    const campaign = createCardCampaign();
    updateOrganisation({ bankTransferEnabled: false });
    try {
      const transfer = await give(campaign.slug, { gift: campaign.tiers[0].id, method: "bank_transfer", name: "Ada", email: uniqueEmail("t"), recognition: "named" });
      expect(transfer.status).toBe(400);
      expect(JSON.stringify(transfer.data)).toContain("Bank transfers are not taken at the moment");
    } finally {
      updateOrganisation({ bankTransferEnabled: true });
    }
    expect(db.select().from(donations).where(eq(donations.campaignId, campaign.id)).all()).toEqual([]);
  });
});

describe("a one-off Naira gift through Paystack", () => {
  it("goes from the donate form to Paystack's page with the tier's amount in kobo, and back to a paid thanks page", async () => {
    const donor = await createUser({ roles: ["sponsor"] });
    const campaign = createCardCampaign();
    const cookie = signIn(donor.id).cookieHeader;
    const started = await give(campaign.slug, { gift: campaign.tiers[0].id, method: "card", name: "Ngozi Naira", email: donor.email, recognition: "named" }, cookie);
    expect(started.status).toBe(303);
    const payUrl = started.headers.get("location")!;
    expect(payUrl).toMatch(new RegExp(`^${rig.standIn.url}/pay/[0-9a-f]+$`));

    const init = rig.standIn.requests.filter((r) => r.path === "/transaction/initialize").at(-1)!;
    expect(init.headers.authorization).toBe(`Bearer ${PAYSTACK_TEST_KEY}`);
    const reference = String(init.body.reference);
    expect(reference).toMatch(/^SSP-[A-Z0-9]{16}$/);
    expect(init.body).toEqual({
      amount: 500_000,
      currency: "NGN",
      email: donor.email,
      reference,
      callback_url: `http://localhost:3000/donate/${campaign.slug}/thanks`,
      metadata: expect.objectContaining({ cancel_action: `http://localhost:3000/donate/${campaign.slug}?cancelled=1` }),
    });
    const gift = db.select().from(outbox).all().length;
    const row = () => donationRow(String((init.body.metadata as { donation_id: string }).donation_id));
    expect(row()).toMatchObject({ provider: "paystack", providerReference: reference, status: "pending", amount: 500_000, method: "card" });

    const back = await payOnStandIn(payUrl);
    expect(back.pathname).toBe(`/donate/${campaign.slug}/thanks`);
    expect(back.searchParams.get("reference")).toBe(reference);
    expect(back.searchParams.get("trxref")).toBe(reference);
    expect(row().status).toBe("paid");

    const page = await thanks(campaign.slug, back.search.slice(1), cookie);
    expect(page.data).toMatchObject({ state: "paid", amount: "₦5,000", receiptId: row().id });
    expect(row().receiptNumber).toMatch(/^\d{4}-\d{4}$/);
    expect(receiptsTo(donor.email)).toHaveLength(1);
    expect(db.select().from(outbox).all().length).toBe(gift + 1);
  });

  it("never marks a gift paid from the redirect alone", async () => {
    const campaign = createCardCampaign();
    const { donationId, reference, donorEmail } = await startPaystackGift(campaign, { tierId: campaign.tiers[0].id });
    // The donor (or anyone) types the return address without paying: Paystack says abandoned.
    expect((await thanks(campaign.slug, `trxref=${reference}&reference=${reference}`)).data).toMatchObject({ state: "incomplete" });
    expect(donationRow(donationId)).toMatchObject({ status: "pending", receiptNumber: null });
    expect(receiptsTo(donorEmail)).toEqual([]);
    // A reference that is not ours, or ours under another campaign, is a missing page; Paystack is not asked.
    const asked = rig.standIn.requests.length;
    expect((await thanks(campaign.slug, "reference=SSP-AAAAAAAAAAAAAAAA")).status).toBe(404);
    expect((await thanks(campaign.slug, "reference=../../etc")).status).toBe(404);
    expect((await thanks(createCardCampaign().slug, `reference=${reference}`)).status).toBe(404);
    expect(rig.standIn.requests.length).toBe(asked);
  });

  it("refuses a verified payment whose amount or currency differs from the gift", async () => {
    const campaign = createCardCampaign();
    for (const change of [{ amount: 100 }, { currency: "GHS" }]) {
      const { donationId, reference, donorEmail } = await startPaystackGift(campaign, { tierId: campaign.tiers[0].id });
      rig.standIn.settle(reference, "success");
      Object.assign(rig.standIn.transactions.get(reference)!, change);
      expect((await thanks(campaign.slug, `reference=${reference}`)).data).toMatchObject({ state: "incomplete" });
      expect(verifyCalls(reference)).toBe(1);
      expect(donationRow(donationId)).toMatchObject({ status: "pending", paidAt: null });
      expect(receiptsTo(donorEmail)).toEqual([]);
    }
  });

  it("says it is being confirmed when Paystack cannot be reached, and pays on the next visit", async () => {
    const campaign = createCardCampaign();
    const { donationId, reference } = await startPaystackGift(campaign, { amount: 2_500_00 });
    rig.standIn.settle(reference, "success");
    process.env.PAYSTACK_API_URL = "http://127.0.0.1:9";
    try {
      expect((await thanks(campaign.slug, `reference=${reference}`)).data).toMatchObject({ state: "processing" });
    } finally {
      process.env.PAYSTACK_API_URL = rig.standIn.url;
    }
    expect(donationRow(donationId).status).toBe("pending");
    expect((await thanks(campaign.slug, `reference=${reference}`)).data).toMatchObject({ state: "paid", amount: "₦2,500" });
  });

  it("sends a donor who cancels back to the campaign, and closes a gift Paystack cannot be asked to start", async () => {
    const campaign = createCardCampaign();
    const { url } = await startPaystackGift(campaign, { tierId: campaign.tiers[0].id });
    const cancelled = await fetch(`${url}/cancel`, { method: "POST", redirect: "manual" });
    expect(cancelled.headers.get("location")).toBe(`http://localhost:3000/donate/${campaign.slug}?cancelled=1`);

    process.env.PAYSTACK_API_URL = "http://127.0.0.1:9";
    try {
      const started = await give(campaign.slug, { gift: campaign.tiers[0].id, method: "card", name: "Ada", email: uniqueEmail("down"), recognition: "named" });
      expect(started.status).toBe(502);
      expect(JSON.stringify(started.data)).toContain("Nothing was charged");
    } finally {
      process.env.PAYSTACK_API_URL = rig.standIn.url;
    }
    const down = db.select().from(donations).where(eq(donations.campaignId, campaign.id)).all().find((d) => d.donorEmail.startsWith("down"))!;
    expect(down).toMatchObject({ status: "failed", failureReason: "The card payment service could not be reached." });
    // Sending the same gift to Paystack twice is refused, and the gift waiting on its page is left alone.
    const { donationId } = await startPaystackGift(campaign, { amount: 2_000_00 });
    await expect(startGiftPayment(donationId)).rejects.toThrow(/already been sent to Paystack/);
    expect(donationRow(donationId).status).toBe("pending");
  });
});

describe("a gift left on Paystack's page", () => {
  it("expires when abandoned, fails when declined, and is paid when only the webhook was missed", async () => {
    const campaign = createCardCampaign();
    const abandoned = await startPaystackGift(campaign, { amount: 1_500_00 });
    const declined = await startPaystackGift(campaign, { amount: 1_500_00 });
    const missed = await startPaystackGift(campaign, { amount: 1_500_00 });
    rig.standIn.settle(declined.reference, "failed");
    rig.standIn.settle(missed.reference, "success");
    const settleJob = (donationId: string) => db.select().from(jobs).all().find((j) => j.kind === "sponsorship.paystack-settle" && j.payload.donationId === donationId)!;
    for (const gift of [abandoned, declined, missed]) await settlePaystackGift(settleJob(gift.donationId).payload);
    expect(donationRow(abandoned.donationId).status).toBe("expired");
    expect(donationRow(declined.donationId)).toMatchObject({ status: "failed", failureReason: "The payment did not go through." });
    expect(donationRow(missed.donationId).status).toBe("paid");
    expect(receiptsTo(missed.donorEmail)).toHaveLength(1);
    // A late payment for the abandoned gift is still recorded: money that arrived is never lost.
    rig.standIn.settle(abandoned.reference, "success");
    expect((await rig.standIn.send(rig.standIn.chargeSuccess(abandoned.reference))).status).toBe(200);
    expect(donationRow(abandoned.donationId).status).toBe("paid");
  });
});
