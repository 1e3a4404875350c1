import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { auditLog } from "~db/schema";
import { action as detailAction, loader as detailLoader } from "~/routes/admin.donations.$id";
import { action as listAction, loader as listLoader } from "~/routes/admin.donations._index";
import { loader as csvLoader } from "~/routes/admin.donations[.csv]";
import { createUser, formRequest, getRequest, loadContext, signIn, type TestUser, routeArgs } from "../support/factories";
import { runRoute } from "../support/route-results";
import { createOpenCampaign, giftRow, insertGift, pledgeTransfer, receiptEmailsTo, type SimpleCampaign } from "../support/sponsorship-factories";
import { createCardCampaign, startCardGift, startStripeRig, type StripeTestRig } from "../support/stripe-factories";

let organiser: TestUser;
let cookie: string;
let sponsorCookie: string;
let naira: SimpleCampaign;
let dollars: SimpleCampaign;

const at = (iso: string) => Date.parse(iso);

beforeAll(async () => {
  organiser = await createUser({ name: "Money Organiser", roles: ["organiser"] });
  cookie = signIn(organiser.id).cookieHeader;
  sponsorCookie = signIn((await createUser({ roles: ["sponsor"] })).id).cookieHeader;
  naira = createOpenCampaign({ title: "Workshop seats" });
  dollars = createOpenCampaign({ title: "Diaspora appeal", currency: "USD" });
  insertGift(naira, { amount: 5_000_00, at: at("2026-09-15T10:00:00Z"), name: "Amaka Obi", email: "amaka@example.org" });
  // 23:30 UTC on 31 October is 00:30 on 1 November in Lagos: a November gift.
  insertGift(naira, { amount: 10_000_00, at: at("2026-10-31T23:30:00Z"), name: "Bayo Adisa", refundedAmount: 2_500_00 });
  insertGift(naira, { amount: 20_000_00, at: at("2026-11-10T09:00:00Z"), status: "refunded", name: "Refunded Person" });
  insertGift(naira, { amount: 7_000_00, at: at("2026-11-12T09:00:00Z"), status: "expired", name: "Gave Up" });
  insertGift(dollars, { amount: 50_00, at: at("2026-11-03T12:00:00Z"), name: "=HYPERLINK(\"https://evil.example\")", email: "diaspora@example.org" });
  insertGift(dollars, { amount: 25_50, at: at("2026-11-20T12:00:00Z"), method: "bank_transfer", name: "Kemi Lawal", reference: "SS-TEST-USD1" });
});

type ListData = {
  total: number;
  rows: { id: string; donorName: string; amount: string; status: string; method: string }[];
  totals: { byCurrency: { currency: string; gifts: number; amount: string; received: string }[]; byMonth: { month: string; currency: string; gifts: number; received: string }[] };
};

async function list(query: string, cookieHeader = cookie) {
  const result = await runRoute(() => listLoader(routeArgs({ request: getRequest(`/admin/donations${query}`, { cookie: cookieHeader }), context: loadContext(), params: {} })));
  return { ...result, list: result.data as ListData };
}

const names = (data: ListData) => data.rows.map((row) => row.donorName).sort();

