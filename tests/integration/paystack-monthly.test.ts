import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { donations, jobs, outbox, recurringGifts } from "~db/schema";
import { createDonation, myMonthlyGifts, startGiftPayment } from "~/modules/sponsorship/index.server";
import { emailFailedRenewal } from "~/modules/sponsorship/providers/paystack-renewals.server";
import { action as receiptAction, loader as receiptLoader } from "~/routes/receipts.$id";
import { loader as thanksLoader } from "~/routes/donate.$slug_.thanks";
import { action as givingAction } from "~/routes/me.giving._index";
import { createUser, formRequest, getRequest, loadContext, routeArgs, signIn, uniqueEmail } from "../support/factories";
import { accepted } from "../support/outcomes";
import { paystackSnapshot, startPaystackRig, type PaystackTestRig } from "../support/paystack-factories";
import { runRoute } from "../support/route-results";
import { createCardCampaign, donationRow, type TestCampaign } from "../support/stripe-factories";

let rig: PaystackTestRig;
beforeAll(async () => {
  rig = await startPaystackRig();
});
afterAll(async () => {
  await rig.close();
});

function mailTo(email: string, template: string) {
  return db.select().from(outbox).where(and(eq(outbox.recipient, email), eq(outbox.template, template))).all();
}

function giftsOf(subscriptionCode: string) {
  return db.select().from(donations).where(eq(donations.subscriptionId, subscriptionCode)).all();
}

function recurring(subscriptionCode: string) {
  return db.select().from(recurringGifts).where(eq(recurringGifts.subscriptionId, subscriptionCode)).get();
}

/** A monthly Naira gift through the real donation code and Paystack's initialize, not yet paid. */
async function startMonthly(campaign: TestCampaign, input: { email?: string; userId?: string | null; amount?: number } = {}) {
  const email = input.email ?? uniqueEmail("monthly");
  const { id } = accepted(
    createDonation({
      campaignId: campaign.id,
      tierId: input.amount ? null : campaign.tiers[1].id,
      amount: input.amount ?? null,
      interval: "monthly",
      method: "card",
      donorName: "Chidinma Okafor",
      donorEmail: email,
      userId: input.userId ?? null,
      recognition: "named",
    }),
  );
  const url = await startGiftPayment(id);
  return { donationId: id, url, email, reference: donationRow(id).providerReference! };
}

/** The donor presses Pay on Paystack's page: `charge.success`, then `subscription.create`, then back to us. */
async function pay(url: string) {
  const response = await fetch(url, { method: "POST", redirect: "manual" });
  expect(response.status).toBe(303);
  return new URL(response.headers.get("location")!);
}

function subscriptionOf(donationId: string): string {
  const code = donationRow(donationId).subscriptionId;
  expect(code).toMatch(/^SUB_/);
  return code!;
}

async function paidMonthly(campaign = createCardCampaign(), input: { email?: string; userId?: string | null; amount?: number } = {}) {
  const gift = await startMonthly(campaign, input);
  await pay(gift.url);
  return { ...gift, campaign, code: subscriptionOf(gift.donationId) };
}

