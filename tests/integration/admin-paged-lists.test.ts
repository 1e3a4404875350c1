import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { db } from "~db/client.server";
import { bankStatements, breaches, dataSubjectRequests, partnerEnquiries, paymentDisputes, statementLines, stories, type StatementLineStatus } from "~db/schema";
import { clock, DAY, HOUR } from "~/utils/clock.server";
import { randomId } from "~/utils/ids.server";
import { breachLog } from "~/modules/privacy/index.server";
import { action as partnersAction, loader as partnersLoader } from "~/routes/admin.partners";
import { loader as privacyLoader } from "~/routes/admin.privacy._index";
import { loader as storiesLoader } from "~/routes/admin.stories";
import { loader as donationsLoader } from "~/routes/admin.donations._index";
import { loader as statementsLoader } from "~/routes/admin.donations.statements._index";
import { createUser, formRequest, getRequest, loadContext, routeArgs, signIn, type TestUser } from "../support/factories";
import { createOpenCampaign, insertGift } from "../support/sponsorship-factories";
import { runRoute } from "../support/route-results";

// The organisers' lists that grow over the years are shown a page at a time: each page holds
// exactly a page, the pages follow one another in the list's order with no row twice and none
// missed (ties broken by the id), the counts are of the whole list, and any ?page= is a real page.

const T0 = Date.UTC(2026, 11, 3, 9);
const BAD_PAGES = [
  ["abc", "first"],
  ["0", "first"],
  ["-1", "first"],
  ["99999", "last"],
] as const;

let organiser: TestUser;
let cookie: string;

beforeAll(async () => {
  clock.set(T0);
  organiser = await createUser({ name: "Org Aniser", roles: ["organiser"] });
  cookie = signIn(organiser.id).cookieHeader;
});
afterAll(() => clock.set(null));

async function load<T>(loader: (args: never) => unknown, url: string): Promise<T> {
  const result = await runRoute(() => loader(routeArgs({ request: getRequest(url, { cookie }), params: {}, context: loadContext() }) as never));
  expect(result.status, url).toBe(200);
  return result.data as T;
}

/** Ids in SQLite's order for text (bytes), which for these ASCII ids is JavaScript's. */
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

describe("the partner pipeline", () => {
  type Board = { view: "board" | "stage"; page: number; pageCount: number; stages: { stage: string; total: number; enquiries: { id: string }[] }[] };
  const made: { id: string; createdAt: number }[] = [];

  beforeAll(() => {
    // 45 in "contacted", in pairs received at the same moment (the id decides between them), and 3 new.
    for (let i = 0; i < 48; i++) {
      const id = randomId(16);
      const createdAt = T0 - Math.floor(i / 2) * HOUR;
      const stage = i < 45 ? "contacted" : "new";
      db.insert(partnerEnquiries)
        .values({ id, organisationName: `Partner ${i}`, contactName: "Ada", email: `p${i}@example.org`, kind: "sponsorship", message: "We would like to help.", stage, createdAt, updatedAt: createdAt })
        .run();
      if (stage === "contacted") made.push({ id, createdAt });
    }
  });

  const expected = () => [...made].sort((a, b) => b.createdAt - a.createdAt || byId(a, b)).map((e) => e.id);

  it("shows each stage's newest 20 on the board, with how many the stage holds", async () => {
    const board = await load<Board>(partnersLoader, "/admin/partners");
    expect(board.view).toBe("board");
    const contacted = board.stages.find((s) => s.stage === "contacted")!;
    expect(contacted.total).toBe(45);
    expect(contacted.enquiries.map((e) => e.id)).toEqual(expected().slice(0, 20));
    expect(board.stages.find((s) => s.stage === "new")).toMatchObject({ total: 3 });
    expect(board.stages.find((s) => s.stage === "new")!.enquiries).toHaveLength(3);
    expect(board.stages.find((s) => s.stage === "partner")).toEqual({ stage: "partner", total: 0, enquiries: [] });
  });

  it("shows one stage a page at a time, newest first, with no overlap or gap", async () => {
    const pages = [];
    for (const page of [1, 2, 3]) pages.push(await load<Board>(partnersLoader, `/admin/partners?stage=contacted&page=${page}`));
    expect(pages.map((p) => [p.view, p.page, p.pageCount])).toEqual([
      ["stage", 1, 3],
      ["stage", 2, 3],
      ["stage", 3, 3],
    ]);
    const shown = pages.map((p) => p.stages.find((s) => s.stage === "contacted")!.enquiries.map((e) => e.id));
    expect(shown.map((ids) => ids.length)).toEqual([20, 20, 5]);
    expect(shown.flat()).toEqual(expected());
    // Only the stage asked for is listed; the others keep their counts for the links.
    const first = pages[0]!;
    expect(first.stages.filter((s) => s.enquiries.length).map((s) => s.stage)).toEqual(["contacted"]);
    expect(first.stages.find((s) => s.stage === "new")!.total).toBe(3);
  });

  it("turns any page number into a real page, and an unknown stage into the board", async () => {
    for (const [asked, lands] of BAD_PAGES) {
      const page = await load<Board>(partnersLoader, `/admin/partners?stage=contacted&page=${asked}`);
      expect(page.page, asked).toBe(lands === "first" ? 1 : 3);
    }
    expect((await load<Board>(partnersLoader, "/admin/partners?stage=won&page=2")).view).toBe("board");
  });

  it("returns to the stage and page an enquiry was moved from", async () => {
    const id = expected()[25]!;
    const moved = await runRoute(() =>
      partnersAction(routeArgs({ request: formRequest("/admin/partners?stage=contacted&page=2", { id, stage: "in_discussion" }, { cookie }), params: {}, context: loadContext() })),
    );
    expect(moved.status).toBe(302);
    expect(moved.headers.get("location")).toBe("/admin/partners?stage=contacted&page=2");
    const board = await load<Board>(partnersLoader, "/admin/partners");
    expect(board.stages.find((s) => s.stage === "contacted")!.total).toBe(44);
    expect(board.stages.find((s) => s.stage === "in_discussion")!.enquiries.map((e) => e.id)).toEqual([id]);
    made.splice(
      made.findIndex((e) => e.id === id),
      1,
    );
  });
});

