import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { eventSeries } from "~db/schema";
import { loader as journeyLoader } from "~/routes/admin.journey";
import { CHOICES_SHOWN } from "~/modules/journey";
import { readFunnelFilters } from "~/modules/journey/index.server";
import { clock, DAY, HOUR } from "~/utils/clock.server";
import { randomId } from "~/utils/ids.server";
import { createUser, getRequest, loadContext, routeArgs, signIn } from "../support/factories";
import { createTestEvent } from "../support/event-factories";
import { installTestCurriculum, makeCohort } from "../support/programme-factories";

// The funnel's cohort and series filters list a fixed number of choices whatever the number of
// cohorts and series, so the page stays the same size as the organisation grows (issue 18, goal 3).

const YEAR_2026 = "period=custom&from=2026-01-01&to=2026-12-31";
let cookie = "";
/** Cohort ids by name. */
const cohorts = new Map<string, string>();
const series = new Map<string, string>();

const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10);

function makeSeries(title: string, startsAt: number) {
  const id = randomId(16);
  db.insert(eventSeries).values({ id, intervalDays: 7, occurrences: 2, createdAt: clock.now() }).run();
  createTestEvent({ title, startsAt, seriesId: id, seriesPosition: 1 });
  createTestEvent({ title: `${title} (again)`, startsAt: startsAt + 7 * DAY, seriesId: id, seriesPosition: 2 });
  series.set(title, id);
}

beforeAll(async () => {
  clock.set(Date.UTC(2026, 5, 15, 12));
  const organiser = await createUser({ roles: ["organiser"] });
  cookie = signIn(organiser.id).cookieHeader;
  const curriculumId = installTestCurriculum();
  // 40 cohorts started in 2026 (one every few days), one that starts next year, one from 2024.
  for (let n = 0; n < 40; n++) cohorts.set(`Cohort ${n + 1}`, makeCohort({ actorId: organiser.id, curriculumId, startDate: day(n * 8), name: `Cohort ${n + 1}` }));
  cohorts.set("Next year's cohort", makeCohort({ actorId: organiser.id, curriculumId, startDate: "2027-02-01", name: "Next year's cohort" }));
  cohorts.set("Ikeja pilot", makeCohort({ actorId: organiser.id, curriculumId, startDate: "2024-03-01", name: "Ikeja pilot" }));
  for (let n = 0; n < 35; n++) makeSeries(`Series ${n + 1}`, Date.UTC(2026, 0, 1 + n * 9, 10) - HOUR);
  makeSeries("Ikeja evenings", Date.UTC(2024, 2, 1, 10));
});

const choose = (query: string) => readFunnelFilters(new URLSearchParams(query));
const names = (list: { name: string }[]) => list.map((item) => item.name);

describe("the funnel's filters", () => {
  it("list the most recent cohorts and series up to the period's end, and say there are more", () => {
    const { options, errors } = choose(YEAR_2026);
    expect(errors).toEqual({});
    expect(options.more).toBe(true);
    expect(names(options.cohorts)).toEqual(Array.from({ length: CHOICES_SHOWN }, (_, i) => `Cohort ${40 - i}`));
    expect(names(options.series)).toEqual(Array.from({ length: CHOICES_SHOWN }, (_, i) => `Series ${35 - i}`));
  });

  it("narrow both lists to names containing the text typed, ignoring case", () => {
    const { options } = choose(`${YEAR_2026}&find=${encodeURIComponent("ikeja")}`);
    expect(names(options.cohorts)).toEqual(["Ikeja pilot"]);
    expect(names(options.series)).toEqual(["Ikeja evenings"]);
    expect(options.more).toBe(false);
    // The text is matched as typed: a % or _ is not a wildcard.
    expect(choose(`${YEAR_2026}&find=${encodeURIComponent("%")}`).options.cohorts).toEqual([]);
  });

  it("keep chosen cohorts and series in the lists even when they are not among the most recent, and count them", () => {
    const old = cohorts.get("Cohort 1")!;
    const pilot = cohorts.get("Ikeja pilot")!;
    const { options, errors, scope } = choose(`${YEAR_2026}&cohort=${old}&compare=${pilot}&compare=${old}&series=${series.get("Series 1")}`);
    expect(errors).toEqual({});
    expect(names(options.cohorts)).toEqual([...Array.from({ length: CHOICES_SHOWN }, (_, i) => `Cohort ${40 - i}`), "Cohort 1", "Ikeja pilot"]);
    expect(names(options.series)).toContain("Series 1");
    expect(scope?.cohortIds).toEqual([old]);
    expect(scope?.seriesIds).toEqual([series.get("Series 1")]);
  });

  it("refuse ids that name no cohort or series, with the message at the field", () => {
    const { errors, scope } = choose(`${YEAR_2026}&cohort=not-a-cohort&series=not-a-series&compare=nor-this`);
    expect(scope).toBeNull();
    expect(errors).toEqual({ cohort: ["Choose a cohort from the list"], series: ["Choose an event series from the list"], compare: ["Choose cohorts from the list"] });
  });

  it("show the refused page with the period that was chosen and the text typed, answering 400", async () => {
    const result = (await journeyLoader(routeArgs({ request: getRequest("/admin/journey?period=year&find=Lagos&cohort=nope", { cookie }), params: {}, context: loadContext() }))) as unknown as {
      init: { status: number };
      data: { period: { period: string; firstDay: string; lastDay: string }; filters: { find: string }; errors: Record<string, string[]> };
    };
    expect(result.init.status).toBe(400);
    expect(result.data.period).toMatchObject({ period: "year", firstDay: "2026-01-01", lastDay: "2026-12-31" });
    expect(result.data.filters.find).toBe("Lagos");
    expect(result.data.errors).toEqual({ cohort: ["Choose a cohort from the list"] });
  });

  it("offer only what had started by the period's end", () => {
    const { options } = choose("period=custom&from=2024-01-01&to=2024-12-31");
    expect(names(options.cohorts)).toEqual(["Ikeja pilot"]);
    expect(names(options.series)).toEqual(["Ikeja evenings"]);
    expect(options.more).toBe(false);
  });

  it("show the page with the search field, the same number of choices, and what was typed", async () => {
    const page = (await journeyLoader(routeArgs({ request: getRequest(`/admin/journey?${YEAR_2026}&find=Cohort%202`, { cookie }), params: {}, context: loadContext() }))) as {
      options: { cohorts: unknown[]; more: boolean };
      filters: { find: string };
    };
    expect(page.filters.find).toBe("Cohort 2");
    // Cohort 2 and Cohort 20 to 29.
    expect(page.options.cohorts).toHaveLength(11);
  });
});