describe("the donations table", () => {
  it("is for organisers only", async () => {
    expect((await list("", sponsorCookie)).status).toBe(403);
    const anonymous = await runRoute(() => listLoader(routeArgs({ request: getRequest("/admin/donations"), context: loadContext(), params: {} })));
    expect(anonymous.status).toBe(302);
  });

  it("filters by campaign, status, method, month (in the organisation's time zone) and search", async () => {
    expect(names((await list(`?campaign=${naira.id}`)).list)).toEqual(["Amaka Obi", "Bayo Adisa", "Gave Up", "Refunded Person"]);
    expect(names((await list(`?campaign=${naira.id}&status=paid`)).list)).toEqual(["Amaka Obi", "Bayo Adisa"]);
    expect(names((await list(`?campaign=${dollars.id}&method=bank_transfer`)).list)).toEqual(["Kemi Lawal"]);
    expect(names((await list(`?campaign=${naira.id}&month=2026-11`)).list)).toEqual(["Bayo Adisa", "Gave Up", "Refunded Person"]);
    expect(names((await list(`?campaign=${naira.id}&month=2026-10`)).list)).toEqual([]);
    expect(names((await list("?q=AMAKA@example")).list)).toEqual(["Amaka Obi"]);
    expect(names((await list("?q=ss-test-usd")).list)).toEqual(["Kemi Lawal"]);
    // Wildcards typed into the search are searched for, not obeyed.
    expect((await list(`?campaign=${naira.id}&q=%25`)).list.total).toBe(0);
    // Unknown filter values are ignored rather than failing.
    expect((await list(`?campaign=${naira.id}&status=stolen&method=cheque&month=2026-13`)).list.total).toBe(4);
  });

  it("totals by currency and by month: received is paid less refunds", async () => {
    const { totals } = (await list(`?q=`)).list;
    const ngn = totals.byCurrency.find((t) => t.currency === "NGN")!;
    const usd = totals.byCurrency.find((t) => t.currency === "USD")!;
    // Only this file's gifts exist in NGN and USD at this point.
    expect(ngn).toEqual({ currency: "NGN", gifts: 4, amount: "₦42,000", received: "₦12,500" });
    expect(usd).toEqual({ currency: "USD", gifts: 2, amount: "$75.50", received: "$75.50" });
    const november = totals.byMonth.filter((t) => t.month === "2026-11");
    expect(november).toEqual([
      { month: "2026-11", currency: "NGN", gifts: 3, received: "₦7,500", label: "November 2026" },
      { month: "2026-11", currency: "USD", gifts: 2, received: "$75.50", label: "November 2026" },
    ]);
    expect(totals.byMonth.map((t) => t.month)).toEqual(["2026-11", "2026-11", "2026-09"]);
  });

  it("exports the filtered table as formula-safe CSV", async () => {
    const response = (await csvLoader(routeArgs({ request: getRequest(`/admin/donations.csv?campaign=${dollars.id}`, { cookie }), context: loadContext(), params: {} }))) as Response;
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-store");
    const text = await response.text();
    const lines = text.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toBe("Date,Donor,Email,Campaign,Amount,Currency,Refunded,Received,Gift,Method,Status,Reference,Receipt number,Recognition,Message");
    expect(lines).toHaveLength(3);
    expect(text).toContain(`"'=HYPERLINK(""https://evil.example"")"`);
    expect(text).toContain("Diaspora appeal,50,USD,0,50,One-off,Card,Paid");
    expect(text).toContain("Kemi Lawal");
    const month = (await csvLoader(routeArgs({ request: getRequest("/admin/donations.csv?month=2026-09", { cookie }), context: loadContext(), params: {} }))) as Response;
    expect(month.headers.get("content-disposition")).toBe('attachment; filename="donations-2026-09.csv"');
    expect(await month.text()).toContain("Amaka Obi");
    const refused = await runRoute(() => csvLoader(routeArgs({ request: getRequest("/admin/donations.csv", { cookie: sponsorCookie }), context: loadContext(), params: {} })));
    expect(refused.status).toBe(403);
  });
});

