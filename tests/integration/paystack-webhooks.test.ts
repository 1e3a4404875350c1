import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { outbox, providerEvents } from "~db/schema";
import { loader as thanksLoader } from "~/routes/donate.$slug_.thanks";
import { loader as webhookLoader } from "~/routes/webhooks.paystack";
import { getRequest, loadContext, routeArgs } from "../support/factories";
import { paystackSnapshot, postPaystackWebhook, startPaystackGift, startPaystackRig, type PaystackTestRig } from "../support/paystack-factories";
import { paystackSignature } from "../support/paystack-stand-in";
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

/** A started gift that Paystack has taken, and the signed `charge.success` it sends for it. */
async function paidGift() {
  const campaign = createCardCampaign();
  const gift = await startPaystackGift(campaign, { tierId: campaign.tiers[0].id });
  rig.standIn.settle(gift.reference, "success");
  const event = rig.standIn.chargeSuccess(gift.reference);
  const body = JSON.stringify(event);
  return { campaign, ...gift, event, body, signature: paystackSignature(body) };
}

async function thanks(slug: string, reference: string) {
  return runRoute(() => thanksLoader(routeArgs({ request: getRequest(`/donate/${slug}/thanks?reference=${reference}`), params: { slug }, context: loadContext() })));
}

describe("the Paystack webhook's signature", () => {
  it("refuses missing, forged, altered and wrongly keyed signatures with 401 and writes nothing", async () => {
    const { body, signature, donationId } = await paidGift();
    const before = paystackSnapshot();
    expect((await postPaystackWebhook(body, {})).status).toBe(401);
    expect((await postPaystackWebhook(body, { "x-paystack-signature": "" })).status).toBe(401);
    expect((await postPaystackWebhook(body, { "x-paystack-signature": "deadbeef" })).status).toBe(401);
    expect((await postPaystackWebhook(body, { "x-paystack-signature": paystackSignature(body, "sk_test_someone_else") })).status).toBe(401);
    const raised = body.replace(/"amount":\d+/, '"amount":1');
    expect(raised).not.toBe(body);
    expect((await postPaystackWebhook(raised, { "x-paystack-signature": signature })).status).toBe(401);
    // The same bytes signed properly, in upper-case hex, are the real thing.
    expect(paystackSnapshot()).toEqual(before);
    expect((await postPaystackWebhook(body, { "x-paystack-signature": signature.toUpperCase() })).status).toBe(200);
    expect(donationRow(donationId).status).toBe("paid");
  });

  it("takes deliveries only from Paystack's published addresses when the allow-list is on", async () => {
    const { body, signature, donationId } = await paidGift();
    process.env.PAYSTACK_WEBHOOK_IPS = "paystack";
    try {
      const before = paystackSnapshot();
      expect((await postPaystackWebhook(body, { "x-paystack-signature": signature }, "203.0.113.9")).status).toBe(403);
      expect(paystackSnapshot()).toEqual(before);
      expect((await postPaystackWebhook(body, { "x-paystack-signature": signature }, "::ffff:52.31.139.75")).status).toBe(200);
    } finally {
      delete process.env.PAYSTACK_WEBHOOK_IPS;
    }
    expect(donationRow(donationId).status).toBe("paid");
  });

  it("answers a GET plainly, and refuses everything when Paystack is not configured", async () => {
    expect(((await webhookLoader()) as Response).status).toBe(405);
    const { body, signature } = await paidGift();
    delete process.env.PAYSTACK_SECRET_KEY;
    try {
      const before = paystackSnapshot();
      expect((await postPaystackWebhook(body, { "x-paystack-signature": signature })).status).toBe(400);
      expect(paystackSnapshot()).toEqual(before);
    } finally {
      process.env.PAYSTACK_SECRET_KEY = "sk_test_steppingstone_paystack_local";
    }
  });
});

describe("charge.success", () => {
  it("is applied once however often it is delivered", async () => {
    const { body, signature, donationId, donorEmail, event } = await paidGift();
    const replies = await Promise.all([1, 2, 3].map(() => postPaystackWebhook(body, { "x-paystack-signature": signature })));
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(replies.map((r) => r.text).sort()).toEqual(["already processed", "already processed", "ok"]);
    expect(donationRow(donationId)).toMatchObject({ status: "paid" });
    expect(receiptsTo(donorEmail)).toHaveLength(1);
    const key = `charge.success:${(event.data as { id: number }).id}`;
    expect(db.select().from(providerEvents).where(eq(providerEvents.eventKey, key)).all()).toHaveLength(1);
  });

  it("gives the same single result whether the thanks page or the webhook comes first", async () => {
    const early = await paidGift();
    expect((await thanks(early.campaign.slug, early.reference)).data).toMatchObject({ state: "paid" });
    expect((await postPaystackWebhook(early.body, { "x-paystack-signature": early.signature })).text).toBe("already paid");

    const late = await paidGift();
    expect((await postPaystackWebhook(late.body, { "x-paystack-signature": late.signature })).text).toBe("ok");
    expect((await thanks(late.campaign.slug, late.reference)).data).toMatchObject({ state: "paid" });

    for (const gift of [early, late]) {
      expect(receiptsTo(gift.donorEmail)).toHaveLength(1);
      expect(donationRow(gift.donationId).receiptNumber).toMatch(/^\d{4}-\d{4}$/);
    }
  });

  it("records nothing for a reference that is not ours or a payment that differs from the gift, and still answers 200", async () => {
    const { event } = await paidGift();
    const before = paystackSnapshot();
    for (const data of [
      { ...event.data, reference: "SSP-NOTOURSATALL000", id: 1 },
      { ...event.data, amount: 100 },
      { ...event.data, currency: "USD" },
    ]) {
      const body = JSON.stringify({ event: "charge.success", data });
      const reply = await postPaystackWebhook(body, { "x-paystack-signature": paystackSignature(body) });
      expect(reply.status).toBe(200);
    }
    expect(paystackSnapshot()).toEqual(before);
  });

  it("ignores event types it does not act on, and refuses a signed body that is not an event", async () => {
    const before = paystackSnapshot();
    for (const [body, status] of [
      [JSON.stringify({ event: "transfer.success", data: { id: 1 } }), 200],
      [JSON.stringify({ event: "charge.success", data: { id: "x" } }), 422],
      ["not json", 400],
      [JSON.stringify([1, 2]), 400],
    ] as const) {
      expect((await postPaystackWebhook(body, { "x-paystack-signature": paystackSignature(body) })).status, body).toBe(status);
    }
    expect(paystackSnapshot()).toEqual(before);
  });
});

describe("an oversized delivery", () => {
  it("is cut off at 1 MB while it streams, with or without a stated length, and writes nothing", async () => {
    const before = paystackSnapshot();
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 4 * 1024 * 1024) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    expect((await postPaystackWebhook(stream, { "x-paystack-signature": "0".repeat(128) })).status).toBe(413);
    expect(sent).toBeLessThan(2 * 1024 * 1024);
    const big = " ".repeat(1_000_001);
    expect((await postPaystackWebhook(big, { "x-paystack-signature": paystackSignature(big) })).status).toBe(413);
    expect(paystackSnapshot()).toEqual(before);
  });
});
