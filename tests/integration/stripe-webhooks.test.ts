import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { donations, outbox, recurringGifts } from "~db/schema";
import { loader } from "~/routes/webhooks.stripe";
import { createUser } from "../support/factories";
import { deliverEvent, signEvent, stripeEvent, TEST_WEBHOOK_SECRET } from "../support/stripe-events";
import { createCardCampaign, donationRow, postWebhook, webhookSnapshot, startCardGift, startStripeRig, type StripeTestRig } from "../support/stripe-factories";

let rig: StripeTestRig;

beforeAll(async () => {
  rig = await startStripeRig();
});
afterAll(async () => {
  await rig.close();
});

function mail(template: string, to?: string) {
  return db
    .select()
    .from(outbox)
    .all()
    .filter((m) => m.template === template && (!to || m.recipient === to));
}


async function oneOffGift() {
  const campaign = createCardCampaign();
  return { campaign, ...(await startCardGift(campaign, { tierId: campaign.tiers[0].id })) };
}

async function monthlyGift() {
  const campaign = createCardCampaign();
  return { campaign, ...(await startCardGift(campaign, { tierId: campaign.tiers[1].id })) };
}

describe("webhook signature", () => {
  it("refuses unsigned, wrongly signed, altered and stale deliveries with 400 and writes nothing", async () => {
    const { sessionId } = await oneOffGift();
    const event = stripeEvent("checkout.session.completed", rig.standIn.completeSession(sessionId));
    const good = signEvent(event);
    const before = webhookSnapshot();

    expect((await postWebhook(good.payload, null)).status).toBe(400);
    expect((await postWebhook(good.payload, "")).status).toBe(400);
    expect((await postWebhook(good.payload, "t=1,v1=deadbeef")).status).toBe(400);
    const wrongSecret = signEvent(event, { secret: "whsec_someone_else" });
    expect((await postWebhook(wrongSecret.payload, wrongSecret.header)).status).toBe(400);
    const altered = good.payload.replace('"payment_status":"paid"', '"payment_status":"paid" ');
    expect(altered).not.toBe(good.payload);
    expect((await postWebhook(altered, good.header)).status).toBe(400);
    const raised = good.payload.replace(/"amount_total":\d+/, '"amount_total":1');
    expect((await postWebhook(raised, good.header)).status).toBe(400);
    const stale = signEvent(event, { timestamp: Math.floor(Date.now() / 1000) - 301 });
    expect((await postWebhook(stale.payload, stale.header)).status).toBe(400);

    expect(webhookSnapshot()).toEqual(before);
    // The same event, properly signed and fresh, is taken.
    expect((await postWebhook(good.payload, good.header)).status).toBe(200);
    expect(webhookSnapshot().events).toBe(before.events + 1);
  });

  it("accepts a signature four minutes old", async () => {
    const { sessionId, donationId } = await oneOffGift();
    const event = stripeEvent("checkout.session.completed", rig.standIn.completeSession(sessionId));
    const recent = signEvent(event, { timestamp: Math.floor(Date.now() / 1000) - 240 });
    expect((await postWebhook(recent.payload, recent.header)).status).toBe(200);
    expect(donationRow(donationId).status).toBe("paid");
  });

  it("refuses everything when no signing secret is configured", async () => {
    const { sessionId, donationId } = await oneOffGift();
    const signed = signEvent(stripeEvent("checkout.session.completed", rig.standIn.completeSession(sessionId)));
    delete process.env.STRIPE_WEBHOOK_SECRET;
    try {
      expect((await postWebhook(signed.payload, signed.header)).status).toBe(400);
    } finally {
      process.env.STRIPE_WEBHOOK_SECRET = TEST_WEBHOOK_SECRET;
    }
    expect(donationRow(donationId).status).toBe("pending");
  });

  it("answers a GET with 405 and refuses a body too large to be Stripe's", async () => {
    const get = (await loader()) as Response;
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
    const huge = JSON.stringify({ id: "evt_test_big", padding: "x".repeat(1_000_001) });
    expect((await postWebhook(huge, signEvent(huge).header)).status).toBe(413);
  });

  it("answers 200 to event types it does not handle, changing nothing else", async () => {
    const before = webhookSnapshot();
    const reply = await rig.standIn.send("customer.created", { id: "cus_test_unknown", object: "customer" });
    expect(reply.status).toBe(200);
    expect(webhookSnapshot().donations).toEqual(before.donations);
    expect(webhookSnapshot().outbox).toBe(before.outbox);
  });
});

