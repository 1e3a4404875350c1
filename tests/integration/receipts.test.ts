import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { outbox, receiptCounters } from "~db/schema";
import { renderEmail } from "~emails/registry";
import { markDonationPaid } from "~/modules/sponsorship/fulfilment.server";
import { action, loader } from "~/routes/receipts.$id";
import { clock } from "~/utils/clock.server";
import { createUser, formRequest, getRequest, loadContext, signIn, uniqueEmail, routeArgs } from "../support/factories";
import { runRoute } from "../support/route-results";
import { createCardCampaign, donationRow, startCardGift, startStripeRig, type StripeTestRig, type TestCampaign } from "../support/stripe-factories";
import { createDonation, refundDonation } from "~/modules/sponsorship/index.server";
import { updateOrganisation } from "~/modules/organisation/index.server";
import { accepted } from "../support/outcomes";

let rig: StripeTestRig;
let campaign: TestCampaign;

beforeAll(async () => {
  rig = await startStripeRig();
  updateOrganisation({ name: "Rise Again Lagos", contactEmail: "hello@riseagain.example", timeZone: "Africa/Lagos" });
  campaign = createCardCampaign();
});
afterAll(async () => {
  await rig.close();
});
afterEach(() => clock.set(null));

function receiptEmails(to: string) {
  return db.select().from(outbox).where(eq(outbox.recipient, to)).all().filter((m) => m.template === "donation-receipt");
}

function tokenFrom(to: string): { url: URL; token: string } {
  const [email] = receiptEmails(to);
  const url = new URL(String((email.props as { url: string }).url));
  return { url, token: url.searchParams.get("t")! };
}

function transfer(email = uniqueEmail("giver"), userId: string | null = null) {
  const { id } = accepted(createDonation({
    campaignId: campaign.id,
    amount: 2_500_00,
    method: "bank_transfer",
    donorName: "Bola Giver",
    donorEmail: email,
    userId,
    recognition: "anonymous",
  }));
  return { id, email };
}

function markPaid(id: string, confirmedBy: string | null = null) {
  return db.transaction((tx) => markDonationPaid(tx, id, { now: clock.now(), confirmedBy }), { behavior: "immediate" });
}

async function paidCardGift(input: { tierId: string; userId?: string; email?: string }) {
  const gift = await startCardGift(campaign, input);
  await rig.standIn.send("checkout.session.completed", rig.standIn.completeSession(gift.sessionId));
  return gift;
}

describe("receipt numbers", () => {
  it("run per year in the organisation's time zone, without gaps, once per gift", async () => {
    const organiser = await createUser({ roles: ["organiser"] });
    // 23:30 UTC on 31 December is already 1 January in Lagos.
    clock.set(Date.UTC(2031, 11, 31, 22, 30));
    const a = transfer();
    expect(markPaid(a.id, organiser.id)).toEqual({ changed: true });
    expect(markPaid(a.id, organiser.id)).toEqual({ changed: false });
    clock.set(Date.UTC(2031, 11, 31, 23, 30));
    const b = transfer();
    const c = transfer();
    markPaid(b.id);
    markPaid(c.id);
    expect(donationRow(a.id)).toMatchObject({ receiptNumber: "2031-0001", status: "paid", confirmedBy: organiser.id });
    expect(donationRow(b.id).receiptNumber).toBe("2032-0001");
    expect(donationRow(c.id).receiptNumber).toBe("2032-0002");
    expect(receiptEmails(a.email)).toHaveLength(1);
    const props = receiptEmails(b.email)[0].props as Record<string, unknown>;
    expect(props).toMatchObject({ receiptNumber: "2032-0001", amount: "₦2,500", campaignTitle: campaign.title, method: "bank_transfer", monthly: false });
    expect(db.select().from(receiptCounters).all()).toEqual(expect.arrayContaining([{ year: 2031, last: 1 }, { year: 2032, last: 2 }]));
  });
});

describe("the receipt email", () => {
  it("carries the number, date, amount, campaign, the organisation's details and the secret link", async () => {
    const gift = await paidCardGift({ tierId: campaign.tiers[1].id });
    const [queued] = receiptEmails(gift.donorEmail);
    const row = donationRow(gift.donationId);
    const email = await renderEmail("donation-receipt", queued.props as never, { name: "Rise Again Lagos", contactEmail: "hello@riseagain.example" });
    expect(email.subject).toBe(`Thank you: your ₦10,000 gift to Rise Again Lagos (receipt ${row.receiptNumber})`);
    for (const part of [row.receiptNumber!, "₦10,000", campaign.title, "Rise Again Lagos", "hello@riseagain.example", "Manage your monthly gift"]) {
      expect(email.text).toContain(part);
    }
    expect(email.text).toMatch(/Date: \w{3},? \d{1,2} \w{3} \d{4}/);
    expect(email.text).toContain(tokenFrom(gift.donorEmail).url.toString());
  });
});

