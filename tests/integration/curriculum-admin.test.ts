import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { curricula, curriculumSteps } from "~db/schema";
import { exerciseDefinitionSchema } from "~/modules/curriculum/exercise-types";
import { action as curriculaAction } from "~/routes/admin.curricula._index";
import { action as curriculumAction } from "~/routes/admin.curricula.$id._index";
import { action as editorAction, loader as editorLoader } from "~/routes/admin.curricula.$id.steps.$stepId._index";
import { clock } from "~/utils/clock.server";
import { createUser, formRequest, getRequest, loadContext, signIn, type TestUser, routeArgs } from "../support/factories";
import { installTestCurriculum, join, makeCohort, releaseAtOf } from "../support/programme-factories";
import { runRoute } from "../support/route-results";
import { saveAnswer, addStep, moveStep, removeStep } from "~/modules/cohorts/index.server";
import { BUILT_IN_CURRICULUM, ensureBuiltInCurriculum, updateStep } from "~/modules/curriculum/index.server";
import { updateOrganisation } from "~/modules/organisation/index.server";

let organiser: TestUser;
let cookie: string;

beforeAll(async () => {
  updateOrganisation({ timeZone: "Africa/Lagos" });
  clock.set(Date.UTC(2026, 10, 25, 12));
  organiser = await createUser({ roles: ["organiser"] });
  cookie = signIn(organiser.id).cookieHeader;
});

afterAll(() => clock.set(null));

const stepsOf = (curriculumId: string) => db.select().from(curriculumSteps).where(eq(curriculumSteps.curriculumId, curriculumId)).orderBy(asc(curriculumSteps.position)).all();

describe("the built-in curriculum", () => {
  it("has 15 steps whose exercises are valid", () => {
    expect(BUILT_IN_CURRICULUM.steps).toHaveLength(15);
    for (const step of BUILT_IN_CURRICULUM.steps) expect(exerciseDefinitionSchema.safeParse(step.exercise).success, step.title).toBe(true);
  });

  it("is installed once, and never overwrites organisers' edits", () => {
    const first = ensureBuiltInCurriculum();
    const again = ensureBuiltInCurriculum();
    expect(again).toEqual({ installed: false, id: first.id });
    const steps = stepsOf(first.id);
    expect(steps.map((s) => s.title)).toEqual(BUILT_IN_CURRICULUM.steps.map((s) => s.title));
    updateStep({ actorId: organiser.id, curriculumId: first.id, stepId: steps[0].id, content: { ...steps[0], title: "Our own first step" } });
    ensureBuiltInCurriculum();
    expect(stepsOf(first.id)[0].title).toBe("Our own first step");
    expect(stepsOf(first.id)).toHaveLength(15);
    expect(db.select().from(curricula).where(eq(curricula.sourceSlug, BUILT_IN_CURRICULUM.slug)).all()).toHaveLength(1);
  });
});

