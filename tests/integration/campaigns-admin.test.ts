import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { auditLog, campaigns, campaignTiers } from "~db/schema";
import { action as detailAction, loader as detailLoader } from "~/routes/admin.campaigns.$id";
import { action as listAction, loader as listLoader } from "~/routes/admin.campaigns._index";
import { clock } from "~/utils/clock.server";
import { createUser, formRequest, getRequest, loadContext, signIn, routeArgs } from "../support/factories";
import { runRoute } from "../support/route-results";
import { insertGift } from "../support/sponsorship-factories";
import { updateOrganisation } from "~/modules/organisation/index.server";

const T0 = Date.UTC(2026, 10, 25, 9, 0);
const ctx = loadContext();

let organiserCookie: string;
let sponsorCookie: string;

beforeAll(async () => {
  updateOrganisation({ timeZone: "Africa/Lagos" });
  organiserCookie = signIn((await createUser({ roles: ["organiser"] })).id).cookieHeader;
  sponsorCookie = signIn((await createUser({ roles: ["sponsor"] })).id).cookieHeader;
});
beforeEach(() => clock.set(T0));
afterAll(() => clock.set(null));

const NEW = { title: "Workshop seats for 2027", currency: "NGN", goal: "500,000", minAmount: "500", maxAmount: "5,000,000" };

async function newCampaign(fields: Record<string, string> = {}) {
  const result = await runRoute(() => listAction(routeArgs({ request: formRequest("/admin/campaigns", { ...NEW, ...fields }, { cookie: organiserCookie }), params: {}, context: ctx })));
  expect(result.status).toBe(302);
  const location = result.headers.get("location")!;
  return location.split("/").pop()!;
}

function campaignRow(id: string) {
  return db.select().from(campaigns).where(eq(campaigns.id, id)).get()!;
}

function tierRows(id: string) {
  return db.select().from(campaignTiers).where(eq(campaignTiers.campaignId, id)).orderBy(campaignTiers.position).all();
}

function post(id: string, fields: Record<string, string>, cookie = organiserCookie) {
  return runRoute(() => detailAction(routeArgs({ request: formRequest(`/admin/campaigns/${id}`, fields, { cookie }), params: { id }, context: ctx })));
}

const details = (overrides: Record<string, string> = {}) => ({
  intent: "details",
  title: "Workshop seats for 2027",
  slug: "workshop-seats-2027",
  summary: "Every seat is a step back into work.",
  story: "We run **free** workshops.",
  currency: "NGN",
  goal: "750000.50",
  minAmount: "1000",
  maxAmount: "1,000,000",
  startsAt: "2026-12-01T09:00",
  endsAt: "2027-03-31T18:00",
  status: "open",
  ...overrides,
});