describe("replays", () => {
  it("applies the same event sent 10 times in a row once: one gift, one receipt", async () => {
    const { sessionId, donationId, donorEmail } = await oneOffGift();
    const event = stripeEvent("checkout.session.completed", rig.standIn.completeSession(sessionId));
    const signed = signEvent(event);
    const replies = [];
    for (let i = 0; i < 10; i += 1) replies.push((await postWebhook(signed.payload, signed.header)).text);
    expect(replies[0]).toBe("ok");
    expect(replies.slice(1)).toEqual(Array(9).fill("already processed"));
    const row = donationRow(donationId);
    expect(row.status).toBe("paid");
    expect(row.receiptNumber).toMatch(/^\d{4}-\d{4}$/);
    expect(mail("donation-receipt", donorEmail)).toHaveLength(1);
  });

  it("applies the same event sent 10 times at once, and 10 different events for one session, once", async () => {
    const { sessionId, donationId, donorEmail } = await oneOffGift();
    const completed = rig.standIn.completeSession(sessionId);
    const event = stripeEvent("checkout.session.completed", completed);
    // Over loopback HTTP, all in flight together, as Stripe's retries can be.
    const results = await Promise.all(Array.from({ length: 10 }, () => deliverEvent(rig.webhookUrl, event)));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(results.filter((r) => r.text === "ok")).toHaveLength(1);
    // Stripe may also send a fresh event id for the same payment (and the thanks page runs too).
    await Promise.all(Array.from({ length: 10 }, () => rig.standIn.send("checkout.session.completed", completed)));
    expect(db.select().from(donations).where(eq(donations.checkoutSessionId, sessionId)).all()).toHaveLength(1);
    expect(donationRow(donationId).status).toBe("paid");
    expect(mail("donation-receipt", donorEmail)).toHaveLength(1);
  });
});

describe("out of order and delayed payments", () => {
  it("keeps a paid gift paid when the session's expiry arrives after its completion", async () => {
    const { sessionId, donationId } = await oneOffGift();
    const completed = rig.standIn.completeSession(sessionId);
    await rig.standIn.send("checkout.session.completed", completed);
    await rig.standIn.send("checkout.session.expired", { ...completed, status: "expired", payment_status: "unpaid" });
    await rig.standIn.send("checkout.session.async_payment_failed", completed);
    expect(donationRow(donationId).status).toBe("paid");
  });

  it("marks an abandoned session expired", async () => {
    const { sessionId, donationId, donorEmail } = await oneOffGift();
    await rig.standIn.send("checkout.session.expired", rig.standIn.expireSession(sessionId));
    expect(donationRow(donationId).status).toBe("expired");
    expect(mail("donation-receipt", donorEmail)).toHaveLength(0);
  });

  it("waits for a delayed payment, then pays or fails it", async () => {
    const first = await oneOffGift();
    const unpaid = rig.standIn.completeSession(first.sessionId, { paymentStatus: "unpaid" });
    await rig.standIn.send("checkout.session.completed", unpaid);
    expect(donationRow(first.donationId).status).toBe("processing");
    expect(mail("donation-receipt", first.donorEmail)).toHaveLength(0);
    await rig.standIn.send("checkout.session.async_payment_succeeded", rig.standIn.completeSession(first.sessionId));
    expect(donationRow(first.donationId)).toMatchObject({ status: "paid", paymentIntentId: unpaid.payment_intent });
    expect(mail("donation-receipt", first.donorEmail)).toHaveLength(1);

    const second = await oneOffGift();
    const pending = rig.standIn.completeSession(second.sessionId, { paymentStatus: "unpaid" });
    await rig.standIn.send("checkout.session.completed", pending);
    await rig.standIn.send("checkout.session.async_payment_failed", pending);
    expect(donationRow(second.donationId)).toMatchObject({ status: "failed", receiptNumber: null });
    // A late "completed" replay of the unpaid session does not revive it.
    await rig.standIn.send("checkout.session.completed", pending);
    expect(donationRow(second.donationId).status).toBe("failed");
  });

  it("pays a monthly gift once when its first invoice arrives before the completed session", async () => {
    const { sessionId, donationId, donorEmail } = await monthlyGift();
    const invoice = rig.standIn.invoiceFor(sessionId);
    await rig.standIn.send("invoice.paid", invoice);
    const paid = donationRow(donationId);
    expect(paid).toMatchObject({ status: "paid", invoiceId: invoice.id, subscriptionId: rig.standIn.sessions.get(sessionId)!.subscription });
    await rig.standIn.send("checkout.session.completed", rig.standIn.completeSession(sessionId));
    await rig.standIn.send("invoice.paid", invoice);
    expect(db.select().from(donations).where(eq(donations.campaignId, paid.campaignId)).all()).toHaveLength(1);
    expect(mail("donation-receipt", donorEmail)).toHaveLength(1);
    const gift = db.select().from(recurringGifts).where(eq(recurringGifts.firstDonationId, donationId)).get();
    expect(gift).toMatchObject({ status: "active", customerId: paid.customerId });
  });
});

