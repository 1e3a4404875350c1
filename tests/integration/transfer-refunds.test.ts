import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { auditLog, outbox } from "~db/schema";
import { action as detailAction, loader as detailLoader } from "~/routes/admin.donations.$id";
import { createDonation, markTransferReceived, recordGiftInPerson, refundDonation } from "~/modules/sponsorship/index.server";
import { createUser, formRequest, getRequest, loadContext, routeArgs, signIn, uniqueEmail, type TestUser } from "../support/factories";
import { accepted } from "../support/outcomes";
import { runRoute } from "../support/route-results";
import { createCardCampaign, donationRow, type TestCampaign } from "../support/stripe-factories";

let organiser: TestUser;
let cookie: string;
let campaign: TestCampaign;

beforeAll(async () => {
  organiser = await createUser({ name: "Transfer Organiser", roles: ["organiser"] });
  cookie = signIn(organiser.id).cookieHeader;
  campaign = createCardCampaign();
});

/** A ₦50,000 pledge whose transfer arrived: all of it, or what the statement says arrived. */
function arrivedTransfer(receivedAmount?: string) {
  const email = uniqueEmail("transfer");
  const { id } = accepted(
    createDonation({ campaignId: campaign.id, amount: 50_000_00, method: "bank_transfer", donorName: "Kemi Giver", donorEmail: email, recognition: "named" }),
  );
  expect(markTransferReceived({ donationId: id, actorId: organiser.id, receivedAmount })).toMatchObject({ ok: true });
  return { id, email };
}

function refund(donationId: string, fields: Record<string, string>) {
  return runRoute(() =>
    detailAction(routeArgs({ request: formRequest(`/admin/donations/${donationId}`, { intent: "refund", ...fields }, { cookie }), context: loadContext(), params: { id: donationId } })),
  );
}

function giftPage(donationId: string) {
  return runRoute(() => detailLoader(routeArgs({ request: getRequest(`/admin/donations/${donationId}`, { cookie }), context: loadContext(), params: { id: donationId } })));
}

const refundEmailsTo = (email: string) => db.select().from(outbox).where(and(eq(outbox.recipient, email), eq(outbox.template, "donation-refunded"))).all();

describe("a bank transfer refunded by the organisation", () => {
  it("records a refund sent back in two parts, up to what arrived, with one email each and the organiser's reasons", async () => {
    const gift = arrivedTransfer("30,000");
    // The receipt is for the ₦30,000 that arrived, so that is all there is to send back.
    expect((await giftPage(gift.id)).data).toMatchObject({ refundWay: { via: "bank transfer", byHand: true }, refundable: { minor: 30_000_00 } });

    const tooMuch = await refund(gift.id, { amount: "30,000.01", reason: "Paid twice" });
    expect(tooMuch.status).toBe(400);
    expect(donationRow(gift.id)).toMatchObject({ status: "paid", refundedAmount: 0 });

    const part = await refund(gift.id, { amount: "10,000", reason: "Paid twice by mistake" });
    expect(part.status).toBe(302);
    expect(donationRow(gift.id)).toMatchObject({ status: "paid", refundedAmount: 10_000_00, refundReason: "Paid twice by mistake" });

    const rest = await refund(gift.id, { reason: "Campaign cancelled" });
    expect(rest.status).toBe(302);
    expect(donationRow(gift.id)).toMatchObject({ status: "refunded", refundedAmount: 30_000_00 });
    expect(refundEmailsTo(gift.email).map((m) => (m.props as { amount: string; full: boolean }).full)).toEqual([false, true]);
    const audits = db.select().from(auditLog).where(and(eq(auditLog.action, "donation.refunded"), eq(auditLog.targetId, gift.id))).all();
    expect(audits.map((entry) => entry.details)).toEqual([
      expect.objectContaining({ amount: 10_000_00, via: "bank_transfer", reason: "Paid twice by mistake" }),
      expect.objectContaining({ amount: 20_000_00, via: "bank_transfer", reason: "Campaign cancelled" }),
    ]);

    expect((await giftPage(gift.id)).data).toMatchObject({ refundable: null });
    expect((await refund(gift.id, { reason: "Again" })).status).toBe(400);
    expect(refundEmailsTo(gift.email)).toHaveLength(2);
  });

  it("refuses a reason left empty, keeping the amount typed, and writes nothing", async () => {
    const gift = arrivedTransfer();
    const reply = await refund(gift.id, { amount: "5,000", reason: "   " });
    expect(reply.status).toBe(400);
    expect(donationRow(gift.id)).toMatchObject({ status: "paid", refundedAmount: 0 });
    expect(refundEmailsTo(gift.email)).toHaveLength(0);
  });

  it("has nothing to refund before the money arrives, and never refunds cash or in-kind gifts", async () => {
    const { id } = accepted(
      createDonation({ campaignId: campaign.id, amount: 50_000_00, method: "bank_transfer", donorName: "Ada Pledger", donorEmail: uniqueEmail("pledge"), recognition: "named" }),
    );
    expect((await giftPage(id)).data).toMatchObject({ refundable: null });
    expect(await refundDonation({ donationId: id, reason: "x", actorId: organiser.id })).toMatchObject({ ok: false });

    const cash = recordGiftInPerson({
      formKey: "cash-refund-form-0001",
      campaignId: campaign.id,
      kind: "cash",
      amount: "5,000",
      name: "Cash Giver",
      receivedOn: "2026-01-05",
      recognition: "anonymous",
      actorId: organiser.id,
    } as Parameters<typeof recordGiftInPerson>[0]);
    expect(cash).toMatchObject({ ok: true });
    const cashId = (cash as { id: string }).id;
    expect((await giftPage(cashId)).data).toMatchObject({ refundable: null, refundWay: null });
    expect(await refundDonation({ donationId: cashId, reason: "x", actorId: organiser.id })).toMatchObject({ ok: false, message: expect.stringMatching(/cash/i) });
  });
});
