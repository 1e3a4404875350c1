import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { curriculumSteps, eventSeries, exerciseAnswers } from "~db/schema";
import { loader as cohortsLoader } from "~/routes/admin.cohorts._index";
import { action as matchAction, loader as matchLoader } from "~/routes/admin.mentoring.match._index";
import { action as messageAction, loader as messageLoader } from "~/routes/admin.messages.new";
import { loader as eventsLoader } from "~/routes/admin.events._index";
import { COHORTS_PAGE_SIZE, listCohorts } from "~/modules/cohorts/index.server";
import { audienceChoices } from "~/modules/admin/index.server";
import { clock, DAY, HOUR } from "~/utils/clock.server";
import { randomId } from "~/utils/ids.server";
import { SHORT_LIST_LENGTH } from "~/utils/short-list";
import { createUser, formRequest, getRequest, loadContext, routeArgs, signIn } from "../support/factories";
import { createTestEvent } from "../support/event-factories";
import { installTestCurriculum, join, makeCohort, releaseAtOf } from "../support/programme-factories";
import { runRoute } from "../support/route-results";

// The organisers' cohort list is paged, and the lists of choices (matching a group, the message
// form) are short, so each page costs the same however many cohorts and events there are
// (issue 18, goal 3; ADR 0054).

const NOW = Date.UTC(2026, 5, 15, 12);
let cookie = "";
/** Cohort ids by name. */
const cohorts = new Map<string, string>();
/** Event ids by title. */
const eventIds = new Map<string, string>();
let stepIds: string[] = [];

const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10);
const pad = (n: number) => String(n).padStart(2, "0");
/** Every cohort, newest start first, then by name: the order the console lists them in. */
const ORDER = ["Next month's cohort", "Ajo circle", "Cohort 40", "Zobo circle", ...Array.from({ length: 39 }, (_, i) => `Cohort ${pad(39 - i)}`)];

const LOADERS = { "/admin/cohorts": cohortsLoader, "/admin/mentoring/match": matchLoader, "/admin/messages/new": messageLoader, "/admin/events": eventsLoader } as const;

/** The page's loader, as the organiser. */
function get(path: string) {
  const loader = LOADERS[new URL(path, "http://localhost").pathname as keyof typeof LOADERS];
  return runRoute(() => loader(routeArgs({ request: getRequest(path, { cookie }), params: {}, context: loadContext() })));
}

function answer(memberId: string, step: number, done: boolean) {
  db.insert(exerciseAnswers)
    .values({ memberId, stepId: stepIds[step - 1]!, answer: { note: "x" }, completedAt: done ? clock.now() : null, updatedAt: clock.now() })
    .run();
}

