import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { auditLog, campaignFunds, certificates, cohortMembers, impactReportLinks, outcomes, registrations, stories } from "~db/schema";
import { eraseJourneyData } from "~/modules/journey/erasure.server";
import { createShareLink, impactReport, linkFund, publishedYearReport, reportByToken, revokeShareLink, setYearPublished, sponsorMayRead, unlinkFund } from "~/modules/journey/index.server";
import { loader as myCampaignImpact } from "~/routes/me.giving.impact.$campaignId";
import { loader as myImpact } from "~/routes/me.giving.impact._index";
import { loader as publicImpact } from "~/routes/impact.$key";
import { action as campaignAction } from "~/routes/admin.campaigns.$id";
import { clock, DAY, HOUR } from "~/utils/clock.server";
import { randomId } from "~/utils/ids.server";
import { formatMoney } from "~/utils/money";
import { createUser, formRequest, getRequest, loadContext, routeArgs, signIn, type TestUser } from "../support/factories";
import { createTestEvent } from "../support/event-factories";
import { installTestCurriculum, makeCohort } from "../support/programme-factories";
import { runRoute } from "../support/route-results";
import { createOpenCampaign, insertGift, type SimpleCampaign } from "../support/sponsorship-factories";

// A hand-built world where every figure of the reports is known (ADR 0041).

const lagos = (year: number, month: number, day: number, hour = 0) => Date.UTC(year, month - 1, day, hour) - HOUR;

let organiser: TestUser;
let ada: TestUser;
let bola: TestUser;
const people: TestUser[] = [];
let seats: SimpleCampaign;
let dollars: SimpleCampaign;
const ids = { workshop: "", other: "", cohort: "", quoted: "", unquotable: "", withdrawn: "", elsewhere: "" };

function register(eventId: string, userId: string, checkedInAt: number | null) {
  const at = lagos(2026, 2, 1);
  db.insert(registrations).values({ id: randomId(16), eventId, userId, status: "confirmed", checkInToken: randomId(16), shortCode: randomId(3), checkedInAt, createdAt: at, updatedAt: at }).run();
}

function finish(cohortId: string, userId: string, completedAt: number | null) {
  const memberId = randomId(16);
  db.insert(cohortMembers).values({ id: memberId, cohortId, userId, joinedAt: lagos(2026, 3, 10), joinedVia: "code" }).run();
  if (completedAt) db.insert(certificates).values({ id: randomId(16), memberId, userId, recipientName: "N", curriculumTitle: "T", cohortName: "C", organisationName: "O", completedAt }).run();
}

function story(userId: string, values: Partial<typeof stories.$inferInsert>) {
  const id = randomId(16);
  const at = lagos(2026, 4, 1);
  db.insert(stories).values({ id, userId, text: `What helped most, by ${userId}`, mayQuote: true, byName: false, consentedAt: at, featuredAt: at, createdAt: at, updatedAt: at, ...values }).run();
  return id;
}

const cookie = (user: TestUser) => signIn(user.id).cookieHeader;

