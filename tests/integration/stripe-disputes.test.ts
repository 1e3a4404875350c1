import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { outbox, paymentDisputes } from "~db/schema";
import { loader as detailLoader } from "~/routes/admin.donations.$id";
import { loader as listLoader } from "~/routes/admin.donations._index";
import { updateOrganisation } from "~/modules/organisation/index.server";
import { createUser, getRequest, loadContext, routeArgs, signIn, type TestUser } from "../support/factories";
import { runRoute } from "../support/route-results";
import { signEvent, stripeEvent, stripeObjectId } from "../support/stripe-events";
import { createCardCampaign, donationRow, postWebhook, startCardGift, startStripeRig, webhookSnapshot, type StripeTestRig } from "../support/stripe-factories";

let rig: StripeTestRig;
let organiser: TestUser;
let cookie: string;

beforeAll(async () => {
  rig = await startStripeRig();
  organiser = await createUser({ name: "Dispute Organiser", roles: ["organiser"] });
  cookie = signIn(organiser.id).cookieHeader;
  // No contact address: news of a dispute goes to every organiser.
  updateOrganisation({ contactEmail: "" });
});
afterAll(async () => {
  await rig.close();
});

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** A ₦5,000 card gift, paid through Checkout, and the payment intent Stripe reports for it. */
async function paidGift() {
  const campaign = createCardCampaign();
  const { sessionId, donationId } = await startCardGift(campaign, { tierId: campaign.tiers[0]!.id });
  const completed = rig.standIn.completeSession(sessionId);
  expect((await rig.standIn.send("checkout.session.completed", completed)).status).toBe(200);
  expect(donationRow(donationId)).toMatchObject({ status: "paid", amount: 5_000_00 });
  return { donationId, paymentIntent: completed.payment_intent as string };
}

/** A Stripe Dispute object as its events carry it. */
function dispute(paymentIntent: string, fields: { id: string; status: string; reason?: string; dueBy?: number | null; created: number }) {
  return {
    id: fields.id,
    object: "dispute",
    amount: 5_000_00,
    balance_transactions: [],
    charge: stripeObjectId("ch"),
    created: fields.created,
    currency: "ngn",
    evidence_details: { due_by: fields.dueBy ?? null, has_evidence: false, past_due: false, submission_count: 0 },
    is_charge_refundable: false,
    livemode: false,
    metadata: {},
    payment_intent: paymentIntent,
    reason: fields.reason ?? "fraudulent",
    status: fields.status,
  };
}

const disputeRows = (donationId: string) => db.select().from(paymentDisputes).where(eq(paymentDisputes.donationId, donationId)).all();
const disputeCount = () => db.select({ n: count() }).from(paymentDisputes).get()!.n;
const disputeEmails = (donationId: string) =>
  db
    .select()
    .from(outbox)
    .where(eq(outbox.template, "payment-dispute-opened"))
    .all()
    .filter((m) => JSON.stringify(m).includes(donationId));

async function giftPage(donationId: string) {
  const result = await runRoute(() => detailLoader(routeArgs({ request: getRequest(`/admin/donations/${donationId}`, { cookie }), context: loadContext(), params: { id: donationId } })));
  return (result.data as { disputes: { status: string; amount: string; reason: string; respondBy: string | null; resolved: string | null }[] }).disputes;
}

async function listedDisputes() {
  const result = await runRoute(() => listLoader(routeArgs({ request: getRequest("/admin/donations", { cookie }), context: loadContext(), params: {} })));
  return (result.data as { disputes: { donationId: string }[] }).disputes.map((d) => d.donationId);
}