describe("the privacy page's requests and breach log", () => {
  type Overview = {
    requestTotal: number;
    requestPage: number;
    requestPageCount: number;
    requests: { id: string }[];
    breachTotal: number;
    breachPage: number;
    breachPageCount: number;
    breaches: { id: string; closed: boolean }[];
  };
  const open: { id: string; dueAt: number }[] = [];
  const openBreaches: { id: string; notifyBy: number; foundAt: number }[] = [];
  const closedBreaches: { id: string; foundAt: number }[] = [];

  beforeAll(() => {
    // 31 requests being handled (open, or an erasure waiting out its cooling-off), in threes due at
    // the same moment, and 6 closed ones the list leaves out.
    for (let i = 0; i < 37; i++) {
      const id = randomId(16);
      const receivedAt = T0 - (40 - Math.floor(i / 3)) * DAY;
      const dueAt = receivedAt + 30 * DAY;
      const status = i < 31 ? (i % 5 === 0 ? "scheduled" : "open") : i % 2 ? "completed" : "refused";
      db.insert(dataSubjectRequests)
        .values({ id, kind: "access", status, requesterName: `Asker ${i}`, requesterContact: `asker${i}@example.org`, receivedAt, dueAt, closedAt: status === "completed" || status === "refused" ? T0 : null })
        .run();
      if (i < 31) open.push({ id, dueAt });
    }
    // 22 open breaches (pairs found at the same moment) and 21 closed ones (threes found at the same moment).
    for (let i = 0; i < 43; i++) {
      const id = randomId(16);
      const isOpen = i < 22;
      const foundAt = isOpen ? T0 - Math.floor(i / 2) * HOUR : T0 - 10 * DAY - Math.floor(i / 3) * DAY;
      const notifyBy = foundAt + 72 * HOUR;
      db.insert(breaches)
        .values({ id, summary: `Breach ${i}`, foundAt, notifyBy, recordedBy: organiser.id, createdAt: foundAt, updatedAt: foundAt, closedAt: isOpen ? null : foundAt + DAY })
        .run();
      if (isOpen) openBreaches.push({ id, notifyBy, foundAt });
      else closedBreaches.push({ id, foundAt });
    }
  });

  it("lists the open requests a page at a time, nearest deadline first, counting only those being handled", async () => {
    const first = await load<Overview>(privacyLoader, "/admin/privacy");
    const second = await load<Overview>(privacyLoader, "/admin/privacy?requests=2");
    expect([first.requestTotal, first.requestPage, first.requestPageCount]).toEqual([31, 1, 2]);
    expect([second.requestPage, second.requests.length]).toEqual([2, 6]);
    expect(first.requests).toHaveLength(25);
    const expected = [...open].sort((a, b) => a.dueAt - b.dueAt || byId(a, b)).map((r) => r.id);
    expect([...first.requests, ...second.requests].map((r) => r.id)).toEqual(expected);
    for (const [asked, lands] of BAD_PAGES) expect((await load<Overview>(privacyLoader, `/admin/privacy?requests=${asked}`)).requestPage, asked).toBe(lands === "first" ? 1 : 2);
  });

  it("lists the breach log a page at a time in the spreadsheet's order: open ones by deadline, then closed ones", async () => {
    const first = await load<Overview>(privacyLoader, "/admin/privacy");
    const second = await load<Overview>(privacyLoader, "/admin/privacy?breaches=2&requests=2");
    expect([first.breachTotal, first.breachPage, first.breachPageCount]).toEqual([43, 1, 2]);
    // Each list keeps its own page.
    expect([second.breachPage, second.requestPage]).toEqual([2, 2]);
    expect(first.breaches).toHaveLength(25);
    expect(second.breaches).toHaveLength(18);
    expect(first.breaches.filter((b) => b.closed)).toHaveLength(3);
    const expected = [
      ...[...openBreaches].sort((a, b) => a.notifyBy - b.notifyBy || b.foundAt - a.foundAt || byId(a, b)),
      ...[...closedBreaches].sort((a, b) => b.foundAt - a.foundAt || byId(a, b)),
    ].map((b) => b.id);
    const shown = [...first.breaches, ...second.breaches].map((b) => b.id);
    expect(shown).toEqual(expected);
    // The whole log (for the Commission's spreadsheet) stays whole, in the same order.
    expect(breachLog().map((b) => b.id)).toEqual(expected);
    for (const [asked, lands] of BAD_PAGES) expect((await load<Overview>(privacyLoader, `/admin/privacy?breaches=${asked}`)).breachPage, asked).toBe(lands === "first" ? 1 : 2);
  });
});

