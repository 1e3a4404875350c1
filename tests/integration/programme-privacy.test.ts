import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { readableAnswersFor } from "~/modules/mentoring/shared-steps.server";
import { runWorkerOnce } from "~/modules/outbox/worker.server";
import { loader as adminHome } from "~/routes/admin._index";
import { loader as cohortDashboard } from "~/routes/admin.cohorts.$id._index";
import { loader as membersCsv } from "~/routes/admin.cohorts.$id.members[.csv]";
import { loader as cohortSettings } from "~/routes/admin.cohorts.$id.settings";
import { loader as cohortList } from "~/routes/admin.cohorts._index";
import { loader as curriculumPage } from "~/routes/admin.curricula.$id._index";
import { loader as stepEditor } from "~/routes/admin.curricula.$id.steps.$stepId._index";
import { loader as stepPreview } from "~/routes/admin.curricula.$id.steps.$stepId.preview";
import { loader as myApplications } from "~/routes/me.applications";
import { loader as myHome } from "~/routes/me._index";
import { action as stepAction, loader as stepLoader } from "~/routes/me.programme.$cohortId.steps.$position";
import { loader as myProgramme } from "~/routes/me.programme._index";
import { clock, DAY } from "~/utils/clock.server";
import { createUser, formRequest, getRequest, loadContext, signIn, type TestUser, routeArgs } from "../support/factories";
import { installTestCurriculum, join, makeCohort } from "../support/programme-factories";
import { runRoute } from "../support/route-results";
import { registerCohortJobs } from "~/modules/cohorts/index.server";
import { updateOrganisation } from "~/modules/organisation/index.server";

const MARKER = `MARKER-${Math.random().toString(36).slice(2)}-PRIVATE`;
const START = Date.UTC(2026, 11, 1, 8); // step 1 opens 9 am in Lagos; step 2 two days later

let organiser: TestUser, author: TestUser, classmate: TestUser, outsider: TestUser;
let cookies: Record<"organiser" | "author" | "classmate" | "outsider", string>;
let curriculumId: string, cohortId: string, authorMemberId: string;

const ctx = () => loadContext();
const text = (value: unknown) => JSON.stringify(value);

beforeAll(async () => {
  registerCohortJobs();
  updateOrganisation({ timeZone: "Africa/Lagos" });
  clock.set(START - DAY);
  organiser = await createUser({ roles: ["organiser"] });
  author = await createUser({ name: "Author Person" });
  classmate = await createUser({ name: "Classmate Person" });
  outsider = await createUser({ name: "Outside Person" });
  cookies = {
    organiser: signIn(organiser.id).cookieHeader,
    author: signIn(author.id).cookieHeader,
    classmate: signIn(classmate.id).cookieHeader,
    outsider: signIn(outsider.id).cookieHeader,
  };
  curriculumId = installTestCurriculum();
  cohortId = makeCohort({ actorId: organiser.id, curriculumId, startDate: "2026-12-01", nudgeAfterDays: 1 });
  authorMemberId = join(author, cohortId);
  join(classmate, cohortId);
  clock.set(START + 60_000);
  await runWorkerOnce();
  const saved = await runRoute(() =>
    stepAction(routeArgs({
      request: formRequest(`/me/programme/${cohortId}/steps/1`, { intent: "save", "values.feeling": `Sad ${MARKER}`, "values.next": "Rest" }, { cookie: cookies.author }),
      params: { cohortId, position: "1" },
      context: ctx(),
    })),
  );
  expect(saved.status).toBe(302);
  // A day later: reminders go out to whoever has not done step 1 (never with anyone's answer in them).
  clock.set(START + 2 * DAY - 60_000);
  await runWorkerOnce();
});

afterAll(() => clock.set(null));

function step(position: number, who: keyof typeof cookies) {
  return runRoute(() => stepLoader(routeArgs({ request: getRequest(`/me/programme/${cohortId}/steps/${position}`, { cookie: cookies[who] }), params: { cohortId, position: String(position) }, context: ctx() })));
}