describe("starting a monthly Naira gift through Paystack", () => {
  it("opens Paystack's checkout on a monthly plan of the gift's amount, made once and reused", async () => {
    const campaign = createCardCampaign();
    const plansBefore = rig.standIn.requests.filter((r) => r.path === "/plan").length;
    const first = await startMonthly(campaign);
    const planCalls = rig.standIn.requests.filter((r) => r.path === "/plan");
    expect(planCalls).toHaveLength(plansBefore + 1);
    expect(planCalls.at(-1)!.body).toEqual({ name: "Monthly gift of ₦10,000", interval: "monthly", amount: 1_000_000, currency: "NGN" });
    const init = rig.standIn.requests.filter((r) => r.path === "/transaction/initialize").at(-1)!;
    const planCode = rig.standIn.transactions.get(first.reference)!.plan;
    expect(planCode).toMatch(/^PLN_/);
    expect(init.body).toMatchObject({ amount: 1_000_000, currency: "NGN", email: first.email, reference: first.reference, plan: planCode });
    expect(donationRow(first.donationId)).toMatchObject({ provider: "paystack", interval: "monthly", status: "pending" });

    // Once a gift of that amount is subscribed, the next donor's gift follows the same plan.
    await pay(first.url);
    const second = await startMonthly(createCardCampaign());
    expect(rig.standIn.requests.filter((r) => r.path === "/plan")).toHaveLength(plansBefore + 1);
    expect(rig.standIn.transactions.get(second.reference)!.plan).toBe(planCode);
  });

  it("marks the first month paid with one receipt and records the subscription, whatever arrives twice", async () => {
    const donor = await createUser({ roles: ["sponsor"] });
    const campaign = createCardCampaign();
    const gift = await startMonthly(campaign, { email: donor.email, userId: donor.id });
    const back = await pay(gift.url);
    const code = subscriptionOf(gift.donationId);
    const sub = rig.standIn.subscriptions.get(code)!;
    expect(donationRow(gift.donationId)).toMatchObject({ status: "paid", amount: 1_000_000, subscriptionId: code, customerId: expect.stringMatching(/^CUS_/) });
    expect(recurring(code)).toMatchObject({
      provider: "paystack",
      status: "active",
      firstDonationId: gift.donationId,
      planCode: sub.plan,
      emailToken: sub.email_token,
      customerId: donationRow(gift.donationId).customerId,
    });
    expect(mailTo(donor.email, "donation-receipt")).toHaveLength(1);

    // The thanks page verifies and finds the work done; replays of both events change nothing.
    const cookie = signIn(donor.id).cookieHeader;
    const thanks = await runRoute(() => thanksLoader(routeArgs({ request: getRequest(`${back.pathname}${back.search}`, { cookie }), params: { slug: campaign.slug }, context: loadContext() })));
    expect(thanks.data).toMatchObject({ state: "paid", monthly: true });
    const before = paystackSnapshot();
    for (const event of [rig.standIn.chargeSuccess(gift.reference), rig.standIn.subscriptionEvent(code)]) {
      expect((await rig.standIn.send(event)).status).toBe(200);
    }
    expect(paystackSnapshot()).toEqual(before);
    expect(db.select().from(recurringGifts).where(eq(recurringGifts.firstDonationId, gift.donationId)).all()).toHaveLength(1);
    expect(myMonthlyGifts({ id: donor.id, email: donor.email, emailVerified: true })).toEqual([
      expect.objectContaining({ subscriptionId: code, status: "active", amount: 1_000_000, manageHref: `/receipts/${gift.donationId}` }),
    ]);
  });

  it("records the subscription when Paystack reports it before the payment", async () => {
    const campaign = createCardCampaign();
    const gift = await startMonthly(campaign, { amount: 7_500_00 });
    rig.standIn.settle(gift.reference, "success");
    const code = await rig.standIn.subscribe(gift.reference);
    expect(recurring(code)).toMatchObject({ firstDonationId: gift.donationId, status: "active" });
    // The subscription alone pays nothing: Paystack's word on the payment does.
    expect(donationRow(gift.donationId)).toMatchObject({ status: "pending", subscriptionId: code });
    expect((await rig.standIn.send(rig.standIn.chargeSuccess(gift.reference))).status).toBe(200);
    expect(donationRow(gift.donationId)).toMatchObject({ status: "paid", amount: 7_500_00 });
    expect(giftsOf(code)).toHaveLength(1);
  });
});