describe("monthly gifts", () => {
  it("makes each paid renewal its own gift with its own receipt, once", async () => {
    const user = await createUser({ roles: ["sponsor"] });
    const campaign = createCardCampaign();
    const { sessionId, donationId, donorEmail } = await startCardGift(campaign, { tierId: campaign.tiers[1].id, userId: user.id, email: user.email });
    await rig.standIn.send("checkout.session.completed", rig.standIn.completeSession(sessionId));
    await rig.standIn.send("invoice.paid", rig.standIn.invoiceFor(sessionId));
    const renewal1 = rig.standIn.invoiceFor(sessionId, { billingReason: "subscription_cycle" });
    const renewal2 = rig.standIn.invoiceFor(sessionId, { billingReason: "subscription_cycle" });
    await rig.standIn.send("invoice.paid", renewal1);
    await rig.standIn.send("invoice.paid", renewal1);
    await rig.standIn.send("invoice.paid", renewal2);
    const gifts = db.select().from(donations).where(eq(donations.campaignId, campaign.id)).all();
    expect(gifts).toHaveLength(3);
    const renewals = gifts.filter((g) => g.id !== donationId);
    for (const gift of renewals) {
      expect(gift).toMatchObject({ status: "paid", amount: 1_000_000, interval: "monthly", parentDonationId: donationId, userId: user.id, donorEmail });
      expect(gift.receiptNumber).toMatch(/^\d{4}-\d{4}$/);
    }
    expect(new Set(gifts.map((g) => g.receiptNumber)).size).toBe(3);
    expect(renewals.map((g) => g.invoiceId).sort()).toEqual([renewal1.id, renewal2.id].sort());
    expect(mail("donation-receipt", donorEmail)).toHaveLength(3);
  });

  it("tells the donor once when a renewal fails, and once when the gift is cancelled", async () => {
    const { sessionId, donationId, donorEmail } = await monthlyGift();
    await rig.standIn.send("checkout.session.completed", rig.standIn.completeSession(sessionId));
    const renewal = rig.standIn.invoiceFor(sessionId, { billingReason: "subscription_cycle" });
    const failed = { ...renewal, status: "open", amount_paid: 0 };
    await rig.standIn.send("invoice.payment_failed", failed);
    await rig.standIn.send("invoice.payment_failed", failed);
    const failures = mail("monthly-gift-payment-failed", donorEmail);
    expect(failures).toHaveLength(1);
    expect(failures[0].props).toMatchObject({ url: renewal.hosted_invoice_url, amount: "₦10,000" });
    expect(db.select().from(recurringGifts).where(eq(recurringGifts.firstDonationId, donationId)).get()?.status).toBe("past_due");

    const subscription = rig.standIn.subscriptionFor(sessionId);
    await rig.standIn.send("customer.subscription.deleted", subscription);
    await rig.standIn.send("customer.subscription.deleted", subscription);
    const gift = db.select().from(recurringGifts).where(eq(recurringGifts.firstDonationId, donationId)).get();
    expect(gift).toMatchObject({ status: "cancelled" });
    expect(gift?.cancelledAt).toEqual(expect.any(Number));
    const cancelled = mail("monthly-gift-cancelled", donorEmail);
    expect(cancelled).toHaveLength(1);
    expect(cancelled[0].props).toMatchObject({ paymentsMade: 1 });
    // The first gift stays paid: cancelling stops future payments only.
    expect(donationRow(donationId).status).toBe("paid");
  });
});

describe("refunds", () => {
  it("applies partial and full refunds from charge.refunded, idempotently and in any order", async () => {
    const { sessionId, donationId, donorEmail } = await oneOffGift();
    const completed = rig.standIn.completeSession(sessionId);
    await rig.standIn.send("checkout.session.completed", completed);
    const pi = completed.payment_intent as string;
    const partial = rig.standIn.refundCharge(pi, 100_000);
    await rig.standIn.send("charge.refunded", partial);
    await rig.standIn.send("charge.refunded", partial);
    expect(donationRow(donationId)).toMatchObject({ status: "paid", refundedAmount: 100_000 });
    const full = rig.standIn.refundCharge(pi, 400_000);
    await rig.standIn.send("charge.refunded", full);
    // The older, smaller total arriving late changes nothing.
    await rig.standIn.send("charge.refunded", partial);
    const row = donationRow(donationId);
    expect(row).toMatchObject({ status: "refunded", refundedAmount: 500_000 });
    expect(row.refundedAt).toEqual(expect.any(Number));
    const notices = mail("donation-refunded", donorEmail);
    expect(notices.map((m) => m.props)).toEqual([
      expect.objectContaining({ amount: "₦1,000", full: false }),
      expect.objectContaining({ amount: "₦4,000", full: true }),
    ]);
  });
});
