import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { recurringGifts } from "~db/schema";
import { loader as givingLoader } from "~/routes/me.giving._index";
import { loader as statementLoader } from "~/routes/me.giving.statement.$year";
import { loader as statementCsvLoader } from "~/routes/me.giving.statement.$year[.csv]";
import { loader as meLoader } from "~/routes/me._index";
import { createUser, getRequest, loadContext, signIn, type TestUser, routeArgs } from "../support/factories";
import { runRoute } from "../support/route-results";
import { createOpenCampaign, insertGift, pledgeTransfer, type SimpleCampaign } from "../support/sponsorship-factories";

let ada: TestUser;
let bola: TestUser;
let chidi: TestUser;
const cookies: Record<string, string> = {};
let naira: SimpleCampaign;
let pounds: SimpleCampaign;
const ids: Record<string, string> = {};
const at = (iso: string) => Date.parse(iso);

beforeAll(async () => {
  ada = await createUser({ name: "Ada Giver", email: "Ada.Giver@example.org", roles: ["sponsor"] });
  // Bola has not confirmed her address: gifts given as a guest with it are not hers to see yet.
  bola = await createUser({ name: "Bola Unconfirmed", email: "bola@example.org", roles: ["sponsor"], verified: false });
  chidi = await createUser({ name: "Chidi Other", email: "chidi@example.org", roles: ["participant"] });
  for (const user of [ada, bola, chidi]) cookies[user.id] = signIn(user.id).cookieHeader;
  naira = createOpenCampaign({ title: "Workshop seats" });
  pounds = createOpenCampaign({ title: "=Diaspora appeal", currency: "GBP" });

  ids.adaSignedIn = insertGift(naira, { amount: 5_000_00, at: at("2026-03-01T10:00:00Z"), userId: ada.id, email: ada.email, name: "Ada Giver", interval: "monthly" });
  ids.adaGuest = insertGift(pounds, { amount: 40_00, at: at("2026-06-01T10:00:00Z"), email: "ada.giver@example.org", name: "Ada G" });
  ids.adaRefunded = insertGift(naira, { amount: 2_000_00, at: at("2026-07-01T10:00:00Z"), userId: ada.id, status: "refunded" });
  ids.adaPartly = insertGift(naira, { amount: 8_000_00, at: at("2026-08-01T10:00:00Z"), userId: ada.id, refundedAmount: 3_000_00 });
  // 23:30 UTC on 31 December 2025 is already 2026 in Lagos.
  ids.adaNewYear = insertGift(naira, { amount: 1_000_00, at: at("2025-12-31T23:30:00Z"), userId: ada.id });
  ids.adaLastYear = insertGift(naira, { amount: 3_000_00, at: at("2025-05-01T10:00:00Z"), userId: ada.id });
  ids.adaExpired = insertGift(naira, { amount: 9_000_00, at: at("2026-09-01T10:00:00Z"), userId: ada.id, status: "expired" });
  ids.adaPledge = pledgeTransfer(naira, { amount: 6_000_00, email: ada.email, userId: ada.id, name: "Ada Giver" }).id;
  ids.bolaGuest = insertGift(naira, { amount: 4_000_00, at: at("2026-04-01T10:00:00Z"), email: "bola@example.org", name: "Bola Guest" });
  ids.bolaSignedIn = insertGift(naira, { amount: 4_500_00, at: at("2026-04-02T10:00:00Z"), userId: bola.id, email: "bola@example.org" });
  ids.stranger = insertGift(naira, { amount: 7_777_00, at: at("2026-05-01T10:00:00Z"), email: "stranger@example.org", name: "Stranger" });
  db.insert(recurringGifts).values({ subscriptionId: "sub_ada", customerId: "cus_ada", firstDonationId: ids.adaSignedIn!, createdAt: at("2026-03-01T10:00:00Z") }).run();
  db.insert(recurringGifts).values({ subscriptionId: "sub_stranger", customerId: "cus_x", firstDonationId: ids.stranger!, createdAt: at("2026-05-01T10:00:00Z") }).run();
});

type Giving = {
  gifts: { id: string; amount: string; status: string; receiptHref: string | null; transferHref: string | null; receiptNumber: string | null }[];
  monthly: { subscriptionId: string; manageHref: string | null }[];
  years: number[];
};

async function giving(user: TestUser) {
  const result = await runRoute(() => givingLoader(routeArgs({ request: getRequest("/me/giving", { cookie: cookies[user.id] }), context: loadContext(), params: {} })));
  return result.data as Giving;
}

type StatementData = { year: number; lines: { receiptNumber: string; campaignTitle: string; net: string; refunded: string | null }[]; totals: { currency: string; gifts: number; net: string }[] };

async function statement(user: TestUser | null, year: string) {
  const request = getRequest(`/me/giving/statement/${year}`, { cookie: user ? cookies[user.id] : undefined });
  return runRoute(() => statementLoader(routeArgs({ request, context: loadContext(), params: { year } })));
}

