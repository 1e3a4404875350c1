import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { outbox, paymentDisputes } from "~db/schema";
import { action as detailAction, loader as detailLoader } from "~/routes/admin.donations.$id";
import { loader as listLoader } from "~/routes/admin.donations._index";
import { updateOrganisation } from "~/modules/organisation/index.server";
import { personalDataInSponsorship } from "~/modules/sponsorship/index.server";
import { createUser, formRequest, getRequest, loadContext, routeArgs, signIn, type TestUser } from "../support/factories";
import { postPaystackWebhook, startPaystackGift, startPaystackRig, type PaystackTestRig } from "../support/paystack-factories";
import { paystackSignature, type PaystackEvent } from "../support/paystack-stand-in";
import { runRoute } from "../support/route-results";
import { createCardCampaign, donationRow } from "../support/stripe-factories";

let rig: PaystackTestRig;
let organiser: TestUser;
let cookie: string;

beforeAll(async () => {
  rig = await startPaystackRig();
  organiser = await createUser({ name: "Refund Organiser", roles: ["organiser"] });
  cookie = signIn(organiser.id).cookieHeader;
});
afterAll(async () => {
  await rig.close();
});

/** A ₦5,000 gift paid on the stand-in's checkout, as a donor would. */
async function paidGift() {
  const campaign = createCardCampaign();
  const gift = await startPaystackGift(campaign, { tierId: campaign.tiers[0]!.id });
  const paid = await fetch(gift.url, { method: "POST", redirect: "manual" });
  expect(paid.status).toBe(303);
  expect(donationRow(gift.donationId)).toMatchObject({ status: "paid", amount: 5_000_00 });
  return { campaign, ...gift };
}

function refund(donationId: string, fields: Record<string, string>) {
  return runRoute(() =>
    detailAction(routeArgs({ request: formRequest(`/admin/donations/${donationId}`, { intent: "refund", ...fields }, { cookie }), context: loadContext(), params: { id: donationId } })),
  );
}

function giftPage(donationId: string) {
  return runRoute(() => detailLoader(routeArgs({ request: getRequest(`/admin/donations/${donationId}`, { cookie }), context: loadContext(), params: { id: donationId } })));
}

const refundRequests = () => rig.standIn.requests.filter((r) => r.method === "POST" && r.path === "/refund");
const refundEmailsTo = (email: string) => db.select().from(outbox).where(and(eq(outbox.recipient, email), eq(outbox.template, "donation-refunded"))).all();

async function deliver(event: PaystackEvent) {
  const body = JSON.stringify(event);
  return postPaystackWebhook(body, { "x-paystack-signature": paystackSignature(body) });
}