describe("the months after", () => {
  it("records each renewal once, as a gift of its own tied to the first, with its own receipt", async () => {
    const { donationId, email, code } = await paidMonthly();
    const events = await rig.standIn.renew(code);
    expect(events.map((e) => e.event)).toEqual(["invoice.create", "charge.success", "invoice.update"]);
    const renewals = giftsOf(code).filter((d) => d.id !== donationId);
    expect(renewals).toHaveLength(1);
    const invoice = events[2].data as { invoice_code: string; transaction: { reference: string } };
    expect(renewals[0]).toMatchObject({
      status: "paid",
      amount: 1_000_000,
      currency: "NGN",
      provider: "paystack",
      parentDonationId: donationId,
      invoiceId: invoice.invoice_code,
      providerReference: invoice.transaction.reference,
      receiptNumber: expect.stringMatching(/^\d{4}-\d{4}$/),
    });
    expect(mailTo(email, "donation-receipt")).toHaveLength(2);

    // Replayed, and out of order: nothing more.
    const before = paystackSnapshot();
    for (const event of [...events].reverse()) expect((await rig.standIn.send(event)).status).toBe(200);
    expect(paystackSnapshot()).toEqual(before);

    await rig.standIn.renew(code);
    expect(giftsOf(code).filter((d) => d.status === "paid")).toHaveLength(3);
    expect(mailTo(email, "donation-receipt")).toHaveLength(3);
  });

  it("records a renewal reported only by its paid invoice, and one reported only by its charge", async () => {
    const { donationId, code } = await paidMonthly();
    const [, charge, update] = await rig.standIn.renew(code, { send: false });
    expect((await rig.standIn.send(update)).status).toBe(200);
    const [, onlyCharge] = await rig.standIn.renew(code, { send: false });
    expect((await rig.standIn.send(onlyCharge)).status).toBe(200);
    expect(giftsOf(code).filter((d) => d.id !== donationId && d.status === "paid")).toHaveLength(2);
    expect((await rig.standIn.send(charge)).status).toBe(200);
    expect(giftsOf(code)).toHaveLength(3);
  });

  it("marks a declined month past due and emails the donor once, with Paystack's page to change the card", async () => {
    const { email, code } = await paidMonthly();
    const [, failed] = await rig.standIn.renew(code, { outcome: "failed" });
    expect(recurring(code)!.status).toBe("past_due");
    const job = db.select().from(jobs).all().filter((j) => j.kind === "sponsorship.paystack-renewal-failed" && j.payload.subscriptionCode === code);
    expect(job).toHaveLength(1);
    expect((await rig.standIn.send(failed)).status).toBe(200);
    expect(db.select().from(jobs).all().filter((j) => j.kind === "sponsorship.paystack-renewal-failed" && j.payload.subscriptionCode === code)).toHaveLength(1);

    await emailFailedRenewal(job[0].payload);
    const mail = mailTo(email, "monthly-gift-payment-failed");
    expect(mail).toHaveLength(1);
    expect(mail[0].props).toMatchObject({ amount: "₦10,000", url: expect.stringMatching(new RegExp(`^${rig.standIn.url}/manage/${code}\\?t=`)) });
    const page = await fetch(String(mail[0].props.url));
    expect(page.status).toBe(200);

    // The retry goes through: the gift runs again.
    await rig.standIn.renew(code);
    expect(recurring(code)!.status).toBe("active");
    expect(giftsOf(code).filter((d) => d.status === "paid")).toHaveLength(2);
  });

  it("cancels when the donor stops the gift, emailing once however Paystack reports it", async () => {
    const { email, code } = await paidMonthly();
    await rig.standIn.renew(code);
    await rig.standIn.endSubscription(code, "subscription.not_renew");
    expect(recurring(code)).toMatchObject({ status: "cancelled", cancelledAt: expect.any(Number) });
    const mail = mailTo(email, "monthly-gift-cancelled");
    expect(mail).toHaveLength(1);
    expect(mail[0].props).toMatchObject({ amount: "₦10,000", paymentsMade: 2 });
    await rig.standIn.endSubscription(code, "subscription.disable");
    expect(mailTo(email, "monthly-gift-cancelled")).toHaveLength(1);
  });

  it("refuses events of another shape with a 422 and writes nothing", async () => {
    const before = paystackSnapshot();
    for (const event of ["subscription.create", "invoice.update", "invoice.payment_failed", "subscription.disable"]) {
      expect((await rig.standIn.send({ event, data: { subscription_code: 12 } })).status).toBe(422);
    }
    expect((await rig.standIn.send({ event: "subscription.create", data: { ...rig.standIn.subscriptionEvent([...rig.standIn.subscriptions.keys()][0]).data, subscription_code: "SUB_nobodys", customer: { customer_code: "CUS_nobody", email: "nobody@example.com" } } })).text).toBe("unknown subscription");
    expect(paystackSnapshot()).toEqual(before);
  });
});