describe("my giving", () => {
  it("lists a donor's own gifts: from the account, and given as a guest with the confirmed address", async () => {
    const data = await giving(ada);
    const shown = data.gifts.map((g) => g.id).sort();
    expect(shown).toEqual([ids.adaSignedIn, ids.adaGuest, ids.adaRefunded, ids.adaPartly, ids.adaNewYear, ids.adaLastYear, ids.adaPledge].sort());
    const byId = Object.fromEntries(data.gifts.map((g) => [g.id, g]));
    expect(byId[ids.adaSignedIn!]!.receiptHref).toBe(`/receipts/${ids.adaSignedIn}`);
    // A guest gift's receipt opens with the link in its email, not with the account.
    expect(byId[ids.adaGuest!]!.receiptHref).toBeNull();
    expect(byId[ids.adaGuest!]!.receiptNumber).toBeTruthy();
    expect(byId[ids.adaPledge!]!.transferHref).toBe(`/donate/${naira.slug}/transfer/${ids.adaPledge}`);
    expect(data.monthly).toEqual([expect.objectContaining({ subscriptionId: "sub_ada", manageHref: `/receipts/${ids.adaSignedIn}` })]);
    expect(data.years).toEqual([2026, 2025]);
  });

  it("never shows another donor's gifts, and an unconfirmed address claims nothing", async () => {
    expect((await giving(bola)).gifts.map((g) => g.id)).toEqual([ids.bolaSignedIn]);
    const chidiData = await giving(chidi);
    expect(chidiData).toMatchObject({ gifts: [], monthly: [], years: [] });
    const anonymous = await runRoute(() => givingLoader(routeArgs({ request: getRequest("/me/giving"), context: loadContext(), params: {} })));
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toMatch(/^\/login/);
  });

  it("sums up on the person's own page", async () => {
    const me = await runRoute(() => meLoader(routeArgs({ request: getRequest("/me", { cookie: cookies[ada.id] }), context: loadContext(), params: {} })));
    expect((me.data as { giving: unknown }).giving).toEqual({ gifts: 5, totals: ["£40", "₦14,000"], activeMonthly: 1, pendingTransfers: 1 });
    const other = await runRoute(() => meLoader(routeArgs({ request: getRequest("/me", { cookie: cookies[chidi.id] }), context: loadContext(), params: {} })));
    expect((other.data as { giving: unknown }).giving).toEqual({ gifts: 0, totals: [], activeMonthly: 0, pendingTransfers: 0 });
  });
});

describe("year-end statements", () => {
  it("lists the year's paid gifts in the organisation's time zone, net of refunds, with totals per currency", async () => {
    const result = await statement(ada, "2026");
    expect(result.status).toBe(200);
    const data = result.data as StatementData;
    expect(data.lines.map((l) => l.net)).toEqual(["₦1,000", "₦5,000", "£40", "₦0", "₦5,000"]);
    expect(data.lines[3]!.refunded).toBe("₦2,000");
    expect(data.lines[4]!.refunded).toBe("₦3,000");
    expect(data.totals).toEqual([
      { currency: "GBP", gifts: 1, net: "£40" },
      { currency: "NGN", gifts: 4, net: "₦11,000" },
    ]);
    const lastYear = (await statement(ada, "2025")).data as StatementData;
    expect(lastYear.totals).toEqual([{ currency: "NGN", gifts: 1, net: "₦3,000" }]);
  });

  it("shows nobody else's gifts, and answers impossible years with a 404", async () => {
    const chidiStatement = (await statement(chidi, "2026")).data as StatementData;
    expect(chidiStatement).toMatchObject({ lines: [], totals: [] });
    const bolaStatement = (await statement(bola, "2026")).data as StatementData;
    expect(bolaStatement.totals).toEqual([{ currency: "NGN", gifts: 1, net: "₦4,500" }]);
    expect((await statement(ada, "26")).status).toBe(404);
    expect((await statement(ada, "1999")).status).toBe(404);
    expect((await statement(null, "2026")).status).toBe(302);
  });

  it("downloads as CSV with formula-safe cells, one row per gift and no totals inside the data", async () => {
    const response = (await statementCsvLoader(routeArgs({
      request: getRequest("/me/giving/statement/2026.csv", { cookie: cookies[ada.id] }),
      context: loadContext(),
      params: { year: "2026" },
    }))) as Response;
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="giving-statement-2026.csv"');
    const lines = (await response.text()).replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toBe("Date,Receipt number,Campaign,Amount,Refunded,Net,Currency,Method,Gift");
    expect(lines).toHaveLength(1 + 5);
    expect(lines.find((l) => l.includes("GBP"))).toContain("'=Diaspora appeal,40,0,40,GBP,Card,One-off");
    expect(lines.filter((l) => l.startsWith("Total"))).toEqual([]);
    const other = (await statementCsvLoader(routeArgs({
      request: getRequest("/me/giving/statement/2026.csv", { cookie: cookies[chidi.id] }),
      context: loadContext(),
      params: { year: "2026" },
    }))) as Response;
    expect((await other.text()).replace(/^\uFEFF/, "").trim().split("\r\n")).toHaveLength(1);
  });
});