describe("marking a bank transfer received", () => {
  const post = (url: string, fields: Record<string, string>, cookieHeader = cookie, id?: string) => {
    const request = formRequest(url, fields, { cookie: cookieHeader });
    return runRoute(() => (id ? detailAction(routeArgs({ request, context: loadContext(), params: { id } })) : listAction(routeArgs({ request, context: loadContext(), params: {} }))));
  };

  it("makes the gift paid and sends one receipt, however often it is posted", async () => {
    const pledge = pledgeTransfer(naira, { amount: 15_000_00, name: "Ifeoma Nwosu", message: "For the next cohort" });
    expect(giftRow(pledge.id).status).toBe("pending");
    const first = await post("/admin/donations?index&status=pending", { intent: "mark-received", donationId: pledge.id });
    expect(first.status).toBe(302);
    expect(first.headers.get("location")).toBe("/admin/donations?status=pending");
    const again = await post("/admin/donations?index", { intent: "mark-received", donationId: pledge.id });
    expect(again.status).toBe(302);
    const fromDetail = await post(`/admin/donations/${pledge.id}`, { intent: "mark-received" }, cookie, pledge.id);
    expect(fromDetail.status).toBe(302);
    await Promise.all([1, 2, 3].map(() => post("/admin/donations?index", { intent: "mark-received", donationId: pledge.id })));

    const row = giftRow(pledge.id);
    expect(row).toMatchObject({ status: "paid", confirmedBy: organiser.id });
    expect(row.receiptNumber).toMatch(/^\d{4}-\d{4}$/);
    expect(receiptEmailsTo(pledge.donorEmail)).toHaveLength(1);
    const audits = db.select().from(auditLog).where(eq(auditLog.targetId, pledge.id)).orderBy(desc(auditLog.id)).all();
    expect(audits.map((a) => a.action)).toEqual(["donation.transfer_received"]);
  });

  it("refuses card gifts, unknown gifts and people who are not organisers", async () => {
    const card = insertGift(naira, { amount: 3_000_00, status: "pending", method: "card" });
    expect((await post("/admin/donations?index", { intent: "mark-received", donationId: card })).status).toBe(400);
    expect((await post("/admin/donations?index", { intent: "mark-received", donationId: "no-such-gift" })).status).toBe(404);
    expect((await post("/admin/donations?index", { intent: "mark-received" })).status).toBe(400);
    const pledge = pledgeTransfer(naira);
    expect((await post("/admin/donations?index", { intent: "mark-received", donationId: pledge.id }, sponsorCookie)).status).toBe(403);
    expect(giftRow(card).status).toBe("pending");
    expect(giftRow(pledge.id).status).toBe("pending");
    expect(receiptEmailsTo(pledge.donorEmail)).toHaveLength(0);
  });

  it("shows one gift to organisers, and a 404 for an unknown one", async () => {
    const pledge = pledgeTransfer(naira, { name: "Detail Donor", message: "<b>hello</b>" });
    const page = await runRoute(() => detailLoader(routeArgs({ request: getRequest(`/admin/donations/${pledge.id}`, { cookie }), context: loadContext(), params: { id: pledge.id } })));
    expect(page.data).toMatchObject({ donorName: "Detail Donor", reference: pledge.reference, status: "pending", message: "<b>hello</b>", refundable: null });
    const missing = await runRoute(() => detailLoader(routeArgs({ request: getRequest("/admin/donations/nope", { cookie }), context: loadContext(), params: { id: "nope" } })));
    expect(missing.status).toBe(404);
  });
});

describe("refunds through Stripe", () => {
  let rig: StripeTestRig;
  beforeAll(async () => {
    rig = await startStripeRig();
  });
  afterAll(async () => {
    await rig?.close();
  });

  it("sends the refund to Stripe with the organiser's amount and keeps the reason; bad amounts are field errors", async () => {
    const campaign = createCardCampaign();
    const gift = await startCardGift(campaign, { tierId: campaign.tiers[0]!.id });
    const session = rig.standIn.completeSession(gift.sessionId);
    expect((await rig.standIn.send("checkout.session.completed", session)).status).toBe(200);
    expect(giftRow(gift.donationId).status).toBe("paid");

    const refund = (fields: Record<string, string>) =>
      runRoute(() =>
        detailAction(routeArgs({ request: formRequest(`/admin/donations/${gift.donationId}`, { intent: "refund", ...fields }, { cookie }), context: loadContext(), params: { id: gift.donationId } })),
      );
    const tooMuch = await refund({ amount: "6000", reason: "Asked twice" });
    expect(tooMuch.status).toBe(400);
    expect((tooMuch.data as { error: Record<string, string[]> }).error.amount).toEqual(["Enter an amount more than 0 and at most ₦5,000"]);
    expect((await refund({ amount: "12.345", reason: "Typo" })).status).toBe(400);
    expect((await refund({ amount: "1000" })).status, "a reason is required").toBe(400);
    expect(rig.standIn.requests.filter((r) => r.path === "/v1/refunds")).toHaveLength(0);

    const done = await refund({ amount: "1,000", reason: "Donor gave twice by mistake" });
    expect(done.status).toBe(302);
    const sent = rig.standIn.requests.filter((r) => r.path === "/v1/refunds");
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body).toMatchObject({ amount: "100000" });
    expect(giftRow(gift.donationId)).toMatchObject({ status: "paid", refundedAmount: 1_000_00, refundReason: "Donor gave twice by mistake" });

    const bankGift = pledgeTransfer(naira);
    const notCard = await runRoute(() =>
      detailAction(routeArgs({ request: formRequest(`/admin/donations/${bankGift.id}`, { intent: "refund", reason: "No" }, { cookie }), context: loadContext(), params: { id: bankGift.id } })),
    );
    expect(notCard.status).toBe(400);
  });
});
