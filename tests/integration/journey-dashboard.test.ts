import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { campaigns, cohortMembers, exerciseAnswers, mentoringSessions, mentorships, outcomes, registrations, type OutcomeKind } from "~db/schema";
import { loader as chartCsvLoader } from "~/routes/admin.charts.$chart[.csv]";
import { loader as dashboardLoader } from "~/routes/admin._index";
import { loader as journeyLoader } from "~/routes/admin.journey";
import { loader as journeyCsvLoader } from "~/routes/admin.journey[.csv]";
import { dashboardCharts } from "~/modules/admin/index.server";
import { stepsOf } from "~/modules/curriculum/index.server";
import { compareCohorts, funnel, readPeriod, type Period } from "~/modules/journey/index.server";
import { clock, HOUR } from "~/utils/clock.server";
import { randomId } from "~/utils/ids.server";
import { createUser, getRequest, loadContext, routeArgs, signIn } from "../support/factories";
import { createTestEvent } from "../support/event-factories";
import { installTestCurriculum, makeCohort } from "../support/programme-factories";
import { createOpenCampaign, insertGift } from "../support/sponsorship-factories";
import { parseCsv } from "../support/csv";

// The dashboard's charts, the funnel's medians and comparisons, and the period form, on a
// hand-built first quarter of 2026 in Lagos (UTC+1) where every right answer is known.

const lagos = (year: number, month: number, day: number, hour = 0) => Date.UTC(year, month - 1, day, hour) - HOUR;
const Q1 = "period=custom&from=2026-01-01&to=2026-03-31";
let quarter: Period;
let cookie = "";
let participantCookie = "";
const cohort = { c1: "", c2: "" };

function register(eventId: string, userId: string, status: "confirmed" | "waitlisted" | "cancelled", createdAt: number, checkedInAt: number | null = null) {
  db.insert(registrations)
    .values({ id: randomId(16), eventId, userId, status, checkInToken: randomId(16), shortCode: randomId(3), checkedInAt, createdAt, updatedAt: createdAt })
    .run();
}

function member(cohortId: string, userId: string, joinedAt: number) {
  const id = randomId(16);
  db.insert(cohortMembers).values({ id, cohortId, userId, joinedAt, joinedVia: "event" }).run();
  return id;
}

function outcome(userId: string, kind: OutcomeKind, recordedAt: number) {
  db.insert(outcomes).values({ id: randomId(16), userId, kind, source: "self", recordedAt }).run();
}