describe("a step that has not opened", () => {
  it("sends its title and opening time to members, never its text or exercise", async () => {
    for (const who of ["author", "classmate"] as const) {
      const result = await step(2, who);
      expect(result.status).toBe(200);
      expect(result.data).toMatchObject({ locked: true, title: "Ask for feedback", position: 2 });
      expect(text(result.data)).not.toMatch(/SECRET-(BODY|EXERCISE)-TWO|Ask politely|Could you tell me|interviewer/);
      expect(text(result.data)).toContain("3 December 2026");
    }
    const programme = await runRoute(() => myProgramme(routeArgs({ request: getRequest("/me/programme", { cookie: cookies.author }), params: {}, context: ctx() })));
    expect(text(programme.data)).not.toMatch(/SECRET-(BODY|EXERCISE)|A polite email|A note to yourself/);
    expect(text(programme.data)).toContain("Ask for feedback");
  });

  it("is refused to people outside the cohort, organisers included, whatever its state", async () => {
    for (const who of ["outsider", "organiser"] as const) {
      for (const position of [1, 2]) {
        const result = await step(position, who);
        expect(result.status).toBe(403);
        expect(text(result.data)).not.toMatch(/SECRET|Ask politely|disappointed/);
      }
    }
    const anonymous = await runRoute(() => stepLoader(routeArgs({ request: getRequest(`/me/programme/${cohortId}/steps/2`), params: { cohortId, position: "2" }, context: ctx() })));
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toMatch(/^\/login\?redirectTo=/);
  });

  it("cannot be answered before it opens", async () => {
    const result = await runRoute(() =>
      stepAction(routeArgs({
        request: formRequest(`/me/programme/${cohortId}/steps/2`, { intent: "save", "values.company": "Acme", "values.interviewer": "Ms A" }, { cookie: cookies.author }),
        params: { cohortId, position: "2" },
        context: ctx(),
      })),
    );
    expect(result.status).toBe(403);
    expect(readableAnswersFor(author.id, authorMemberId).size).toBe(1);
  });

  it("opens with its text and exercise once its time comes", async () => {
    clock.set(Date.UTC(2026, 11, 3, 8));
    try {
      const result = await step(2, "classmate");
      expect(result.data).toMatchObject({ locked: false });
      expect(text(result.data)).toContain("SECRET-BODY-TWO");
    } finally {
      clock.set(START + 2 * DAY - 60_000);
    }
  });
});

describe("a participant's answers", () => {
  it("are shown to their author", async () => {
    const own = await step(1, "author");
    expect(text(own.data)).toContain(MARKER);
    expect(readableAnswersFor(author.id, authorMemberId).size).toBe(1);
  });

  it("are unreadable to organisers: dashboard, CSV, settings, curriculum pages and the console", async () => {
    const params = { id: cohortId };
    const loads = [
      () => cohortDashboard(routeArgs({ request: getRequest(`/admin/cohorts/${cohortId}`, { cookie: cookies.organiser }), params, context: ctx() })),
      () => cohortSettings(routeArgs({ request: getRequest(`/admin/cohorts/${cohortId}/settings`, { cookie: cookies.organiser }), params, context: ctx() })),
      () => cohortList(routeArgs({ request: getRequest("/admin/cohorts", { cookie: cookies.organiser }), params: {}, context: ctx() })),
      () => adminHome(routeArgs({ request: getRequest("/admin", { cookie: cookies.organiser }), params: {}, context: ctx() })),
      () => curriculumPage(routeArgs({ request: getRequest(`/admin/curricula/${curriculumId}`, { cookie: cookies.organiser }), params: { id: curriculumId }, context: ctx() })),
    ];
    const dashboard = await runRoute(loads[0]);
    expect(text(dashboard.data)).toContain("Author Person");
    expect(text(dashboard.data)).toContain('"done"');
    for (const load of loads) expect(text((await runRoute(load)).data)).not.toContain(MARKER);
    const steps = (await runRoute(loads[4])).data as { steps: { id: string }[] };
    for (const s of steps.steps) {
      const stepParams = { id: curriculumId, stepId: s.id };
      for (const load of [stepEditor, stepPreview]) {
        const result = await runRoute(() => load(routeArgs({ request: getRequest(`/admin/curricula/${curriculumId}/steps/${s.id}`, { cookie: cookies.organiser }), params: stepParams, context: ctx() })));
        expect(result.status).toBe(200);
        expect(text(result.data)).not.toContain(MARKER);
      }
    }
    const csv = (await membersCsv(routeArgs({ request: getRequest(`/admin/cohorts/${cohortId}/members.csv`, { cookie: cookies.organiser }), params, context: ctx() }))) as Response;
    const body = await csv.text();
    expect(body).toContain("Author Person");
    expect(body).not.toContain(MARKER);
    expect(readableAnswersFor(organiser.id, authorMemberId).size).toBe(0);
  });

  it("are unreadable to other participants, on every page they can load", async () => {
    for (const who of ["classmate", "outsider"] as const) {
      const request = (url: string) => getRequest(url, { cookie: cookies[who] });
      const results = [
        await runRoute(() => myProgramme(routeArgs({ request: request("/me/programme"), params: {}, context: ctx() }))),
        await runRoute(() => myHome(routeArgs({ request: request("/me"), params: {}, context: ctx() }))),
        await runRoute(() => myApplications(routeArgs({ request: request("/me/applications"), params: {}, context: ctx() }))),
        await step(1, who),
      ];
      for (const result of results) expect(text(result.data)).not.toContain(MARKER);
    }
    const classmateMember = (await step(1, "classmate")).data as { locked: boolean; view: { answer: unknown } };
    expect(classmateMember.view.answer).toEqual({ values: {} });
    expect(readableAnswersFor(classmate.id, authorMemberId).size).toBe(0);
  });

  it("are stored in one place only: the marker is in no other table, email included", () => {
    const tables = db.all<{ name: string }>(sql`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'`);
    const holding = tables
      .map((t) => t.name)
      .filter((name) => db.$client.prepare(`select * from "${name}"`).all().some((row) => JSON.stringify(row).includes(MARKER)));
    expect(holding).toEqual(["exercise_answers"]);
  });
});