describe("the donor's manage button", () => {
  it("opens a fresh Paystack manage page for the receipt's owner only, and not once the gift is cancelled", async () => {
    const donor = await createUser({ roles: ["sponsor"] });
    const { donationId, code } = await paidMonthly(createCardCampaign(), { email: donor.email, userId: donor.id });
    const path = `/receipts/${donationId}`;
    const cookie = signIn(donor.id).cookieHeader;
    const page = await runRoute(() => receiptLoader(routeArgs({ request: getRequest(path, { cookie }), params: { id: donationId }, context: loadContext() })));
    expect(page.data).toMatchObject({ canManage: true, manageWith: "Paystack", monthly: true });

    const manage = () => runRoute(() => receiptAction(routeArgs({ request: formRequest(path, { intent: "manage" }, { cookie }), params: { id: donationId }, context: loadContext() })));
    const first = await manage();
    expect(first.status).toBe(303);
    const link = first.headers.get("location")!;
    expect(link).toMatch(new RegExp(`^${rig.standIn.url}/manage/${code}\\?t=`));
    expect((await manage()).headers.get("location")).not.toBe(link);
    expect(rig.standIn.requests.filter((r) => r.path === `/subscription/${code}/manage/link`)).toHaveLength(2);

    const stranger = await createUser({ roles: ["sponsor"] });
    const theirs = await runRoute(() => receiptAction(routeArgs({ request: formRequest(path, { intent: "manage" }, { cookie: signIn(stranger.id).cookieHeader }), params: { id: donationId }, context: loadContext() })));
    expect(theirs.status).toBe(404);

    // Cancelling on Paystack's page reaches us as an event; then there is nothing left to manage.
    const cancelled = await fetch(`${rig.standIn.url}/manage/${code}/cancel?${new URL(link).searchParams}`, { method: "POST" });
    expect(await cancelled.text()).toContain("Your subscription has been cancelled.");
    expect(recurring(code)!.status).toBe("cancelled");
    expect((await manage()).status).toBe(404);
  });

  it("opens it from the donor's giving page too, for their own running gift only", async () => {
    const donor = await createUser({ roles: ["sponsor"] });
    const { code } = await paidMonthly(createCardCampaign(), { email: donor.email, userId: donor.id });
    const press = (userId: string, subscription = code) =>
      runRoute(() => givingAction(routeArgs({ request: formRequest("/me/giving", { intent: "manage", subscription }, { cookie: signIn(userId).cookieHeader }), params: {}, context: loadContext() })));
    const mine = await press(donor.id);
    expect(mine.status).toBe(303);
    expect(mine.headers.get("location")).toMatch(new RegExp(`^${rig.standIn.url}/manage/${code}\\?t=`));
    const stranger = await createUser({ roles: ["sponsor"] });
    expect((await press(stranger.id)).status).toBe(404);
    expect((await press(donor.id, "SUB_made_up")).status).toBe(404);
    await rig.standIn.endSubscription(code, "subscription.disable");
    expect((await press(donor.id)).status).toBe(404);
  });
});