beforeAll(async () => {
  clock.set(lagos(2026, 6, 15, 12));
  const organiser = await createUser({ roles: ["organiser"] });
  cookie = signIn(organiser.id).cookieHeader;
  participantCookie = signIn((await createUser()).id).cookieHeader;
  const [p1, p2, p3, p4, p5, p6, p7, mentor] = await Promise.all(Array.from({ length: 8 }, () => createUser()));

  // Events: E1 in January (3 confirmed of whom 2 came, 1 cancelled), E2 in February (2 confirmed who came, 1 waitlisted).
  const e1 = createTestEvent({ startsAt: lagos(2026, 1, 10, 10), title: "January workshop" }).id;
  const e2 = createTestEvent({ startsAt: lagos(2026, 2, 20, 10), title: "February workshop" }).id;
  register(e1, p1!.id, "confirmed", lagos(2026, 1, 1, 10), lagos(2026, 1, 10, 10)); // 9 days
  register(e1, p2!.id, "confirmed", lagos(2026, 1, 5, 10), lagos(2026, 1, 10, 10)); // 5 days
  register(e1, p3!.id, "confirmed", lagos(2026, 1, 6));
  register(e1, p6!.id, "cancelled", lagos(2026, 1, 6));
  register(e2, p4!.id, "confirmed", lagos(2026, 2, 10, 10), lagos(2026, 2, 20, 10)); // 10 days
  register(e2, p5!.id, "confirmed", lagos(2026, 2, 19, 10), lagos(2026, 2, 20, 10)); // 1 day
  register(e2, p7!.id, "waitlisted", lagos(2026, 2, 19));

  // Cohorts: P1 joins 22 days after the event, P2 31 days and P5 8.6 days after; P4 joined before attending.
  const curriculumId = installTestCurriculum();
  cohort.c1 = makeCohort({ actorId: organiser.id, curriculumId, startDate: "2026-02-01", name: "February cohort" });
  cohort.c2 = makeCohort({ actorId: organiser.id, curriculumId, startDate: "2026-03-01", name: "March cohort" });
  const m1 = member(cohort.c1, p1!.id, lagos(2026, 2, 1, 10));
  const m2 = member(cohort.c1, p2!.id, lagos(2026, 2, 10, 10));
  member(cohort.c1, p4!.id, lagos(2026, 2, 15));
  member(cohort.c2, p5!.id, lagos(2026, 3, 1));
  const [step1, step2] = stepsOf(curriculumId);
  const done = (memberId: string, stepId: string) =>
    db.insert(exerciseAnswers).values({ memberId, stepId, answer: {}, completedAt: lagos(2026, 3, 1), updatedAt: lagos(2026, 3, 1) }).run();
  done(m1, step1!.id);
  done(m1, step2!.id);
  done(m2, step1!.id);

  // Mentoring in February: two sessions held (rated 4 and 5), one confirmed but not said to be held, one cancelled.
  const pair = randomId(16);
  db.insert(mentorships).values({ id: pair, mentorId: mentor!.id, menteeId: p1!.id, source: "request", status: "active", createdAt: lagos(2026, 2, 1), startedAt: lagos(2026, 2, 2) }).run();
  const session = (status: "confirmed" | "cancelled", held: boolean, rating: number | null, day: number) =>
    db.insert(mentoringSessions)
      .values({ id: randomId(16), mentorshipId: pair, proposedBy: mentor!.id, startsAt: lagos(2026, 2, day, 15), durationMinutes: 60, format: "video", status, mentorOutcome: held ? "held" : null, menteeRating: rating, createdAt: lagos(2026, 2, 1), updatedAt: lagos(2026, 2, 1) })
      .run();
  session("confirmed", true, 4, 5);
  session("confirmed", true, 5, 12);
  session("confirmed", false, null, 19);
  session("cancelled", false, null, 26);

  // Giving: ₦5,000 in January, ₦3,000 in March of which ₦1,000 refunded, $50 in February, a pending pledge.
  const naira = createOpenCampaign({ title: "Laptops for the cohort" });
  db.update(campaigns).set({ goalAmount: 10_000_00 }).where(eq(campaigns.id, naira.id)).run();
  const dollars = createOpenCampaign({ currency: "USD", title: "Friends abroad" });
  insertGift(naira, { amount: 5_000_00, at: lagos(2026, 1, 15) });
  insertGift(naira, { amount: 3_000_00, refundedAmount: 1_000_00, at: lagos(2026, 3, 15) });
  insertGift(naira, { amount: 9_000_00, status: "pending", at: lagos(2026, 3, 16) });
  insertGift(dollars, { amount: 50_00, at: lagos(2026, 2, 15) });

  // Outcomes: January a job and a "searching", March a return to study.
  outcome(p1!.id, "job", lagos(2026, 1, 20));
  outcome(p2!.id, "searching", lagos(2026, 1, 21));
  outcome(p3!.id, "study", lagos(2026, 3, 3));

  const read = readPeriod(new URLSearchParams(Q1));
  if (!read.ok) throw new Error(read.message);
  quarter = read.period;
});

const chart = (id: string) => dashboardCharts(quarter).find((c) => c.id === id)!;