describe("the stories organisers may quote", () => {
  type Stories = { total: number; page: number; pageCount: number; stories: { id: string; text: string }[] };
  const quotable: { id: string; consentedAt: number }[] = [];

  beforeAll(async () => {
    const people = await Promise.all([0, 1, 2].map((n) => createUser({ name: `Storyteller ${n}` })));
    // 27 quotable stories, in threes agreed at the same moment; 4 more the page must leave out.
    for (let i = 0; i < 31; i++) {
      const id = randomId(16);
      const consentedAt = T0 - Math.floor(i / 3) * DAY;
      const kind = i < 27 ? "quotable" : i % 2 ? "withdrawn" : "private";
      db.insert(stories)
        .values({
          id,
          userId: people[i % 3]!.id,
          text: `Story ${i}`,
          mayQuote: kind === "quotable",
          byName: false,
          consentedAt: kind === "private" ? null : consentedAt,
          withdrawnAt: kind === "withdrawn" ? T0 : null,
          createdAt: consentedAt,
          updatedAt: consentedAt,
        })
        .run();
      if (kind === "quotable") quotable.push({ id, consentedAt });
    }
  });

  it("shows 20 at a time, newest agreement first, with no overlap or gap", async () => {
    const first = await load<Stories>(storiesLoader, "/admin/stories");
    const second = await load<Stories>(storiesLoader, "/admin/stories?page=2");
    expect([first.total, first.page, first.pageCount, first.stories.length]).toEqual([27, 1, 2, 20]);
    expect([second.page, second.stories.length]).toEqual([2, 7]);
    const expected = [...quotable].sort((a, b) => b.consentedAt - a.consentedAt || byId(b, a)).map((s) => s.id);
    expect([...first.stories, ...second.stories].map((s) => s.id)).toEqual(expected);
    for (const [asked, lands] of BAD_PAGES) expect((await load<Stories>(storiesLoader, `/admin/stories?page=${asked}`)).page, asked).toBe(lands === "first" ? 1 : 2);
  });
});

describe("the disputed payments on the donations page", () => {
  type Donations = { disputeTotal: number; disputePage: number; disputePageCount: number; disputes: { id: string }[]; page: number };
  const unresolved: { id: string; respondBy: number | null; openedAt: number }[] = [];

  beforeAll(() => {
    const campaign = createOpenCampaign();
    // 23 unresolved (two with no deadline, the rest in pairs with the same deadline and opening), 4 resolved.
    for (let i = 0; i < 27; i++) {
      const donationId = insertGift(campaign, { amount: 5_000_00, at: T0 - 20 * DAY });
      const id = randomId(16);
      const status = i < 23 ? (i % 2 ? "open" : "awaiting_response") : i % 2 ? "won" : "lost";
      const respondBy = i < 2 ? null : T0 + Math.floor(i / 2) * DAY;
      const openedAt = T0 - 10 * DAY;
      db.insert(paymentDisputes)
        .values({ id, donationId, provider: "stripe", providerDisputeId: `dp_${id}`, status, amount: 5_000_00, currency: "NGN", respondBy, openedAt, updatedAt: openedAt, resolvedAt: i < 23 ? null : T0 })
        .run();
      if (i < 23) unresolved.push({ id, respondBy, openedAt });
    }
  });

  it("shows 10 at a time, soonest deadline first, counting every unresolved one", async () => {
    const pages = [];
    for (const page of [1, 2, 3]) pages.push(await load<Donations>(donationsLoader, `/admin/donations?disputes=${page}`));
    expect(pages.map((p) => [p.disputeTotal, p.disputePage, p.disputePageCount, p.disputes.length])).toEqual([
      [23, 1, 3, 10],
      [23, 2, 3, 10],
      [23, 3, 3, 3],
    ]);
    // SQLite puts a missing deadline first in ascending order.
    const deadline = (d: { respondBy: number | null }) => d.respondBy ?? Number.NEGATIVE_INFINITY;
    const expected = [...unresolved].sort((a, b) => deadline(a) - deadline(b) || a.openedAt - b.openedAt || byId(a, b)).map((d) => d.id);
    expect(pages.flatMap((p) => p.disputes.map((d) => d.id))).toEqual(expected);
    for (const [asked, lands] of BAD_PAGES) expect((await load<Donations>(donationsLoader, `/admin/donations?disputes=${asked}`)).disputePage, asked).toBe(lands === "first" ? 1 : 3);
    // The gifts keep their own page.
    expect((await load<Donations>(donationsLoader, "/admin/donations?disputes=2")).page).toBe(1);
  });
});

