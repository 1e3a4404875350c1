import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signEvent, stripeEvent } from "../support/stripe-events";
import { createCardCampaign, donationRow, postWebhook, webhookSnapshot, startCardGift, startStripeRig, type StripeTestRig } from "../support/stripe-factories";

// Correctly signed deliveries that are still wrong: a timestamp from the future, or an event whose
// object is not what its type says. Each is refused with a 4xx and nothing is written.

let rig: StripeTestRig;

beforeAll(async () => {
  rig = await startStripeRig();
});
afterAll(async () => {
  await rig.close();
});


async function paidGift() {
  const campaign = createCardCampaign();
  const { sessionId, donationId } = await startCardGift(campaign, { tierId: campaign.tiers[0].id });
  const session = rig.standIn.completeSession(sessionId);
  expect((await rig.standIn.send("checkout.session.completed", session)).status).toBe(200);
  expect(donationRow(donationId).status).toBe("paid");
  return { session, donationId, charge: rig.standIn.chargeFor(session.payment_intent as string), invoice: rig.standIn.invoiceFor(sessionId) };
}

describe("signed but wrong deliveries", () => {
  it("refuses a signature stamped in the future beyond the tolerance, and takes one just inside it", async () => {
    const campaign = createCardCampaign();
    const { sessionId, donationId } = await startCardGift(campaign, { tierId: campaign.tiers[0].id });
    const event = stripeEvent("checkout.session.completed", rig.standIn.completeSession(sessionId));
    const before = webhookSnapshot();
    for (const ahead of [301, 3600]) {
      const future = signEvent(event, { timestamp: Math.floor(Date.now() / 1000) + ahead });
      expect((await postWebhook(future.payload, future.header)).status).toBe(400);
    }
    expect(webhookSnapshot()).toEqual(before);
    const soon = signEvent(event, { timestamp: Math.floor(Date.now() / 1000) + 240 });
    expect((await postWebhook(soon.payload, soon.header)).status).toBe(200);
    expect(donationRow(donationId).status).toBe("paid");
  });

  it("refuses events whose object does not match their type, against an already paid gift, with a 4xx and no write", async () => {
    const { session, charge, invoice, donationId } = await paidGift();
    const before = webhookSnapshot();
    const mismatches: [string, Record<string, unknown>][] = [
      ["invoice.paid", session],
      ["charge.refunded", session],
      ["checkout.session.completed", charge],
      ["checkout.session.expired", invoice],
      ["customer.subscription.deleted", invoice],
      ["charge.refunded", { ...charge, amount_refunded: "all of it" }],
      ["invoice.paid", { object: "invoice" }],
    ];
    for (const [type, object] of mismatches) {
      const { status } = await rig.standIn.send(type, object);
      expect(status, `${type} carrying ${String(object.object)}`).toBeGreaterThanOrEqual(400);
      expect(status, `${type} carrying ${String(object.object)}`).toBeLessThan(500);
    }
    expect(webhookSnapshot()).toEqual(before);
    expect(donationRow(donationId)).toMatchObject({ status: "paid", refundedAmount: 0 });
  });
});