describe("the period form", () => {
  it("reads this month, quarter and year in the organisation's time zone", () => {
    const days = (query: string) => {
      const read = readPeriod(new URLSearchParams(query));
      return read.ok ? [read.period.firstDay, read.period.lastDay, read.period.fromInstant, read.period.toInstant] : read.message;
    };
    expect(days("")).toEqual(["2026-06-01", "2026-06-30", lagos(2026, 6, 1), lagos(2026, 7, 1)]);
    expect(days("period=quarter")).toEqual(["2026-04-01", "2026-06-30", lagos(2026, 4, 1), lagos(2026, 7, 1)]);
    expect(days("period=year")).toEqual(["2026-01-01", "2026-12-31", lagos(2026, 1, 1), lagos(2027, 1, 1)]);
    expect(days(Q1)).toEqual(["2026-01-01", "2026-03-31", lagos(2026, 1, 1), lagos(2026, 4, 1)]);
  });

  it("says what is wrong with dates next to the field", () => {
    const errors = (query: string) => {
      const read = readPeriod(new URLSearchParams(query));
      return read.ok ? null : read.fieldErrors;
    };
    expect(errors("period=custom&from=2026-02-30&to=2026-03-01")).toEqual({ from: ["Enter the first day as a date, like 2026-01-31"] });
    expect(errors("period=custom&from=2026-03-01&to=2026-02-01")).toEqual({ to: ["The last day must be the same as or after the first day"] });
    expect(errors("period=custom&from=2020-01-01&to=2026-03-01")).toEqual({ to: ["Choose a period of at most five years"] });
  });
});

describe("the dashboard's charts", () => {
  it("counts registrations and attendance by the month their event started", () => {
    expect(chart("registrations").table.rows).toEqual([["2026-01", 3, 2], ["2026-02", 3, 2], ["2026-03", 0, 0]]);
  });

  it("gives each past event's no-show rate among confirmed places", () => {
    expect(chart("no-shows").table.rows).toEqual([["January workshop", "2026-01-10", 3, 2, 33], ["February workshop", "2026-02-20", 2, 2, 0]]);
  });

  it("shows where members who joined in the period stop", () => {
    expect(chart("completion").table.rows).toEqual([[1, 2, 50], [2, 1, 25]]);
    expect(chart("completion").summary).toContain("4 members joined a cohort");
  });

  it("counts sessions held and their ratings by month", () => {
    expect(chart("mentoring").table.rows).toEqual([["2026-01", 0, 0, ""], ["2026-02", 2, 2, "4.5"], ["2026-03", 0, 0, ""]]);
  });

  it("sums what arrived by month and currency, and campaigns against their goals", () => {
    expect(chart("giving").table.rows).toEqual([["2026-01", "NGN", "5000", 1], ["2026-03", "NGN", "2000", 1], ["2026-02", "USD", "50", 1]]);
    expect(chart("giving").series.map((s) => [s.name, s.values])).toEqual([["NGN", [5000, 0, 2000]], ["USD", [0, 50, 0]]]);
    expect(chart("goals").table.rows).toEqual([["Friends abroad", "USD", "1000000", "50", "50", 0], ["Laptops for the cohort", "NGN", "10000", "7000", "7000", 70]]);
  });

  it("counts outcomes by month and kind", () => {
    const rows = chart("outcomes").table.rows;
    expect(chart("outcomes").table.columns[1]).toBe("Got a job");
    expect(rows.map((row) => [row[0], row[1], row[3], row[5]])).toEqual([["2026-01", 1, 0, 1], ["2026-02", 0, 0, 0], ["2026-03", 0, 1, 0]]);
  });
});

