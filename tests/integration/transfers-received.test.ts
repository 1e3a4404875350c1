import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { auditLog } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { action as detailAction } from "~/routes/admin.donations.$id";
import { campaignProgress, findReceipt } from "~/modules/sponsorship/index.server";
import { createUser, formRequest, loadContext, routeArgs, signIn } from "../support/factories";
import { runRoute } from "../support/route-results";
import { createOpenCampaign, giftRow, pledgeTransfer, receiptEmailsTo, type SimpleCampaign } from "../support/sponsorship-factories";

// Marking a pledge received by hand records what actually arrived and when: a donor may send
// less or more than they pledged, and the receipt and the totals are for what came.

let cookie: string;
let campaign: SimpleCampaign;
const at = (iso: string) => Date.parse(iso);

beforeAll(async () => {
  cookie = signIn((await createUser({ roles: ["organiser"] })).id).cookieHeader;
  clock.set(at("2026-11-20T09:00:00Z"));
  campaign = createOpenCampaign({ title: "Laptops for the hub" });
});

afterAll(() => clock.set(null));

const markReceived = (donationId: string, fields: Record<string, string> = {}) =>
  runRoute(() =>
    detailAction(routeArgs({ request: formRequest(`/admin/donations/${donationId}`, { intent: "mark-received", ...fields }, { cookie }), context: loadContext(), params: { id: donationId } })),
  );

describe("marking a transfer received by hand", () => {
  it("takes the pledged amount and today when the fields are left as they are", async () => {
    const pledge = pledgeTransfer(campaign, { amount: 10_000_00 });
    expect((await markReceived(pledge.id, { receivedAmount: "10000", receivedOn: "" })).status).toBe(302);
    expect(giftRow(pledge.id)).toMatchObject({ status: "paid", receivedAmount: null, paidAt: clock.now() });
    expect(receiptEmailsTo(pledge.donorEmail)[0]!.props).toMatchObject({ amount: "₦10,000" });
  });

  it("records a partial payment: the receipt, the campaign's total and the audit say what arrived", async () => {
    const before = campaignProgress(campaign.id).raised;
    const donor = await createUser({ roles: ["sponsor"] });
    const pledge = pledgeTransfer(campaign, { amount: 20_000_00, userId: donor.id, email: donor.email });
    expect((await markReceived(pledge.id, { receivedAmount: "12,500", receivedOn: "2026-11-17" })).status).toBe(302);
    // Midday in Lagos on the day it arrived: a statement or a bank alert gives no time.
    expect(giftRow(pledge.id)).toMatchObject({ status: "paid", amount: 20_000_00, receivedAmount: 12_500_00, paidAt: at("2026-11-17T11:00:00Z") });
    expect(receiptEmailsTo(pledge.donorEmail)).toHaveLength(1);
    expect(receiptEmailsTo(pledge.donorEmail)[0]!.props).toMatchObject({ amount: "₦12,500" });
    expect(findReceipt(pledge.id, { userId: donor.id })).toMatchObject({ amount: 12_500_00, currency: "NGN" });
    expect(campaignProgress(campaign.id).raised - before).toBe(12_500_00);
    const audit = db.select().from(auditLog).where(eq(auditLog.targetId, pledge.id)).get();
    expect(audit).toMatchObject({ action: "donation.transfer_received", details: expect.objectContaining({ amount: 20_000_00, received: 12_500_00 }) });
  });

  it("records an over payment in kobo exactly, once however often it is posted", async () => {
    const pledge = pledgeTransfer(campaign, { amount: 5_000_00 });
    const answers = await Promise.all([1, 2, 3].map(() => markReceived(pledge.id, { receivedAmount: "5,000.50" })));
    expect(answers.map((answer) => answer.status)).toEqual([302, 302, 302]);
    expect(giftRow(pledge.id)).toMatchObject({ receivedAmount: 5_000_50 });
    expect(receiptEmailsTo(pledge.donorEmail)).toHaveLength(1);
    expect(receiptEmailsTo(pledge.donorEmail)[0]!.props).toMatchObject({ amount: "₦5,000.50" });
  });

  it("refuses an amount or a day it cannot take, at the field, keeping what was typed", async () => {
    const pledge = pledgeTransfer(campaign, { amount: 5_000_00 });
    for (const [fields, field, message] of [
      [{ receivedAmount: "five thousand" }, "receivedAmount", "Enter the amount that arrived, like 5000 or 5,000.50."],
      [{ receivedAmount: "0" }, "receivedAmount", "Enter the amount that arrived: more than 0."],
      [{ receivedOn: "2026-11-21" }, "receivedOn", "The day the money arrived cannot be in the future."],
      [{ receivedOn: "2026-02-30" }, "receivedOn", "Enter the day the money arrived, like 2026-11-05."],
    ] as const) {
      const refused = await markReceived(pledge.id, fields);
      expect(refused.status).toBe(400);
      expect(refused.data).toMatchObject({ error: { [field]: [message] }, initialValue: fields });
    }
    expect(giftRow(pledge.id).status).toBe("pending");
    expect(receiptEmailsTo(pledge.donorEmail)).toHaveLength(0);
  });
});
