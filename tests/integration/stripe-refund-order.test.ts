import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { donations, jobs } from "~db/schema";
import { registerJobHandlers } from "~/jobs.server";
import { runDueJobs } from "~/modules/outbox/jobs.server";
import { REFUND_RECHECK_JOB, REFUND_RECHECKS } from "~/modules/sponsorship/refunds.server";
import { clock, HOUR, MINUTE } from "~/utils/clock.server";
import { createCardCampaign, donationRow, startCardGift, startStripeRig, type StripeTestRig } from "../support/stripe-factories";
import { stripeObjectId } from "../support/stripe-events";

let rig: StripeTestRig;

beforeAll(async () => {
  registerJobHandlers();
  rig = await startStripeRig();
});
afterAll(async () => {
  await rig.close();
});
afterEach(() => clock.set(null));

async function runJobsAt(at: number) {
  clock.set(at);
  while ((await runDueJobs()) > 0);
}

describe("a refund delivered before the payment it refunds", () => {
  it("is applied once the late payment event arrives, not lost", async () => {
    const campaign = createCardCampaign();
    const { sessionId, donationId } = await startCardGift(campaign, { tierId: campaign.tiers[0].id });
    const completed = rig.standIn.completeSession(sessionId);
    // Stripe retries the failed delivery of "completed" after the refund's event went through.
    await rig.standIn.send("charge.refunded", rig.standIn.refundCharge(completed.payment_intent as string, 5_000_00));
    expect(donationRow(donationId)).toMatchObject({ status: "pending", refundedAmount: 0 });
    await rig.standIn.send("checkout.session.completed", completed);
    expect(donationRow(donationId).status).toBe("paid");

    await runJobsAt(Date.now() + 2 * MINUTE);
    expect(donationRow(donationId)).toMatchObject({ status: "refunded", refundedAmount: 5_000_00 });
  });

  it("finds a monthly payment's gift through its invoice, since invoice events do not name the payment", async () => {
    const campaign = createCardCampaign();
    const { sessionId, donationId } = await startCardGift(campaign, { tierId: campaign.tiers[1].id });
    await rig.standIn.send("checkout.session.completed", rig.standIn.completeSession(sessionId));
    const renewal = rig.standIn.invoiceFor(sessionId, { billingReason: "subscription_cycle" });
    await rig.standIn.send("invoice.paid", renewal);
    const gift = db.select().from(donations).where(eq(donations.invoiceId, renewal.id as string)).get()!;
    expect(gift).toMatchObject({ status: "paid", parentDonationId: donationId });
    const listed = (await (await fetch(`${rig.standIn.url}/v1/invoice_payments?invoice=${renewal.id as string}`)).json()) as { data: { payment: { payment_intent: string } }[] };
    const paymentIntent = listed.data[0].payment.payment_intent;

    // Refunded from Stripe's dashboard: the charge names only its payment.
    await rig.standIn.send("charge.refunded", rig.standIn.refundCharge(paymentIntent, 10_000_00));
    await runJobsAt(Date.now() + 2 * MINUTE);
    expect(donationRow(gift.id)).toMatchObject({ status: "refunded", refundedAmount: 10_000_00, paymentIntentId: paymentIntent });
    expect(donationRow(donationId)).toMatchObject({ status: "paid", refundedAmount: 0 });
  });

  it("stops looking after a few days for a charge that is no gift of ours", async () => {
    const paymentIntent = stripeObjectId("pi");
    const charge = { id: stripeObjectId("ch"), object: "charge", amount: 1000, amount_refunded: 1000, refunded: true, payment_intent: paymentIntent, currency: "ngn" };
    expect((await rig.standIn.send("charge.refunded", charge)).status).toBe(200);
    const start = Date.now();
    for (let step = 1; step <= 28; step += 1) await runJobsAt(start + step * 6 * HOUR);
    const rechecks = db.select().from(jobs).where(eq(jobs.kind, REFUND_RECHECK_JOB)).all().filter((job) => (job.payload as { paymentIntentId?: string }).paymentIntentId === paymentIntent);
    expect(rechecks).toHaveLength(REFUND_RECHECKS);
    expect(rechecks.every((job) => job.status === "done")).toBe(true);
  });
});