beforeAll(async () => {
  clock.set(NOW);
  const organiser = await createUser({ roles: ["organiser"] });
  cookie = signIn(organiser.id).cookieHeader;
  const curriculumId = installTestCurriculum();
  stepIds = db.select({ id: curriculumSteps.id }).from(curriculumSteps).where(eq(curriculumSteps.curriculumId, curriculumId)).orderBy(asc(curriculumSteps.position)).all().map((s) => s.id);
  const make = (name: string, startDate: string) => cohorts.set(name, makeCohort({ actorId: organiser.id, curriculumId, startDate, name }));
  for (let n = 0; n < 40; n++) make(`Cohort ${pad(n + 1)}`, day(n * 3));
  make("Zobo circle", day(39 * 3));
  make("Ajo circle", day(39 * 3));
  make("Next month's cohort", "2026-07-01");

  // Cohort 40 (first page): two members, three of their six steps done, one answer begun only.
  const [ada, bola] = [await createUser({ name: "Ada Member" }), await createUser({ name: "Bola Member" })];
  const adaIn40 = join(ada, cohorts.get("Cohort 40")!);
  const bolaIn40 = join(bola, cohorts.get("Cohort 40")!);
  answer(adaIn40, 1, true);
  answer(adaIn40, 2, true);
  answer(bolaIn40, 1, true);
  answer(bolaIn40, 2, false);
  // Cohort 05 (second page): one member who finished.
  const adaIn05 = join(ada, cohorts.get("Cohort 05")!);
  for (const step of [1, 2, 3]) answer(adaIn05, step, true);

  // Events either side of today, a series among them, a draft, and one long past.
  const series = randomId(16);
  db.insert(eventSeries).values({ id: series, intervalDays: 7, occurrences: 2, createdAt: NOW }).run();
  for (let k = 1; k <= 20; k++) {
    const inSeries = k === 3 || k === 10 ? { seriesId: series, seriesPosition: k === 3 ? 1 : 2 } : {};
    eventIds.set(`Ahead ${pad(k)}`, createTestEvent({ title: `Ahead ${pad(k)}`, startsAt: NOW + k * DAY, ...inSeries }).id);
    eventIds.set(`Behind ${pad(k)}`, createTestEvent({ title: `Behind ${pad(k)}`, startsAt: NOW - k * DAY }).id);
  }
  eventIds.set("Draft nearby", createTestEvent({ title: "Draft nearby", startsAt: NOW + HOUR, status: "draft", publishedAt: null }).id);
  eventIds.set("Old workshop", createTestEvent({ title: "Old workshop", startsAt: NOW - 300 * DAY }).id);
  for (let k = 1; k <= 8; k++) createTestEvent({ title: `Draft ${k}`, startsAt: NOW + k * DAY + 2 * HOUR, status: "draft", publishedAt: null });
});

type CohortRow = { id: string; name: string; members: number; capacity: number; steps: number; openSteps: number; nextRelease: string | null; completion: number };
type CohortsPage = { cohorts: CohortRow[]; total: number; page: number; pageCount: number };

describe("the cohort list", () => {
  it("shows a page of cohorts, latest start first, and the pages together hold each cohort once", () => {
    expect(COHORTS_PAGE_SIZE).toBe(25);
    const first = listCohorts({ page: 1 });
    expect(first).toMatchObject({ total: 43, page: 1, pageCount: 2 });
    expect(first.cohorts).toHaveLength(COHORTS_PAGE_SIZE);
    const second = listCohorts({ page: 2 });
    expect(second.cohorts).toHaveLength(43 - COHORTS_PAGE_SIZE);
    expect([...first.cohorts, ...second.cohorts].map((c) => c.name)).toEqual(ORDER);
  });

  it("counts members, steps open and completion for exactly the cohorts on the page", () => {
    const first = new Map(listCohorts({ page: 1 }).cohorts.map((c) => [c.name, c]));
    expect(first.get("Cohort 40")).toMatchObject({ members: 2, capacity: 30, steps: 3, openSteps: 3, nextReleaseAt: null, completion: 0.5 });
    const next = first.get("Next month's cohort")!;
    expect(next).toMatchObject({ members: 0, steps: 3, openSteps: 0, completion: 0 });
    expect(next.nextReleaseAt).toBe(releaseAtOf(cohorts.get("Next month's cohort")!, stepIds[0]!));
    for (const [name, row] of first) if (name !== "Cohort 40") expect(row.members, name).toBe(0);
    expect(first.has("Cohort 05")).toBe(false);

    const second = new Map(listCohorts({ page: 2 }).cohorts.map((c) => [c.name, c]));
    expect(second.get("Cohort 05")).toMatchObject({ members: 1, steps: 3, openSteps: 3, completion: 1 });
    for (const [name, row] of second) if (name !== "Cohort 05") expect(row, name).toMatchObject({ members: 0, completion: 0 });
  });

  it("is read a page at a time by the page, clamping a page that is not a number or out of range", async () => {
    const second = await get("/admin/cohorts?page=2");
    expect(second.status).toBe(200);
    const page = second.data as CohortsPage;
    expect(page).toMatchObject({ page: 2, pageCount: 2, total: 43 });
    expect(page.cohorts.map((c) => c.name)).toEqual(ORDER.slice(COHORTS_PAGE_SIZE));
    expect(page.cohorts.find((c) => c.name === "Cohort 05")).toMatchObject({ members: 1, completion: 100, nextRelease: null });

    for (const [query, expected] of [["?page=abc", 1], ["?page=-3", 1], ["?page=0", 1], ["?page=99", 2], ["?page=1e400", 2], ["", 1]] as const) {
      const result = await get(`/admin/cohorts${query}`);
      expect(result.status, query).toBe(200);
      expect((result.data as CohortsPage).page, query).toBe(expected);
      expect((result.data as CohortsPage).cohorts.length, query).toBeLessThanOrEqual(COHORTS_PAGE_SIZE);
    }
  });
});

