import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { donations, outbox, recurringGifts } from "~db/schema";
import { createUser } from "../support/factories";
import { createCardCampaign, startCardGift, startStripeRig, type StripeTestRig } from "../support/stripe-factories";
import { myMonthlyGifts } from "~/modules/sponsorship/index.server";

let rig: StripeTestRig;

beforeAll(async () => {
  rig = await startStripeRig();
});
afterAll(async () => {
  await rig.close();
});

describe("a monthly gift whose renewal failed, then went through", () => {
  it("is active again once the retried invoice is paid, and the renewal is its own gift", async () => {
    const user = await createUser({ roles: ["sponsor"] });
    const campaign = createCardCampaign();
    const { sessionId, donationId } = await startCardGift(campaign, { tierId: campaign.tiers[1].id, userId: user.id, email: user.email });
    await rig.standIn.send("checkout.session.completed", rig.standIn.completeSession(sessionId));
    const renewal = rig.standIn.invoiceFor(sessionId, { billingReason: "subscription_cycle" });
    await rig.standIn.send("invoice.payment_failed", { ...renewal, status: "open", amount_paid: 0 });
    const gift = () => db.select().from(recurringGifts).where(eq(recurringGifts.firstDonationId, donationId)).get();
    expect(gift()?.status).toBe("past_due");

    // The donor updated their card; Stripe's retry of the same invoice succeeds.
    await rig.standIn.send("invoice.paid", renewal);
    expect(gift()?.status).toBe("active");
    expect(db.select().from(donations).where(eq(donations.campaignId, campaign.id)).all()).toHaveLength(2);
    const shown = myMonthlyGifts({ id: user.id, email: user.email, emailVerified: true });
    expect(shown.map((g) => g.status)).toEqual(["active"]);
  });

  it("ignores a failed attempt delivered after the same invoice was paid: no past-due state, no email", async () => {
    const campaign = createCardCampaign();
    const { sessionId, donationId, donorEmail } = await startCardGift(campaign, { tierId: campaign.tiers[1].id });
    await rig.standIn.send("checkout.session.completed", rig.standIn.completeSession(sessionId));
    const renewal = rig.standIn.invoiceFor(sessionId, { billingReason: "subscription_cycle" });
    await rig.standIn.send("invoice.paid", renewal);
    await rig.standIn.send("invoice.payment_failed", { ...renewal, status: "open", amount_paid: 0 });
    expect(db.select().from(recurringGifts).where(eq(recurringGifts.firstDonationId, donationId)).get()?.status).toBe("active");
    const failures = db.select().from(outbox).where(eq(outbox.recipient, donorEmail)).all().filter((m) => m.template === "monthly-gift-payment-failed");
    expect(failures).toHaveLength(0);
  });

  it("stays cancelled when a late payment arrives after the gift was stopped", async () => {
    const campaign = createCardCampaign();
    const { sessionId, donationId } = await startCardGift(campaign, { tierId: campaign.tiers[1].id });
    await rig.standIn.send("checkout.session.completed", rig.standIn.completeSession(sessionId));
    await rig.standIn.send("customer.subscription.deleted", rig.standIn.subscriptionFor(sessionId));
    await rig.standIn.send("invoice.paid", rig.standIn.invoiceFor(sessionId, { billingReason: "subscription_cycle" }));
    expect(db.select().from(recurringGifts).where(eq(recurringGifts.firstDonationId, donationId)).get()?.status).toBe("cancelled");
  });
});