describe("the funnel", () => {
  it("gives counts, rates and the median days between stages", () => {
    const { stages, gaps } = funnel({ from: quarter.fromInstant, to: quarter.toInstant });
    expect(stages.slice(0, 3)).toEqual([
      { stage: "registered", count: 6, ofPrevious: null, ofFirst: null },
      { stage: "attended", count: 4, ofPrevious: 66.7, ofFirst: 66.7 },
      { stage: "joined", count: 4, ofPrevious: 100, ofFirst: 66.7 },
    ]);
    expect(gaps[0]).toEqual({ from: "registered", to: "attended", medianDays: 7, people: 4 });
    // P1 22 days, P2 31, P5 8.6; P4 joined before attending and is left out.
    expect(gaps[1]).toEqual({ from: "attended", to: "joined", medianDays: 22, people: 3 });
  });

  it("puts cohorts side by side", () => {
    const columns = compareCohorts({ from: quarter.fromInstant, to: quarter.toInstant }, [cohort.c1, cohort.c2]);
    expect(columns.map((c) => c.stages.slice(0, 3).map((s) => s.count))).toEqual([[3, 3, 3], [1, 1, 1]]);
  });
});

describe("the pages and the CSV", () => {
  it("downloads a chart's table as CSV for the same period", async () => {
    const response = (await chartCsvLoader(routeArgs({ request: getRequest(`/admin/charts/registrations.csv?${Q1}`, { cookie }), params: { chart: "registrations" }, context: loadContext() }))) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="registrations-2026-01-01-to-2026-03-31.csv"');
    expect(parseCsv((await response.text()).replace(/^\uFEFF/, ""))).toEqual([["Month", "Registered", "Attended"], ["2026-01", "3", "2"], ["2026-02", "3", "2"], ["2026-03", "0", "0"]]);
  });

  it("downloads the funnel and the cohorts side by side as CSV", async () => {
    const url = `/admin/journey.csv?${Q1}&compare=${cohort.c1}&compare=${cohort.c2}`;
    const response = (await journeyCsvLoader(routeArgs({ request: getRequest(url, { cookie }), params: {}, context: loadContext() }))) as Response;
    expect(response.status).toBe(200);
    const rows = parseCsv((await response.text()).replace(/^\uFEFF/, ""));
    expect(rows[0]).toEqual(["Stage", "People", "Of the stage before (%)", "Of those registered (%)", "Median days to the next stage", "People who reached both", "February cohort: people", "March cohort: people"]);
    expect(rows.slice(1, 3)).toEqual([
      ["registered", "6", "", "", "7", "4", "3", "1"],
      ["attended", "4", "66.7", "66.7", "22", "3", "3", "1"],
    ]);
  });

  it("refuses an unknown chart, unreadable dates and people who are not organisers", async () => {
    const csv = async (chartId: string, query: string, as = cookie) => {
      try {
        return ((await chartCsvLoader(routeArgs({ request: getRequest(`/admin/charts/${chartId}.csv?${query}`, { cookie: as }), params: { chart: chartId }, context: loadContext() }))) as Response).status;
      } catch (thrown) {
        return thrown instanceof Response ? thrown.status : (thrown as { init?: { status?: number } }).init?.status;
      }
    };
    expect(await csv("no-such-chart", Q1)).toBe(404);
    expect(await csv("registrations", "period=custom&from=2026-13-01&to=2026-03-01")).toBe(400);
    expect(await csv("registrations", Q1, participantCookie)).toBe(403);
  });

  it("answers 400 with the message at the field when the dashboard's or funnel's choices cannot be read", async () => {
    const load = async (loader: typeof dashboardLoader | typeof journeyLoader, url: string) => {
      const result = (await loader(routeArgs({ request: getRequest(url, { cookie }), params: {}, context: loadContext() }))) as unknown as { init?: { status?: number }; data?: { errors: Record<string, string[]> } };
      return [result.init?.status ?? 200, result.data?.errors ?? null];
    };
    expect(await load(dashboardLoader, "/admin?period=custom&from=&to=2026-01-01")).toEqual([400, { from: ["Enter the first day as a date, like 2026-01-31"] }]);
    expect(await load(journeyLoader, `/admin/journey?${Q1}&cohort=not-a-cohort`)).toEqual([400, { cohort: ["Choose a cohort from the list"] }]);
    expect((await load(journeyLoader, `/admin/journey?${Q1}&cohort=${cohort.c1}`))[0]).toBe(200);
  });
});

