import { desc, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { auditLog, donations } from "~db/schema";
import { renderEmail } from "~emails/registry";
import { action as donateAction, loader as donateLoader } from "~/routes/donate.$slug";
import { action as settingsAction, loader as settingsLoader } from "~/routes/admin.settings";
import { loader as receiptLoader } from "~/routes/receipts.$id";
import { getOrganisation, updateOrganisation } from "~/modules/organisation/index.server";
import { createUser, formRequest, freshIp, getRequest, loadContext, routeArgs, signIn, uniqueEmail } from "../support/factories";
import { startPaystackRig, type PaystackTestRig } from "../support/paystack-factories";
import { runRoute } from "../support/route-results";
import { receiptEmailsTo } from "../support/sponsorship-factories";
import { createCardCampaign } from "../support/stripe-factories";

// "Cover the fees" (ADR 0030): a donor adds the card fee so the organisation receives the whole
// gift; the figure is on the page before paying, charged through the provider, and on the receipt.

let rig: PaystackTestRig;
let organiserCookie: string;
beforeAll(async () => {
  rig = await startPaystackRig();
  const organiser = await createUser({ roles: ["organiser"] });
  organiserCookie = signIn(organiser.id).cookieHeader;
  updateOrganisation({ name: "Bounce Forward" });
});
afterAll(async () => {
  await rig.close();
});
afterEach(() => {
  updateOrganisation({ coverFeesOffered: true, feeRates: {} });
});

const donatePage = async (slug: string) =>
  (await runRoute(() => donateLoader(routeArgs({ request: getRequest(`/donate/${slug}`), params: { slug }, context: loadContext() })))).data as {
    coverFee: { organisationName: string; rule: string; example: { gift: string; fee: string } | null; tiers: Record<string, { gift: string; fee: string; total: string }> } | null;
  };

const give = (slug: string, fields: Record<string, string>, cookie?: string) =>
  runRoute(() => donateAction(routeArgs({ request: formRequest(`/donate/${slug}`, fields, { cookie }), params: { slug }, context: loadContext(freshIp()) })));

const saveFees = (fields: Record<string, string>) =>
  runRoute(() => settingsAction(routeArgs({ request: formRequest("/admin/settings", { intent: "card-fees", ...fields }, { cookie: organiserCookie }), params: {}, context: loadContext() })));

async function currentFeeFields(): Promise<Record<string, string>> {
  const page = await runRoute(() => settingsLoader(routeArgs({ request: getRequest("/admin/settings", { cookie: organiserCookie }), params: {}, context: loadContext() })));
  const values = (page.data as { cardFees: Record<string, string | boolean> }).cardFees;
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    if (typeof value === "string") fields[name] = value;
    else if (value) fields[name] = "on";
  }
  return fields;
}

function lastInitialize() {
  return rig.standIn.requests.filter((r) => r.path === "/transaction/initialize").at(-1)!;
}

function giftOf(email: string) {
  return db.select().from(donations).where(eq(donations.donorEmail, email)).get()!;
}

describe("the donate page", () => {
  it("says, before paying, what covering the fee adds to each tier and how another amount's fee is worked out", async () => {
    const campaign = createCardCampaign();
    const { coverFee } = await donatePage(campaign.slug);
    expect(coverFee).toMatchObject({
      organisationName: "Bounce Forward",
      rule: "Paystack takes 1.5% and ₦100 (the ₦100 only from ₦2,500), at most ₦2,000 of each payment",
      example: { gift: "₦10,000", fee: "₦253.81" },
    });
    // (₦5,000 + ₦100) / 0.985, rounded up to the kobo.
    expect(coverFee!.tiers[campaign.tiers[0].id]).toEqual({ gift: "₦5,000", fee: "₦177.67", total: "₦5,177.67" });
    // A monthly tier adds its fee every month, through the provider that takes monthly gifts.
    expect(coverFee!.tiers[campaign.tiers[1].id]).toEqual({ gift: "₦10,000", fee: "₦253.81", total: "₦10,253.81" });
  });

  it("offers nothing when organisers turn it off, and a ticked box then adds nothing", async () => {
    const campaign = createCardCampaign();
    updateOrganisation({ coverFeesOffered: false });
    expect((await donatePage(campaign.slug)).coverFee).toBeNull();
    const email = uniqueEmail("off");
    const started = await give(campaign.slug, { gift: campaign.tiers[0].id, method: "card", name: "Ada", email, recognition: "named", coverFee: "on" });
    expect(started.status).toBe(303);
    expect(giftOf(email)).toMatchObject({ amount: 5_000_00, coveredFee: 0 });
    expect(lastInitialize().body.amount).toBe(5_000_00);
  });
});