beforeAll(async () => {
  clock.set(lagos(2026, 6, 1, 12));
  organiser = await createUser({ roles: ["organiser"] });
  ada = await createUser({ name: "Ada Giver", roles: ["sponsor"] });
  bola = await createUser({ name: "Bola Giver", roles: ["sponsor"] });
  for (const name of ["Chidi Okafor", "Dayo", "Efe", "Funmi", "Gbenga", "Hauwa", "Ike"]) people.push(await createUser({ name }));
  seats = createOpenCampaign({ title: "Workshop seats" });
  dollars = createOpenCampaign({ title: "Diaspora appeal", currency: "USD" });

  ids.workshop = createTestEvent({ title: "CV clinic", startsAt: lagos(2026, 3, 1, 10) }).id;
  ids.other = createTestEvent({ title: "Unfunded talk", startsAt: lagos(2026, 3, 2, 10) }).id;
  ids.cohort = makeCohort({ actorId: organiser.id, curriculumId: installTestCurriculum(), startDate: "2026-03-10", name: "March cohort" });
  expect(linkFund(organiser.id, seats.id, { target: `event:${ids.workshop}`, note: "The venue and lunch" }).ok).toBe(true);
  expect(linkFund(organiser.id, seats.id, { target: `cohort:${ids.cohort}`, note: "Data for the online steps" }).ok).toBe(true);

  // Six registered for the funded workshop, five checked in; three joined the cohort, two finished; one has a job.
  const [chidi, dayo, efe, funmi, gbenga, hauwa, ike] = people as [TestUser, TestUser, TestUser, TestUser, TestUser, TestUser, TestUser];
  for (const p of [chidi, dayo, efe, funmi, gbenga]) register(ids.workshop, p.id, lagos(2026, 3, 1, 10));
  register(ids.workshop, hauwa.id, null);
  finish(ids.cohort, chidi.id, lagos(2026, 4, 20));
  finish(ids.cohort, dayo.id, lagos(2026, 4, 21));
  finish(ids.cohort, efe.id, null);
  db.insert(outcomes).values({ id: randomId(16), userId: chidi.id, kind: "job", source: "self", recordedAt: lagos(2026, 5, 1) }).run();
  // Ike only came to the unfunded talk: not reached by the campaign.
  register(ids.other, ike.id, lagos(2026, 3, 2, 10));

  ids.quoted = story(chidi.id, { byName: true, text: "The mock interviews." });
  ids.unquotable = story(dayo.id, { mayQuote: false, text: "Not for quoting." });
  ids.withdrawn = story(efe.id, { withdrawnAt: lagos(2026, 4, 2), text: "Withdrawn words." });
  ids.elsewhere = story(ike.id, { text: "Words from the unfunded talk." });

  insertGift(seats, { amount: 5_000_00, at: lagos(2026, 2, 1), userId: ada.id, email: ada.email, name: ada.name });
  insertGift(seats, { amount: 2_000_00, at: lagos(2026, 2, 2), userId: ada.id, email: ada.email, status: "refunded" });
  insertGift(seats, { amount: 8_000_00, at: lagos(2026, 2, 3), userId: bola.id, email: bola.email, refundedAmount: 3_000_00 });
  insertGift(seats, { amount: 9_000_00, at: lagos(2026, 2, 4), status: "pending" });
  insertGift(dollars, { amount: 40_00, at: lagos(2026, 2, 5), userId: ada.id, email: ada.email });
});

describe("money in", () => {
  it("counts paid gifts less refunds, per currency, never adding currencies", () => {
    const report = impactReport("campaign", seats.id)!;
    expect(report.moneyIn).toEqual([{ currency: "NGN", amount: formatMoney(10_000_00, "NGN"), gifts: "2", donors: "fewer than 5" }]);
    const yearly = impactReport("year", "2026")!;
    expect(yearly.moneyIn.map((row) => [row.currency, row.amount])).toEqual([
      ["NGN", formatMoney(10_000_00, "NGN")],
      ["USD", formatMoney(40_00, "USD")],
    ]);
    // What giving paid for that year: the links to events and cohorts that started in it.
    expect(yearly.paidFor.map((group) => [group.campaignTitle, group.items.map((i) => i.note)])).toEqual([["Workshop seats", ["The venue and lunch", "Data for the online steps"]]]);
    expect(impactReport("year", "2025")!.paidFor).toEqual([]);
  });

  it("a sponsor's report carries only their own gifts", () => {
    const report = impactReport("sponsor", ada.id)!;
    expect(report.moneyIn).toEqual([
      { currency: "NGN", amount: formatMoney(5_000_00, "NGN"), gifts: "1", donors: "1" },
      { currency: "USD", amount: formatMoney(40_00, "USD"), gifts: "1", donors: "1" },
    ]);
    expect(report.paidFor.map((group) => group.campaignTitle)).toEqual(["Workshop seats"]);
    expect(report.paidFor[0]!.items.map((item) => item.note).sort()).toEqual(["Data for the online steps", "The venue and lunch"]);
  });
});