type Pools = { pools: { value: string; label: string }[]; more: boolean; find: string };

describe("matching a group", () => {
  it("offers everyone waiting and the cohorts that started last, with their members counted, and says there are more", async () => {
    const page = (await get("/admin/mentoring/match")).data as Pools;
    expect(page.more).toBe(true);
    expect(page.pools).toHaveLength(1 + SHORT_LIST_LENGTH);
    expect(page.pools[0]!.value).toBe("waiting");
    expect(page.pools.slice(1).map((p) => p.label.replace(/^Cohort: (.*) \(\d+ members\)$/, "$1"))).toEqual(ORDER.slice(0, SHORT_LIST_LENGTH));
    expect(page.pools).toContainEqual({ value: `cohort:${cohorts.get("Cohort 40")}`, label: "Cohort: Cohort 40 (2 members)" });
  });

  it("narrows the cohorts to names containing what was typed", async () => {
    const page = (await get(`/admin/mentoring/match?find=${encodeURIComponent("cohort 0")}`)).data as Pools;
    expect(page.find).toBe("cohort 0");
    expect(page.more).toBe(false);
    expect(page.pools.slice(1).map((p) => p.label)).toEqual([
      ...Array.from({ length: 9 }, (_, i) => `Cohort: Cohort 0${9 - i} (${9 - i === 5 ? 1 : 0} members)`),
    ]);
    const long = (await get(`/admin/mentoring/match?find=${"x".repeat(500)}`)).data as Pools;
    expect(long.find).toHaveLength(100);
  });

  it("refuses a cohort that names nothing with a 400 at the field", async () => {
    const refused = await runRoute(() => matchAction(routeArgs({ request: formRequest("/admin/mentoring/match", { pool: "cohort:nothingHere" }, { cookie }), params: {}, context: loadContext() })));
    expect(refused.status).toBe(400);
    expect((refused.data as { error: Record<string, string[]> }).error.pool).toEqual(["Choose who to match from the list"]);
  });
});

type Composer = {
  choices: { events: { value: string; label: string }[]; cohorts: { value: string; label: string }[]; campaigns: unknown[]; more: boolean };
  find: string;
  values: Record<string, string>;
};