describe("the receipt page", () => {
  it("shows the receipt to its signed-in owner and to the holder of the emailed link, and to nobody else", async () => {
    const owner = await createUser({ roles: ["sponsor"] });
    const other = await createUser({ roles: ["sponsor"] });
    const organiser = await createUser({ roles: ["organiser"] });
    const gift = await paidCardGift({ tierId: campaign.tiers[0].id, userId: owner.id, email: owner.email });
    const { url, token } = tokenFrom(owner.email);
    expect(url.pathname).toBe(`/receipts/${gift.donationId}`);
    expect(token.length).toBeGreaterThanOrEqual(26);
    const path = `/receipts/${gift.donationId}`;
    const params = { id: gift.donationId };
    const asOwner = await runRoute(() => loader(routeArgs({ request: getRequest(path, { cookie: signIn(owner.id).cookieHeader }), params, context: loadContext() })));
    expect(asOwner.status).toBe(200);
    expect(asOwner.data).toMatchObject({
      receiptNumber: donationRow(gift.donationId).receiptNumber,
      amount: "₦5,000",
      campaignTitle: campaign.title,
      donorEmail: owner.email,
      organisationName: "Rise Again Lagos",
      organisationEmail: "hello@riseagain.example",
      canManage: false,
    });
    const asGuest = await runRoute(() => loader(routeArgs({ request: getRequest(`${path}?t=${token}`), params, context: loadContext() })));
    expect(asGuest.status).toBe(200);
    for (const request of [
      getRequest(path),
      getRequest(path, { cookie: signIn(other.id).cookieHeader }),
      getRequest(path, { cookie: signIn(organiser.id).cookieHeader }),
      // The last character changed (never to itself: a token may already end in "x").
      getRequest(`${path}?t=${token.slice(0, -1)}${token.endsWith("x") ? "y" : "x"}`),
      getRequest(`/receipts/nope?t=${token}`),
    ]) {
      const result = await runRoute(() => loader(routeArgs({ request, params: { id: new URL(request.url).pathname.split("/")[2] }, context: loadContext() })));
      expect(result.status).toBe(404);
    }
    // Another gift's token does not open this one.
    const someoneElse = await paidCardGift({ tierId: campaign.tiers[0].id });
    const theirs = tokenFrom(someoneElse.donorEmail).token;
    expect((await runRoute(() => loader(routeArgs({ request: getRequest(`${path}?t=${theirs}`), params, context: loadContext() })))).status).toBe(404);
  });

  it("has no receipt for a gift that is not paid", async () => {
    const owner = await createUser({ roles: ["sponsor"] });
    const { id } = transfer(owner.email, owner.id);
    const result = await runRoute(() => loader(routeArgs({ request: getRequest(`/receipts/${id}`, { cookie: signIn(owner.id).cookieHeader }), params: { id }, context: loadContext() })));
    expect(result.status).toBe(404);
  });

  it("sends a monthly donor to the Stripe Customer Portal, and nobody else", async () => {
    const gift = await paidCardGift({ tierId: campaign.tiers[1].id });
    const { token } = tokenFrom(gift.donorEmail);
    const path = `/receipts/${gift.donationId}`;
    const params = { id: gift.donationId };
    const page = await runRoute(() => loader(routeArgs({ request: getRequest(`${path}?t=${token}`), params, context: loadContext() })));
    expect(page.data).toMatchObject({ canManage: true, monthly: true });
    const manage = await runRoute(() => action(routeArgs({ request: formRequest(`${path}?t=${token}`, { intent: "manage", t: token }), params, context: loadContext() })));
    expect(manage.status).toBe(303);
    expect(manage.headers.get("location")).toMatch(new RegExp(`^${rig.standIn.url}/portal/bps_test_`));
    const portal = rig.standIn.requests.filter((r) => r.path === "/v1/billing_portal/sessions").at(-1)!;
    expect(portal.body).toEqual({ customer: donationRow(gift.donationId).customerId, return_url: `http://localhost:3000${path}?t=${token}` });
    const stranger = await runRoute(() => action(routeArgs({ request: formRequest(path, { intent: "manage", t: "wrong" }), params, context: loadContext() })));
    expect(stranger.status).toBe(404);
    // Once cancelled there is nothing to manage.
    await rig.standIn.send("customer.subscription.deleted", rig.standIn.subscriptionFor(gift.sessionId));
    const after = await runRoute(() => action(routeArgs({ request: formRequest(path, { intent: "manage", t: token }), params, context: loadContext() })));
    expect(after.status).toBe(404);
  });

  it("answers 503 with a plain message, not a crash, when Stripe cannot be reached for the portal", async () => {
    const gift = await paidCardGift({ tierId: campaign.tiers[1].id });
    const { token } = tokenFrom(gift.donorEmail);
    const path = `/receipts/${gift.donationId}`;
    const port = process.env.STRIPE_API_PORT;
    // A port nothing listens on: the SDK's request fails to connect.
    process.env.STRIPE_API_PORT = "9";
    try {
      const result = await runRoute(() => action(routeArgs({ request: formRequest(path, { intent: "manage", t: token }), params: { id: gift.donationId }, context: loadContext() })));
      expect(result.status).toBe(503);
      expect(result.data).toMatchObject({ message: expect.stringMatching(/could not reach the card payment service/) });
    } finally {
      process.env.STRIPE_API_PORT = port;
    }
  });

  it("offers no portal for a one-off gift", async () => {
    const gift = await paidCardGift({ tierId: campaign.tiers[0].id });
    const { token } = tokenFrom(gift.donorEmail);
    const path = `/receipts/${gift.donationId}`;
    const result = await runRoute(() => action(routeArgs({ request: formRequest(path, { intent: "manage", t: token }), params: { id: gift.donationId }, context: loadContext() })));
    expect(result.status).toBe(404);
  });
});