describe("a Naira gift with the fee covered, through Paystack", () => {
  it("is charged gift plus fee, recorded with the fee, and receipted with both", async () => {
    const donor = await createUser({ roles: ["sponsor"], name: "Chiamaka Obi" });
    const cookie = signIn(donor.id).cookieHeader;
    const campaign = createCardCampaign();
    const started = await give(campaign.slug, { gift: campaign.tiers[0].id, method: "card", name: "Chiamaka Obi", email: donor.email, recognition: "named", coverFee: "on" }, cookie);
    expect(started.status).toBe(303);
    expect(lastInitialize().body).toMatchObject({ amount: 5_177_67, currency: "NGN" });
    expect(giftOf(donor.email)).toMatchObject({ amount: 5_177_67, coveredFee: 177_67, status: "pending", provider: "paystack" });

    const paid = await fetch(started.headers.get("location")!, { method: "POST", redirect: "manual" });
    expect(paid.status).toBe(303);
    const gift = giftOf(donor.email);
    expect(gift.status).toBe("paid");

    const [queued] = receiptEmailsTo(donor.email);
    expect(queued.props).toMatchObject({ amount: "₦5,177.67", feeCovered: "₦5,000 gift and ₦177.67 to cover the card fee" });
    const email = await renderEmail("donation-receipt", queued.props as never, { name: "Bounce Forward", contactEmail: "" });
    expect(email.text.replace(/\s+/g, " ")).toContain("Amount: ₦5,177.67 (₦5,000 gift and ₦177.67 to cover the card fee)");

    const page = await runRoute(() => receiptLoader(routeArgs({ request: getRequest(`/receipts/${gift.id}`, { cookie }), params: { id: gift.id }, context: loadContext() })));
    expect(page.data).toMatchObject({ amount: "₦5,177.67", feeCovered: { gift: "₦5,000", fee: "₦177.67" } });
  });

  it("computes another amount's fee when the gift is made, and never covers a bank transfer", async () => {
    const campaign = createCardCampaign();
    const card = uniqueEmail("custom");
    await give(campaign.slug, { gift: "custom", customAmount: "200,000", method: "card", name: "Ada", email: card, recognition: "named", coverFee: "on" });
    // Above about ₦125,000 Paystack's cap is what it takes: ₦2,000 is added, no more.
    expect(giftOf(card)).toMatchObject({ amount: 202_000_00, coveredFee: 2_000_00 });
    expect(lastInitialize().body.amount).toBe(202_000_00);

    const transfer = uniqueEmail("transfer");
    expect((await give(campaign.slug, { gift: campaign.tiers[0].id, method: "bank_transfer", name: "Ada", email: transfer, recognition: "named", coverFee: "on" })).status).toBe(303);
    expect(giftOf(transfer)).toMatchObject({ amount: 5_000_00, coveredFee: 0 });

    const unticked = uniqueEmail("unticked");
    await give(campaign.slug, { gift: campaign.tiers[0].id, method: "card", name: "Ada", email: unticked, recognition: "named" });
    expect(giftOf(unticked)).toMatchObject({ amount: 5_000_00, coveredFee: 0 });
  });
});

describe("organisers' rates", () => {
  it("are saved from the settings page, audited, and used for the next gift", async () => {
    const fields = await currentFeeFields();
    expect(fields).toMatchObject({ coverFeesOffered: "on", paystack_NGN_percent: "1.5", paystack_NGN_fixed: "100", paystack_NGN_fixedAbove: "2500", paystack_NGN_cap: "2000" });
    const saved = await saveFees({ ...fields, paystack_NGN_percent: "2", paystack_NGN_fixed: "0", paystack_NGN_cap: "" });
    expect(saved.status).toBe(302);
    expect(getOrganisation().feeRates).toEqual({ "paystack:NGN": { percentBasisPoints: 200, fixed: 0, fixedAbove: 2_500_00, cap: null } });
    const entry = db.select().from(auditLog).where(eq(auditLog.action, "settings.card_fees_changed")).orderBy(desc(auditLog.id)).get()!;
    expect(entry.details["feeRates.paystack:NGN"]).toMatchObject({ from: null, to: { percentBasisPoints: 200 } });

    const campaign = createCardCampaign();
    // ₦5,000 / 0.98 = ₦5,102.04…
    expect((await donatePage(campaign.slug)).coverFee!.tiers[campaign.tiers[0].id]).toEqual({ gift: "₦5,000", fee: "₦102.05", total: "₦5,102.05" });
    const email = uniqueEmail("new-rate");
    await give(campaign.slug, { gift: campaign.tiers[0].id, method: "card", name: "Ada", email, recognition: "named", coverFee: "on" });
    expect(giftOf(email)).toMatchObject({ amount: 5_102_05, coveredFee: 102_05 });

    // Saving the published price again stores nothing: the code's defaults apply.
    expect((await saveFees({ ...fields })).status).toBe(302);
    expect(getOrganisation().feeRates).toEqual({});
  });

  it("are refused at the field when they do not read, keeping what was typed", async () => {
    const fields = await currentFeeFields();
    const refused = await saveFees({ ...fields, paystack_NGN_percent: "150", stripe_GBP_fixed: "twenty", paystack_USD_cap: "0" });
    expect(refused.status).toBe(400);
    const reply = (refused.data as { cardFees: { error: Record<string, string[]>; initialValue: Record<string, string> } }).cardFees;
    expect(reply.error.paystack_NGN_percent).toEqual(["Enter the percentage as a number up to 20, like 1.5"]);
    expect(reply.error.stripe_GBP_fixed).toEqual(["Enter an amount as a number, like 100 or 0.20"]);
    expect(reply.error.paystack_USD_cap).toEqual(["Leave the cap empty for none, or enter more than zero"]);
    expect(reply.initialValue.stripe_GBP_fixed).toBe("twenty");
    expect(getOrganisation().feeRates).toEqual({});
  });
});