describe("the imported bank statements", () => {
  type Statements = { total: number; page: number; pageCount: number; statements: { id: string; counts: Record<StatementLineStatus, number> }[] };
  const made: { id: string; importedAt: number }[] = [];
  const lineCounts = new Map<string, Record<StatementLineStatus, number>>();

  beforeAll(() => {
    // 28 statements, in pairs imported at the same moment; every fourth has credits in each state.
    for (let i = 0; i < 28; i++) {
      const id = randomId(16);
      const importedAt = T0 - Math.floor(i / 2) * DAY;
      db.insert(bankStatements).values({ id, fileName: `statement-${i}.csv`, fileHash: randomId(32), layout: "gtbank", importedAt, importedBy: organiser.id }).run();
      made.push({ id, importedAt });
      const counts: Record<StatementLineStatus, number> = { unmatched: 0, proposed: 0, confirmed: 0, ignored: 0 };
      if (i % 4 === 0) {
        const statuses: StatementLineStatus[] = ["unmatched", "unmatched", "proposed", "confirmed", "confirmed", "confirmed", "ignored"].slice(0, 3 + (i % 5)) as StatementLineStatus[];
        for (const status of statuses) {
          db.insert(statementLines)
            .values({ id: randomId(16), statementId: id, lineKey: randomId(16), postedOn: "2026-11-30", amount: 1_000_00, currency: "NGN", narration: "TRANSFER", status })
            .run();
          counts[status] += 1;
        }
      }
      lineCounts.set(id, counts);
    }
  });

  it("shows 25 at a time, newest first, each with its own credits counted", async () => {
    const first = await load<Statements>(statementsLoader, "/admin/donations/statements");
    const second = await load<Statements>(statementsLoader, "/admin/donations/statements?page=2");
    expect([first.total, first.page, first.pageCount, first.statements.length]).toEqual([28, 1, 2, 25]);
    expect([second.page, second.statements.length]).toEqual([2, 3]);
    const expected = [...made].sort((a, b) => b.importedAt - a.importedAt || byId(b, a)).map((s) => s.id);
    const shown = [...first.statements, ...second.statements];
    expect(shown.map((s) => s.id)).toEqual(expected);
    for (const statement of shown) expect(statement.counts, statement.id).toEqual(lineCounts.get(statement.id));
    expect(shown.some((s) => s.counts.confirmed > 0)).toBe(true);
    for (const [asked, lands] of BAD_PAGES) expect((await load<Statements>(statementsLoader, `/admin/donations/statements?page=${asked}`)).page, asked).toBe(lands === "first" ? 1 : 2);
  });

  it("counts a statement's credits afresh when one changes state", async () => {
    const withCredits = (page: Statements) => page.statements.find((s) => Object.values(s.counts).some((n) => n > 0))!;
    const newest = withCredits(await load<Statements>(statementsLoader, "/admin/donations/statements"));
    const line = db.select().from(statementLines).where(eq(statementLines.statementId, newest.id)).get()!;
    db.update(statementLines).set({ status: "ignored" }).where(eq(statementLines.id, line.id)).run();
    const after = withCredits(await load<Statements>(statementsLoader, "/admin/donations/statements"));
    expect(after.id).toBe(newest.id);
    expect(after.counts.ignored).toBe(newest.counts.ignored + (line.status === "ignored" ? 0 : 1));
    expect(after.counts[line.status]).toBe(newest.counts[line.status] - (line.status === "ignored" ? 0 : 1));
  });
});