describe("refunds through Stripe", () => {
  it("refunds part then the rest, once, with the organiser's reason, whatever the webhook does", async () => {
    const organiser = await createUser({ roles: ["organiser"] });
    const gift = await paidCardGift({ tierId: campaign.tiers[0].id });
    expect(await refundDonation({ donationId: gift.donationId, amount: 200_000, reason: "Asked twice by mistake", actorId: organiser.id })).toMatchObject({ ok: true, settled: true });
    expect(donationRow(gift.donationId)).toMatchObject({ status: "paid", refundedAmount: 200_000, refundReason: "Asked twice by mistake" });
    const request = rig.standIn.requests.filter((r) => r.path === "/v1/refunds").at(-1)!;
    expect(request.body).toMatchObject({ payment_intent: donationRow(gift.donationId).paymentIntentId, amount: "200000", metadata: { donation_id: gift.donationId } });
    // Stripe's own event for the same refund changes nothing more.
    const pi = donationRow(gift.donationId).paymentIntentId!;
    await rig.standIn.send("charge.refunded", rig.standIn.chargeFor(pi));
    expect(donationRow(gift.donationId).refundedAmount).toBe(200_000);
    const tooMuch = await refundDonation({ donationId: gift.donationId, amount: 300_001, reason: "x", actorId: organiser.id });
    expect(tooMuch).toEqual({ ok: false, status: 400, message: expect.stringContaining("₦3,000") });
    expect(await refundDonation({ donationId: gift.donationId, reason: " ", actorId: organiser.id })).toMatchObject({ ok: false });
    expect(await refundDonation({ donationId: gift.donationId, reason: "The rest", actorId: organiser.id })).toMatchObject({ ok: true, settled: true });
    expect(donationRow(gift.donationId)).toMatchObject({ status: "refunded", refundedAmount: 500_000 });
    const notices = db.select().from(outbox).where(eq(outbox.recipient, gift.donorEmail)).all().filter((m) => m.template === "donation-refunded");
    expect(notices).toHaveLength(2);
    expect(await refundDonation({ donationId: gift.donationId, reason: "Again", actorId: organiser.id })).toMatchObject({ ok: false });
  });

  it("refuses unpaid gifts", async () => {
    const organiser = await createUser({ roles: ["organiser"] });
    const unpaid = await startCardGift(campaign, { tierId: campaign.tiers[0].id });
    expect(await refundDonation({ donationId: unpaid.donationId, reason: "x", actorId: organiser.id })).toMatchObject({ ok: false });
  });
});