describe("campaigns console", () => {
  it("is for organisers only", async () => {
    expect((await runRoute(() => listLoader(routeArgs({ request: getRequest("/admin/campaigns", { cookie: sponsorCookie }), params: {}, context: ctx })))).status).toBe(403);
    const denied = await runRoute(() => listAction(routeArgs({ request: formRequest("/admin/campaigns", NEW, { cookie: sponsorCookie }), params: {}, context: ctx })));
    expect(denied.status).toBe(403);
    const anonymous = await runRoute(() => listLoader(routeArgs({ request: getRequest("/admin/campaigns"), params: {}, context: ctx })));
    expect([302, 303]).toContain(anonymous.status);
    expect(db.select().from(campaigns).where(eq(campaigns.title, NEW.title)).all()).toHaveLength(0);
  });

  it("creates a draft with the goal typed in naira and stored in kobo, and a slug from the title", async () => {
    const id = await newCampaign();
    const row = campaignRow(id);
    expect(row).toMatchObject({ title: NEW.title, slug: "workshop-seats-for-2027", status: "draft", currency: "NGN", goalAmount: 500_000_00, minAmount: 500_00, maxAmount: 5_000_000_00 });
    const second = await newCampaign();
    expect(campaignRow(second).slug).toBe("workshop-seats-for-2027-2");
    const list = await runRoute(() => listLoader(routeArgs({ request: getRequest("/admin/campaigns", { cookie: organiserCookie }), params: {}, context: ctx })));
    const listed = (list.data as { campaigns: { id: string; progress: { goal: string } }[] }).campaigns.find((c) => c.id === id)!;
    expect(listed.progress.goal).toBe("₦500,000");
  });

  it("refuses bad amounts with field errors and writes nothing", async () => {
    const before = db.select().from(campaigns).all().length;
    for (const [fields, field] of [
      [{ goal: "5000.505" }, "goal"],
      [{ goal: "-5" }, "goal"],
      [{ goal: "0" }, "goal"],
      [{ minAmount: "abc" }, "minAmount"],
      [{ minAmount: "5000", maxAmount: "100" }, "maxAmount"],
      [{ currency: "XYZ" }, "currency"],
      [{ slug: "Not A Slug!" }, "slug"],
    ] as const) {
      const result = await runRoute(() => listAction(routeArgs({ request: formRequest("/admin/campaigns", { ...NEW, ...fields }, { cookie: organiserCookie }), params: {}, context: ctx })));
      expect(result.status, JSON.stringify(fields)).toBe(400);
      expect((result.data as { error: Record<string, string[]> }).error[field]).toBeTruthy();
    }
    expect(db.select().from(campaigns).all().length).toBe(before);
  });

  it("edits the details: story, goal in minor units, dates in the organisation's time zone, status", async () => {
    const id = await newCampaign({ title: "Edit me" });
    const result = await post(id, details());
    expect(result.status).toBe(302);
    const row = campaignRow(id);
    expect(row).toMatchObject({ slug: "workshop-seats-2027", goalAmount: 75_000_050, minAmount: 1000_00, maxAmount: 1_000_000_00, status: "open", story: "We run **free** workshops." });
    // 09:00 in Lagos (UTC+1) is 08:00 UTC.
    expect(row.startsAt).toBe(Date.UTC(2026, 11, 1, 8, 0));
    expect(row.endsAt).toBe(Date.UTC(2027, 2, 31, 17, 0));
    const loaded = await runRoute(() => detailLoader(routeArgs({ request: getRequest(`/admin/campaigns/${id}`, { cookie: organiserCookie }), params: { id }, context: ctx })));
    expect((loaded.data as { values: Record<string, string> }).values).toMatchObject({ goal: "750000.50", startsAt: "2026-12-01T09:00", status: "open" });
    const audit = db.select().from(auditLog).where(eq(auditLog.targetId, id)).all().map((entry) => entry.action);
    expect(audit).toEqual(expect.arrayContaining(["campaign.created", "campaign.updated"]));
  });

  it("refuses a slug another campaign has, an end before the start, and a currency change once there are gifts", async () => {
    const first = await newCampaign({ title: "Taken slug", slug: "taken-slug" });
    const id = await newCampaign({ title: "Second" });
    const taken = await post(id, details({ slug: "taken-slug" }));
    expect(taken.status).toBe(400);
    expect((taken.data as { result: { error: Record<string, string[]> } }).result.error.slug).toBeTruthy();
    const backwards = await post(id, details({ slug: "second", startsAt: "2027-01-01T09:00", endsAt: "2026-12-01T09:00" }));
    expect(backwards.status).toBe(400);
    expect((backwards.data as { result: { error: Record<string, string[]> } }).result.error.endsAt).toBeTruthy();
    expect(campaignRow(id).slug).not.toBe("taken-slug");
    expect(campaignRow(first).slug).toBe("taken-slug");

    expect((await post(id, details({ slug: "second" }))).status).toBe(302);
    insertGift({ id, slug: "second", title: "Second", currency: "NGN" }, { amount: 5_000_00 });
    const currency = await post(id, details({ slug: "second", currency: "USD" }));
    expect(currency.status).toBe(400);
    expect((currency.data as { result: { error: Record<string, string[]> } }).result.error.currency).toBeTruthy();
    expect(campaignRow(id).currency).toBe("NGN");
  });

  it("adds, edits, reorders and removes tiers", async () => {
    const id = await newCampaign({ title: "With tiers" });
    expect((await post(id, { intent: "add-tier", name: "A workshop seat", amount: "5,000", interval: "one_off", description: "One person, one day" })).status).toBe(302);
    expect((await post(id, { intent: "add-tier", name: "A month of mentoring", amount: "10000", interval: "monthly" })).status).toBe(302);
    let tiers = tierRows(id);
    expect(tiers.map((t) => [t.name, t.amount, t.interval])).toEqual([
      ["A workshop seat", 5_000_00, "one_off"],
      ["A month of mentoring", 10_000_00, "monthly"],
    ]);

    const bad = await post(id, { intent: "add-tier", name: "Too precise", amount: "10.001", interval: "one_off" });
    expect(bad.status).toBe(400);
    expect((bad.data as { form: string; result: { error: Record<string, string[]> } }).form).toBe("add-tier");
    expect(tierRows(id)).toHaveLength(2);

    const [seat, month] = tiers;
    expect((await post(id, { intent: "edit-tier", tierId: seat.id, name: "A workshop seat", amount: "6000", interval: "one_off", description: "Lunch too" })).status).toBe(302);
    expect(tierRows(id)[0]).toMatchObject({ amount: 6_000_00, description: "Lunch too" });

    expect((await post(id, { intent: "move-tier", tierId: month.id, direction: "up" })).status).toBe(302);
    tiers = tierRows(id);
    expect(tiers.map((t) => t.id)).toEqual([month.id, seat.id]);
    // At the top already: nothing moves.
    expect((await post(id, { intent: "move-tier", tierId: month.id, direction: "up" })).status).toBe(302);
    expect(tierRows(id).map((t) => t.id)).toEqual([month.id, seat.id]);

    expect((await post(id, { intent: "remove-tier", tierId: seat.id })).status).toBe(302);
    expect(tierRows(id).map((t) => t.id)).toEqual([month.id]);
  });

  it("will not touch another campaign's tier through this campaign's page", async () => {
    const owner = await newCampaign({ title: "Owner" });
    await post(owner, { intent: "add-tier", name: "Theirs", amount: "100", interval: "one_off" });
    const tier = tierRows(owner)[0];
    const other = await newCampaign({ title: "Other" });
    expect((await post(other, { intent: "remove-tier", tierId: tier.id })).status).toBe(404);
    expect((await post(other, { intent: "edit-tier", tierId: tier.id, name: "Hijacked", amount: "1", interval: "one_off" })).status).toBe(404);
    expect(tierRows(owner)[0]).toMatchObject({ name: "Theirs", amount: 100_00 });
  });

  it("answers 404 for an unknown campaign and 403 for non-organisers", async () => {
    expect((await runRoute(() => detailLoader(routeArgs({ request: getRequest("/admin/campaigns/nope", { cookie: organiserCookie }), params: { id: "nope" }, context: ctx })))).status).toBe(404);
    const id = await newCampaign({ title: "Guarded" });
    expect((await post(id, details({ slug: "guarded", title: "Hijacked" }), sponsorCookie)).status).toBe(403);
    expect(campaignRow(id).title).toBe("Guarded");
  });
});