describe("the message form's lists", () => {
  it("hold the 30 events nearest to today and the series among them, and the 30 cohorts that started last", () => {
    const choices = audienceChoices({ find: "", chosen: {} });
    expect(choices.more).toBe(true);
    const events = choices.events.filter((option) => option.value.startsWith("event:"));
    expect(events.map((option) => option.label.replace(/, .*$/, ""))).toEqual([
      ...Array.from({ length: 15 }, (_, i) => `Ahead ${pad(15 - i)}`),
      ...Array.from({ length: 15 }, (_, i) => `Behind ${pad(i + 1)}`),
    ]);
    expect(choices.events.filter((option) => option.value.startsWith("series:")).map((option) => option.label)).toEqual([expect.stringMatching(/^Series: Ahead 03 \(2 sessions from /)]);
    expect(choices.cohorts.map((option) => option.label)).toEqual(ORDER.slice(0, SHORT_LIST_LENGTH));
  });

  it("keep what was chosen, even when it is not among them", () => {
    const old = cohorts.get("Cohort 01")!;
    const choices = audienceChoices({ find: "", chosen: { cohort: old, event: `event:${eventIds.get("Old workshop")}` } });
    expect(choices.cohorts).toHaveLength(SHORT_LIST_LENGTH + 1);
    expect(choices.cohorts.at(-1)).toEqual({ value: old, label: "Cohort 01" });
    expect(choices.events.filter((option) => option.value.startsWith("event:"))).toHaveLength(SHORT_LIST_LENGTH + 1);
    expect(choices.events.map((option) => option.value)).toContain(`event:${eventIds.get("Old workshop")}`);
    // A draft is never offered, chosen or not.
    const draft = audienceChoices({ find: "", chosen: { event: `event:${eventIds.get("Draft nearby")}` } });
    expect(draft.events.map((option) => option.value)).not.toContain(`event:${eventIds.get("Draft nearby")}`);
  });

  it("narrow to names containing what was typed", () => {
    const choices = audienceChoices({ find: "circle", chosen: {} });
    expect(choices.cohorts.map((option) => option.label)).toEqual(["Ajo circle", "Zobo circle"]);
    expect(choices.events).toEqual([]);
    expect(choices.more).toBe(false);
    const behind = audienceChoices({ find: "Behind 2", chosen: {} });
    expect(behind.events.map((option) => option.label.replace(/, .*$/, ""))).toEqual(["Behind 20"]);
  });

  it("come back from Find (a GET) with what was typed, the chosen cohort still listed", async () => {
    const old = cohorts.get("Cohort 01")!;
    const query = new URLSearchParams({ subject: "Hello", body: "See you on Saturday", group: "cohort-members", cohort: old, find: "  Cohort 0  " });
    const result = await get(`/admin/messages/new?${query}`);
    expect(result.status).toBe(200);
    const page = result.data as Composer;
    expect(page.find).toBe("Cohort 0");
    expect(page.values).toEqual({ subject: "Hello", body: "See you on Saturday", group: "cohort-members", cohort: old });
    expect(page.choices.cohorts.map((option) => option.label)).toEqual(Array.from({ length: 9 }, (_, i) => `Cohort 0${9 - i}`));
    expect(page.choices.more).toBe(false);

    // A cohort id that names nothing is simply not listed; posting it is refused at the field.
    const unknown = (await get("/admin/messages/new?cohort=nothingHere")).data as Composer;
    expect(unknown.choices.cohorts).toHaveLength(SHORT_LIST_LENGTH);
    const posted = await runRoute(() =>
      messageAction(
        routeArgs({
          request: formRequest("/admin/messages/new", { intent: "check", subject: "Hello", body: "Hi", group: "cohort-members", cohort: "nothingHere" }, { cookie }),
          params: {},
          context: loadContext(),
        }),
      ),
    );
    expect(posted.status).toBe(400);
    expect((posted.data as { result: { error: Record<string, string[]> } }).result.error.cohort).toEqual(["That no longer exists: choose again."]);
  });
});

type EventsPage = { view: string; events: { title: string }[]; drafts: { title: string }[]; totals: { upcoming: number; drafts: number; past: number }; page: number; pageCount: number };

describe("the console's events", () => {
  it("show the first drafts above the events coming up, and all of them a page at a time on their own", async () => {
    const upcoming = (await get("/admin/events")).data as EventsPage;
    expect(upcoming.totals.drafts).toBe(9);
    expect(upcoming.drafts.map((e) => e.title)).toEqual(["Draft nearby", "Draft 1", "Draft 2", "Draft 3", "Draft 4", "Draft 5"]);
    expect(upcoming.totals.upcoming).toBe(20);

    const drafts = (await get("/admin/events?show=drafts&page=abc")).data as EventsPage;
    expect(drafts).toMatchObject({ view: "drafts", page: 1, pageCount: 1, drafts: [] });
    expect(drafts.events.map((e) => e.title)).toEqual(["Draft nearby", ...Array.from({ length: 8 }, (_, i) => `Draft ${i + 1}`)]);

    const past = (await get("/admin/events?show=past&page=7")).data as EventsPage;
    expect(past).toMatchObject({ view: "past", page: 1, pageCount: 1, drafts: [] });
    expect(past.totals.past).toBe(21);
    expect((await get("/admin/events?show=nonsense")).data).toMatchObject({ view: "upcoming" });
  });
});