describe("a Stripe dispute", () => {
  it("is recorded when it opens, emails organisers once, and follows Stripe to its outcome", async () => {
    const gift = await paidGift();
    const id = stripeObjectId("dp");
    const created = nowSeconds() - 3_600;
    const dueBy = nowSeconds() + 7 * 86_400;

    const opened = await rig.standIn.send("charge.dispute.created", dispute(gift.paymentIntent, { id, status: "warning_under_review", created }));
    expect(opened.status).toBe(200);
    expect(disputeRows(gift.donationId)).toEqual([
      expect.objectContaining({ provider: "stripe", providerDisputeId: id, status: "open", reason: "Fraudulent", amount: 5_000_00, currency: "NGN", openedAt: created * 1000, respondBy: null, resolvedAt: null }),
    ]);
    expect(disputeEmails(gift.donationId).map((m) => m.recipient)).toContain(organiser.email);
    expect(await listedDisputes()).toContain(gift.donationId);

    await rig.standIn.send("charge.dispute.updated", dispute(gift.paymentIntent, { id, status: "needs_response", dueBy, created }));
    await rig.standIn.send("charge.dispute.funds_withdrawn", dispute(gift.paymentIntent, { id, status: "needs_response", dueBy, created }));
    expect(disputeRows(gift.donationId)).toEqual([expect.objectContaining({ status: "awaiting_response", respondBy: dueBy * 1000 })]);
    expect(await giftPage(gift.donationId)).toEqual([
      expect.objectContaining({ status: "Waiting for your evidence", amount: "₦5,000", reason: "Fraudulent", respondBy: expect.any(String), resolved: null }),
    ]);

    const closed = await rig.standIn.send("charge.dispute.closed", dispute(gift.paymentIntent, { id, status: "lost", dueBy, created }));
    expect(disputeRows(gift.donationId)).toEqual([expect.objectContaining({ status: "lost", resolvedAt: expect.any(Number) })]);
    expect(await giftPage(gift.donationId)).toEqual([expect.objectContaining({ status: "Resolved for the donor", respondBy: null, resolved: expect.any(String) })]);
    expect(await listedDisputes()).not.toContain(gift.donationId);

    // The same delivery again, and an older report Stripe retried late, change nothing.
    const settled = disputeRows(gift.donationId);
    const replay = signEvent(closed.event);
    expect(await postWebhook(replay.payload, replay.header)).toEqual({ status: 200, text: "already processed" });
    expect((await rig.standIn.send("charge.dispute.updated", dispute(gift.paymentIntent, { id, status: "needs_response", dueBy, created }))).status).toBe(200);
    expect(disputeRows(gift.donationId)).toEqual(settled);
    // Organisers heard of it once, when it opened.
    const recipients = disputeEmails(gift.donationId).map((m) => m.recipient);
    expect(recipients).toContain(organiser.email);
    expect(new Set(recipients).size).toBe(recipients.length);
  });

  it("is recorded as won when the bank decides for the organisation, in the donor's words made plain", async () => {
    const gift = await paidGift();
    const id = stripeObjectId("dp");
    const created = nowSeconds() - 600;
    await rig.standIn.send("charge.dispute.created", dispute(gift.paymentIntent, { id, status: "needs_response", reason: "product_not_received", dueBy: nowSeconds() + 86_400, created }));
    expect(disputeRows(gift.donationId)).toEqual([expect.objectContaining({ status: "awaiting_response", reason: "Product not received" })]);
    await rig.standIn.send("charge.dispute.funds_reinstated", dispute(gift.paymentIntent, { id, status: "won", reason: "product_not_received", created }));
    expect(disputeRows(gift.donationId)).toEqual([expect.objectContaining({ status: "won", resolvedAt: expect.any(Number) })]);
    expect(await giftPage(gift.donationId)).toEqual([expect.objectContaining({ status: "Resolved in your favour" })]);
  });

  it("on a payment no gift of ours names writes nothing and is answered 200", async () => {
    const before = { disputes: disputeCount(), snapshot: webhookSnapshot() };
    const reply = await rig.standIn.send("charge.dispute.created", dispute(stripeObjectId("pi"), { id: stripeObjectId("dp"), status: "needs_response", created: nowSeconds() }));
    expect(reply.status).toBe(200);
    expect(disputeCount()).toBe(before.disputes);
    expect(webhookSnapshot().outbox).toBe(before.snapshot.outbox);
    expect(webhookSnapshot().donations).toEqual(before.snapshot.donations);
  });

  it("is refused when forged or when its object is not a dispute, writing nothing", async () => {
    const gift = await paidGift();
    const before = { disputes: disputeCount(), snapshot: webhookSnapshot() };
    const event = stripeEvent("charge.dispute.created", dispute(gift.paymentIntent, { id: stripeObjectId("dp"), status: "needs_response", created: nowSeconds() }));
    const forged = signEvent(event, { secret: "whsec_someone_else" });
    expect((await postWebhook(forged.payload, forged.header)).status).toBe(400);

    const { amount: _amount, ...withoutAmount } = dispute(gift.paymentIntent, { id: stripeObjectId("dp"), status: "needs_response", created: nowSeconds() });
    expect((await rig.standIn.send("charge.dispute.created", withoutAmount)).status).toBe(422);
    expect((await rig.standIn.send("charge.dispute.closed", { id: stripeObjectId("ch"), object: "charge", amount_refunded: 0 })).status).toBe(422);

    expect(disputeCount()).toBe(before.disputes);
    expect(webhookSnapshot()).toEqual(before.snapshot);
  });
});