describe("people reached", () => {
  it("counts those reached through the funded event and cohort, and suppresses figures about fewer than 5", () => {
    const reached = Object.fromEntries(impactReport("campaign", seats.id)!.reached.map((row) => [row.stage, row.people]));
    expect(reached).toEqual({ registered: "6", attended: "5", joined: "fewer than 5", finished: "fewer than 5", matched: "0", reported: "fewer than 5", placed: "fewer than 5" });
  });

  it("links are audited, once per event or cohort, and only to what exists", () => {
    const [fund] = db.select().from(auditLog).where(and(eq(auditLog.action, "campaign.fund_linked"), eq(auditLog.targetId, seats.id))).all();
    expect(fund).toBeDefined();
    const again = linkFund(organiser.id, seats.id, { target: `event:${ids.workshop}`, note: "Twice" });
    expect(again).toMatchObject({ ok: false, status: 409, field: "target" });
    const stranger = linkFund(organiser.id, seats.id, { target: "event:no-such-event", note: "Nothing" });
    expect(stranger).toMatchObject({ ok: false, field: "target" });
  });
});

describe("the campaign page's form", () => {
  it("refuses a link without a note or to nothing, at the field, with a 400", async () => {
    const post = (fields: Record<string, string>) =>
      runRoute(() => campaignAction(routeArgs({ request: formRequest(`/admin/campaigns/${dollars.id}`, fields, { cookie: cookie(organiser) }), context: loadContext(), params: { id: dollars.id } })));
    const noNote = await post({ intent: "link-fund", target: `event:${ids.other}`, note: "" });
    expect(noNote.status).toBe(400);
    expect(noNote.data).toMatchObject({ form: "link-fund", result: { error: { note: ["Say in a few words what the campaign paid for"] } } });
    const nothing = await post({ intent: "link-fund", target: "event:made-up", note: "Lunch" });
    expect(nothing.status).toBe(400);
    expect(nothing.data).toMatchObject({ result: { error: { target: ["Choose an event or a cohort from the list"] } } });
    const linked = await post({ intent: "link-fund", target: `event:${ids.other}`, note: "Lunch" });
    expect(linked.status).toBe(302);
    expect(impactReport("campaign", dollars.id)!.paidFor[0]!.items).toMatchObject([{ title: "Unfunded talk", note: "Lunch" }]);
    const fund = db.select().from(campaignFunds).where(eq(campaignFunds.campaignId, dollars.id)).get()!;
    expect((await post({ intent: "unlink-fund", fundId: fund.id })).status).toBe(302);
    expect(impactReport("campaign", dollars.id)!.paidFor).toEqual([]);
  });
});

describe("stories", () => {
  it("quotes only featured stories with consent standing, of people the campaign reached", () => {
    const quoted = impactReport("campaign", seats.id)!.stories;
    expect(quoted).toEqual([{ id: ids.quoted, text: "The mock interviews.", by: "Chidi" }]);
    const yearly = impactReport("year", "2026")!.stories.map((s) => s.id).sort();
    expect(yearly).toEqual([ids.quoted, ids.elsewhere].sort());
    expect(impactReport("year", "2026")!.stories.find((s) => s.id === ids.elsewhere)!.by).toBe("A participant");
  });

  it("a withdrawn consent removes the story at once, from every report", () => {
    db.update(stories).set({ withdrawnAt: clock.now() }).where(eq(stories.id, ids.quoted)).run();
    expect(impactReport("campaign", seats.id)!.stories).toEqual([]);
    expect(impactReport("year", "2026")!.stories.map((s) => s.id)).toEqual([ids.elsewhere]);
    db.update(stories).set({ withdrawnAt: null }).where(eq(stories.id, ids.quoted)).run();
  });
});