describe("organisers editing a curriculum", () => {
  it("create a new one as a copy, leaving the original as it was", async () => {
    const originalId = installTestCurriculum();
    const result = await runRoute(() => curriculaAction(routeArgs({ request: formRequest("/admin/curricula", { intent: "create", title: "Our version", summary: "", copyFromId: originalId }, { cookie }), params: {}, context: loadContext() })));
    expect(result.status).toBe(302);
    const id = result.headers.get("location")!.split("/").pop()!;
    expect(stepsOf(id).map((s) => s.title)).toEqual(stepsOf(originalId).map((s) => s.title));
    expect(stepsOf(id)[0].id).not.toBe(stepsOf(originalId)[0].id);
    const empty = await runRoute(() => curriculaAction(routeArgs({ request: formRequest("/admin/curricula", { intent: "create", title: "" }, { cookie }), params: {}, context: loadContext() })));
    expect(empty.status).toBe(400);
  });

  it("edit a step's text and exercise through plain fields, with errors at the fields", async () => {
    const curriculumId = installTestCurriculum();
    const step = stepsOf(curriculumId)[1]; // the email draft
    const params = { id: curriculumId, stepId: step.id };
    const loaded = await runRoute(() => editorLoader(routeArgs({ request: getRequest(`/admin/curricula/${curriculumId}/steps/${step.id}`, { cookie }), params, context: loadContext() })));
    expect(loaded.data).toMatchObject({ kind: "email_draft", defaults: { subjectTemplate: "Feedback on my interview at {{company}}" } });
    const fields = {
      intent: "save",
      title: "Ask for feedback, kindly",
      summary: "A short email",
      body: "## Why\n\nIt helps.",
      readingMinutes: "4",
      "placeholders[0].key": "company",
      "placeholders[0].label": "Company",
      "placeholders[1].key": "",
      "placeholders[1].label": "The interviewer's name",
      subjectTemplate: "About {{company}}",
      bodyTemplate: "Dear {{interviewer}}, {{salary}}",
    };
    const bad = await runRoute(() => editorAction(routeArgs({ request: formRequest("/x", fields, { cookie }), params, context: loadContext() })));
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.data)).toContain("{{interviewer}} is not one of the blanks below");
    const good = await runRoute(() =>
      editorAction(routeArgs({ request: formRequest("/x", { ...fields, "placeholders[1].key": "interviewer", bodyTemplate: "Dear {{interviewer}},\n\nThank you." }, { cookie }), params, context: loadContext() })),
    );
    expect(good.status).toBe(302);
    const saved = stepsOf(curriculumId)[1];
    expect(saved).toMatchObject({ title: "Ask for feedback, kindly", readingMinutes: 4 });
    expect(saved.exercise).toEqual({
      kind: "email_draft",
      intro: "",
      placeholders: [
        { key: "company", label: "Company", hint: "", multiline: false },
        { key: "interviewer", label: "The interviewer's name", hint: "", multiline: false },
      ],
      subjectTemplate: "About {{company}}",
      bodyTemplate: "Dear {{interviewer}},\n\nThank you.",
    });
  });

  it("keeps a question's stored name when its wording changes, so answers still match it", async () => {
    const curriculumId = installTestCurriculum();
    const step = stepsOf(curriculumId)[0];
    const result = await runRoute(() =>
      editorAction(routeArgs({
        request: formRequest("/x", { intent: "save", title: "T", summary: "S", body: "B", readingMinutes: "3", "prompts[0].key": "feeling", "prompts[0].label": "How do you feel today?", "prompts[1].key": "next", "prompts[1].label": "", "prompts[2].label": "Who can help?", "prompts[2].multiline": "on" }, { cookie }),
        params: { id: curriculumId, stepId: step.id },
        context: loadContext(),
      })),
    );
    expect(result.status).toBe(302);
    expect(stepsOf(curriculumId)[0].exercise).toMatchObject({ prompts: [{ key: "feeling", label: "How do you feel today?" }, { key: "who_can_help", multiline: true }] });
  });

  it("reorder and add steps; cohorts following the curriculum get release times for the new order", async () => {
    const curriculumId = installTestCurriculum();
    const cohortId = makeCohort({ actorId: organiser.id, curriculumId, startDate: "2026-12-01" });
    const [one, two, three] = stepsOf(curriculumId).map((s) => s.id);
    expect(moveStep({ actorId: organiser.id, curriculumId, stepId: three, direction: "up" })).toBe(true);
    expect(moveStep({ actorId: organiser.id, curriculumId, stepId: one, direction: "up" })).toBe(false);
    expect(stepsOf(curriculumId).map((s) => s.id)).toEqual([one, three, two]);
    expect(releaseAtOf(cohortId, three)).toBe(Date.UTC(2026, 11, 3, 8));
    expect(releaseAtOf(cohortId, two)).toBe(Date.UTC(2026, 11, 5, 8));
    const added = addStep({ actorId: organiser.id, curriculumId })!;
    expect(releaseAtOf(cohortId, added)).toBe(Date.UTC(2026, 11, 7, 8));
  });

  it("cannot remove a step someone has answered; can remove one nobody has", async () => {
    const curriculumId = installTestCurriculum();
    const cohortId = makeCohort({ actorId: organiser.id, curriculumId, startDate: "2026-11-01" });
    const memberId = join(await createUser(), cohortId);
    const [one, two] = stepsOf(curriculumId).map((s) => s.id);
    saveAnswer({ memberId, stepId: one, answer: { values: { feeling: "a", next: "b" } } });
    const refused = await runRoute(() => curriculumAction(routeArgs({ request: formRequest("/x", { intent: "remove", stepId: one }, { cookie }), params: { id: curriculumId }, context: loadContext() })));
    expect(refused.status).toBe(302);
    expect(stepsOf(curriculumId)).toHaveLength(3);
    expect(removeStep({ actorId: organiser.id, curriculumId, stepId: two })).toEqual({ ok: true });
    expect(stepsOf(curriculumId).map((s) => s.position)).toEqual([1, 2]);
  });
});