describe("refunding a Paystack gift from its page", () => {
  it("refunds part, then the rest, each applied when Paystack reports it processed, with one email each", async () => {
    const gift = await paidGift();
    expect((await giftPage(gift.donationId)).data).toMatchObject({ refundWay: { via: "Paystack", byHand: false }, refundable: { minor: 5_000_00 } });

    const part = await refund(gift.donationId, { amount: "1,500", reason: "Gave twice by mistake" });
    expect(part.status).toBe(302);
    expect(refundRequests().at(-1)!.body).toEqual({ transaction: gift.reference, amount: 1_500_00, merchant_note: "Gave twice by mistake" });
    await rig.standIn.refundEventsDelivered();
    expect(donationRow(gift.donationId)).toMatchObject({ status: "paid", refundedAmount: 1_500_00, refundReason: "Gave twice by mistake" });
    expect(refundEmailsTo(gift.donorEmail)).toHaveLength(1);

    const rest = await refund(gift.donationId, { reason: "Event cancelled" });
    expect(rest.status).toBe(302);
    expect(refundRequests().at(-1)!.body).toMatchObject({ amount: 3_500_00 });
    await rig.standIn.refundEventsDelivered();
    expect(donationRow(gift.donationId)).toMatchObject({ status: "refunded", refundedAmount: 5_000_00 });
    expect(refundEmailsTo(gift.donorEmail)).toHaveLength(2);
    expect((await giftPage(gift.donationId)).data).toMatchObject({ refundable: null, refunded: "₦5,000" });
  });

  it("refuses more than is left at the amount field, and a missing reason, without asking Paystack", async () => {
    const gift = await paidGift();
    const before = refundRequests().length;
    const tooMuch = await refund(gift.donationId, { amount: "5000.01", reason: "Too much" });
    expect(tooMuch.status).toBe(400);
    expect((tooMuch.data as { error: Record<string, string[]> }).error.amount).toEqual(["Enter an amount more than 0 and at most ₦5,000"]);
    expect((await refund(gift.donationId, { amount: "0", reason: "Nothing" })).status).toBe(400);
    expect((await refund(gift.donationId, { amount: "100" })).status).toBe(400);
    expect(refundRequests()).toHaveLength(before);
    expect(donationRow(gift.donationId).refundedAmount).toBe(0);
  });

  it("keeps the gift unchanged while Paystack works on it, and a double submit sends one refund", async () => {
    const gift = await paidGift();
    rig.standIn.setRefundOutcome("hold");
    try {
      const before = refundRequests().length;
      const replies = await Promise.all([1, 2].map(() => refund(gift.donationId, { amount: "2000", reason: "Asked for it back" })));
      expect(replies.map((r) => r.status)).toEqual([302, 302]);
      expect(refundRequests()).toHaveLength(before + 1);
      await rig.standIn.refundEventsDelivered();
      expect(donationRow(gift.donationId)).toMatchObject({ status: "paid", refundedAmount: 0 });
      const page = (await giftPage(gift.donationId)).data as Record<string, unknown>;
      expect(page).toMatchObject({ refundable: null, refundOnItsWay: { amount: "₦2,000" } });
      // Another amount while one is on its way is refused, not sent.
      const other = await refund(gift.donationId, { amount: "500", reason: "More" });
      expect(other.status).toBe(409);
      expect(refundRequests()).toHaveLength(before + 1);

      const sent = rig.standIn.refunds.at(-1)!;
      const processed = await rig.standIn.finishRefund(sent.id, "processed");
      expect(donationRow(gift.donationId)).toMatchObject({ refundedAmount: 2_000_00 });
      // Paystack delivering the same event again changes nothing and sends no second email.
      expect((await deliver(processed)).text).toBe("already processed");
      expect((await deliver(processed)).status).toBe(200);
      expect(donationRow(gift.donationId)).toMatchObject({ status: "paid", refundedAmount: 2_000_00 });
      expect(refundEmailsTo(gift.donorEmail)).toHaveLength(1);
      expect((await giftPage(gift.donationId)).data).toMatchObject({ refundOnItsWay: null, refundable: { minor: 3_000_00 } });
    } finally {
      rig.standIn.setRefundOutcome("processed");
    }
  });

  it("shows organisers a refund Paystack could not make, and lets them try again", async () => {
    const gift = await paidGift();
    rig.standIn.setRefundOutcome("failed");
    try {
      expect((await refund(gift.donationId, { amount: "1000", reason: "Duplicate" })).status).toBe(302);
      await rig.standIn.refundEventsDelivered();
    } finally {
      rig.standIn.setRefundOutcome("processed");
    }
    expect(donationRow(gift.donationId)).toMatchObject({ status: "paid", refundedAmount: 0 });
    expect(refundEmailsTo(gift.donorEmail)).toHaveLength(0);
    const page = (await giftPage(gift.donationId)).data as Record<string, unknown>;
    expect(page).toMatchObject({ failureLabel: "Refund not made", refundOnItsWay: null, refundable: { minor: 5_000_00 } });
    expect(page.failureReason).toMatch(/Paystack could not make the refund of ₦1,000/);

    expect((await refund(gift.donationId, { amount: "1000", reason: "Duplicate, again" })).status).toBe(302);
    await rig.standIn.refundEventsDelivered();
    expect(donationRow(gift.donationId)).toMatchObject({ refundedAmount: 1_000_00, failureReason: "" });
  });

  it("waits for the payment when a refund event comes first, and ignores references that are not ours", async () => {
    const campaign = createCardCampaign();
    const gift = await startPaystackGift(campaign, { tierId: campaign.tiers[0]!.id });
    const early: PaystackEvent = {
      event: "refund.processed",
      data: { status: "processed", transaction_reference: gift.reference, refund_reference: "RF_EARLY", amount: 1_000_00, currency: "NGN" },
    };
    expect((await deliver(early)).status).toBe(409);
    expect(donationRow(gift.donationId)).toMatchObject({ status: "pending", refundedAmount: 0 });
    await fetch(gift.url, { method: "POST", redirect: "manual" });
    expect((await deliver(early)).text).toBe("ok");
    expect(donationRow(gift.donationId)).toMatchObject({ status: "paid", refundedAmount: 1_000_00 });

    const stranger = await deliver({ event: "refund.processed", data: { ...early.data, transaction_reference: "SSP-NOTOURS0000000" } });
    expect(stranger).toEqual({ status: 200, text: "unknown reference" });
  });
});