describe("who may read", () => {
  it("a sponsor reads their own report and those of campaigns they gave to, nobody else's", async () => {
    expect(sponsorMayRead({ ...ada, emailVerified: true }, "campaign", seats.id)).toBe(true);
    expect(sponsorMayRead({ ...bola, emailVerified: true }, "campaign", dollars.id)).toBe(false);
    expect(sponsorMayRead({ ...ada, emailVerified: true }, "sponsor", bola.id)).toBe(false);

    const campaignPage = (user: TestUser | null, campaignId: string) =>
      runRoute(() => myCampaignImpact(routeArgs({ request: getRequest(`/me/giving/impact/${campaignId}`, { cookie: user ? cookie(user) : undefined }), context: loadContext(), params: { campaignId } })));
    expect((await campaignPage(ada, dollars.id)).status).toBe(200);
    expect((await campaignPage(bola, dollars.id)).status).toBe(404);
    expect((await campaignPage(people[0]!, seats.id)).status).toBe(404);
    expect((await campaignPage(null, seats.id)).status).toBe(404);

    const own = await runRoute(() => myImpact(routeArgs({ request: getRequest("/me/giving/impact", { cookie: cookie(bola) }), context: loadContext(), params: {} })));
    const report = (own.data as { report: { title: string; moneyIn: { amount: string }[] } }).report;
    expect(report.title).toContain("Bola Giver");
    expect(report.moneyIn.map((row) => row.amount)).toEqual([formatMoney(5_000_00, "NGN")]);
  });

  it("a share link opens the report without logging in until it is turned off", async () => {
    const made = createShareLink(organiser.id, "sponsor", ada.id);
    if (!made.ok) throw new Error(made.message);
    expect(reportByToken(made.token)?.title).toContain("Ada Giver");
    const open = (key: string) => runRoute(() => publicImpact(routeArgs({ request: getRequest(`/impact/${key}`), context: loadContext(), params: { key } })));
    expect((await open(made.token)).status).toBe(200);
    const [link] = db.select().from(auditLog).where(eq(auditLog.action, "impact.link_created")).all();
    expect(link).toBeDefined();

    const row = db.select().from(impactReportLinks).where(eq(impactReportLinks.subject, ada.id)).get()!;
    expect(row.tokenHash).not.toContain(made.token);
    expect(revokeShareLink(organiser.id, "sponsor", ada.id, row.id).ok).toBe(true);
    expect(reportByToken(made.token)).toBeNull();
    expect((await open(made.token)).status).toBe(404);
    expect((await open("a-made-up-token-that-never-was")).status).toBe(404);
  });

  it("the annual page is public only while published", async () => {
    const open = () => runRoute(() => publicImpact(routeArgs({ request: getRequest("/impact/2026"), context: loadContext(), params: { key: "2026" } })));
    expect(publishedYearReport("2026")).toBeNull();
    expect((await open()).status).toBe(404);
    expect(setYearPublished(organiser.id, "2026", true).ok).toBe(true);
    expect((await open()).status).toBe(200);
    expect(setYearPublished(organiser.id, "2026", false).ok).toBe(true);
    expect((await open()).status).toBe(404);
    expect(setYearPublished(organiser.id, "2031", true)).toMatchObject({ ok: false, status: 404 });
    clock.advance(DAY);
  });

  it("unlinking stops the report counting what the link reached", () => {
    const cohortFund = db.select().from(campaignFunds).where(eq(campaignFunds.cohortId, ids.cohort)).get();
    expect(unlinkFund(organiser.id, seats.id, cohortFund!.id).ok).toBe(true);
    expect(unlinkFund(organiser.id, seats.id, cohortFund!.id)).toMatchObject({ ok: false, status: 404 });
    const reached = Object.fromEntries(impactReport("campaign", seats.id)!.reached.map((row) => [row.stage, row.people]));
    // Efe joined the cohort and attended the workshop, so the event still reaches the same people.
    expect(reached.registered).toBe("6");
  });

  it("erasing a sponsor turns off every link to their report", () => {
    const made = createShareLink(organiser.id, "sponsor", bola.id);
    if (!made.ok) throw new Error(made.message);
    expect(reportByToken(made.token)).not.toBeNull();
    db.transaction((tx) => eraseJourneyData(tx, { userId: bola.id, name: bola.name, email: bola.email, placeholderEmail: "erased@example.invalid" }));
    expect(reportByToken(made.token)).toBeNull();
    expect(db.select().from(impactReportLinks).where(eq(impactReportLinks.subject, bola.id)).all()).toEqual([]);
  });
});