describe("disputes", () => {
  it("records a dispute when it opens, emails the contact address once, and shows it until it is resolved", async () => {
    updateOrganisation({ contactEmail: "money@steppingstone.example" });
    const gift = await paidGift();
    const opened = await rig.standIn.dispute(gift.reference, "charge.dispute.create", { disputeId: 9_001 });
    await deliver(opened);
    await rig.standIn.dispute(gift.reference, "charge.dispute.remind", { disputeId: 9_001 });
    const rows = db.select().from(paymentDisputes).where(eq(paymentDisputes.donationId, gift.donationId)).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ provider: "paystack", providerDisputeId: "9001", status: "awaiting_response", reason: "chargeback", amount: 5_000_00, currency: "NGN", resolvedAt: null });
    expect(rows[0]!.respondBy).toEqual(expect.any(Number));
    const emails = db.select().from(outbox).where(eq(outbox.template, "payment-dispute-opened")).all().filter((m) => JSON.stringify(m).includes(gift.donationId));
    expect(emails.map((m) => m.recipient)).toEqual(["money@steppingstone.example"]);

    const page = (await giftPage(gift.donationId)).data as { disputes: { status: string }[] };
    expect(page.disputes).toEqual([expect.objectContaining({ status: "Waiting for your evidence", amount: "₦5,000" })]);
    const list = (await runRoute(() => listLoader(routeArgs({ request: getRequest("/admin/donations", { cookie }), context: loadContext(), params: {} })))).data as {
      disputes: { donationId: string }[];
    };
    expect(list.disputes.map((d) => d.donationId)).toContain(gift.donationId);

    // The person's data download names the dispute of their gift.
    const section = personalDataInSponsorship({ userId: "nobody", email: gift.donorEmail, timeZone: "Africa/Lagos" });
    expect(section.tables.find((t) => t.name === "disputes")!.rows).toEqual([expect.objectContaining({ status: "awaiting_response", amountMinorUnits: 5_000_00 })]);

    const resolved = await rig.standIn.dispute(gift.reference, "charge.dispute.resolve", { disputeId: 9_001, resolution: "declined" });
    expect(db.select().from(paymentDisputes).where(eq(paymentDisputes.id, rows[0]!.id)).get()).toMatchObject({ status: "won", resolvedAt: expect.any(Number) });
    // An older report arriving late does not reopen it.
    await deliver(opened);
    await deliver(resolved);
    expect(db.select().from(paymentDisputes).where(eq(paymentDisputes.id, rows[0]!.id)).get()).toMatchObject({ status: "won" });
    const after = (await runRoute(() => listLoader(routeArgs({ request: getRequest("/admin/donations", { cookie }), context: loadContext(), params: {} })))).data as {
      disputes: { donationId: string }[];
    };
    expect(after.disputes.map((d) => d.donationId)).not.toContain(gift.donationId);
    expect(db.select().from(outbox).where(eq(outbox.template, "payment-dispute-opened")).all().filter((m) => JSON.stringify(m).includes(gift.donationId))).toHaveLength(1);
  });
});
