import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { mentorshipNotes, mentorships, sharedStepAnswers } from "~db/schema";
import { readableAnswersFor } from "~/modules/mentoring/shared-steps.server";
import { action, loader } from "~/routes/me.mentoring.$id";
import { clock } from "~/utils/clock.server";
import { createUser, formRequest, getRequest, loadContext, signIn, type TestUser, routeArgs } from "../support/factories";
import { activeMentorship, approvedMentorProfile, menteeProfile } from "../support/mentoring-workspace-factories";
import { installTestCurriculum, join, makeCohort } from "../support/programme-factories";
import { runRoute } from "../support/route-results";
import { saveAnswer } from "~/modules/cohorts/index.server";
import { stepsOf } from "~/modules/curriculum/index.server";

const NOW = Date.UTC(2026, 11, 1, 10);

let mentor: TestUser, mentee: TestUser, otherMentor: TestUser, organiser: TestUser;
let cookie: Record<"mentor" | "mentee" | "otherMentor" | "organiser", string>;
let pairId: string, memberId: string, stepIds: string[];

beforeAll(async () => {
  clock.set(NOW);
  mentor = await createUser({ name: "Tunde Bakare", roles: ["mentor"] });
  mentee = await createUser({ name: "Chiamaka Obi" });
  otherMentor = await createUser({ name: "Other Mentor", roles: ["mentor"] });
  organiser = await createUser({ roles: ["organiser"] });
  approvedMentorProfile(mentor.id);
  approvedMentorProfile(otherMentor.id);
  menteeProfile(mentee.id);
  pairId = activeMentorship(mentor.id, mentee.id);
  cookie = {
    mentor: signIn(mentor.id).cookieHeader,
    mentee: signIn(mentee.id).cookieHeader,
    otherMentor: signIn(otherMentor.id).cookieHeader,
    organiser: signIn(organiser.id).cookieHeader,
  };
  const curriculumId = installTestCurriculum();
  const cohortId = makeCohort({ actorId: organiser.id, curriculumId, startDate: "2026-11-20", name: "November cohort" });
  memberId = join(mentee, cohortId);
  stepIds = stepsOf(curriculumId).map((s) => s.id);
  saveAnswer({ memberId, stepId: stepIds[0], answer: { values: { feeling: "Hopeful STEP-ONE-ANSWER", next: "Call my uncle" } } });
  saveAnswer({ memberId, stepId: stepIds[2], answer: { text: "Dear me STEP-THREE-ANSWER" } });
});

afterAll(() => clock.set(null));

type Who = keyof typeof cookie;

function post(who: Who, fields: Record<string, string>) {
  return runRoute(() => action(routeArgs({ request: formRequest(`/me/mentoring/${pairId}`, fields, { cookie: cookie[who] }), params: { id: pairId }, context: loadContext() })));
}

async function page(who: Who) {
  const result = await runRoute(() => loader(routeArgs({ request: getRequest(`/me/mentoring/${pairId}`, { cookie: cookie[who] }), params: { id: pairId }, context: loadContext() })));
  return { status: result.status, text: JSON.stringify(result.data), data: result.data as { workspace: Record<string, unknown> } };
}

function noteId(body: string) {
  return db.select().from(mentorshipNotes).where(eq(mentorshipNotes.body, body)).get()!.id;
}

describe("notes", () => {
  it("keeps the mentor's private notes from everyone else", async () => {
    expect((await post("mentor", { intent: "add-note", type: "private", body: "PRIVATE-NOTE seems anxious" })).status).toBe(302);
    expect((await post("mentor", { intent: "add-note", type: "shared", body: "SHARED-NOTE read the CV guide" })).status).toBe(302);
    expect((await post("mentor", { intent: "add-note", type: "action", body: "ACTION-ITEM send two applications" })).status).toBe(302);
    expect((await post("mentee", { intent: "add-note", type: "shared", body: "MENTEE-NOTE thanks for today" })).status).toBe(302);

    const mentorPage = await page("mentor");
    for (const marker of ["PRIVATE-NOTE", "SHARED-NOTE", "ACTION-ITEM", "MENTEE-NOTE"]) expect(mentorPage.text).toContain(marker);
    const menteePage = await page("mentee");
    expect(menteePage.text).not.toContain("PRIVATE-NOTE");
    for (const marker of ["SHARED-NOTE", "ACTION-ITEM", "MENTEE-NOTE"]) expect(menteePage.text).toContain(marker);
    for (const who of ["otherMentor", "organiser"] as const) {
      const outside = await page(who);
      expect(outside.status).toBe(404);
      expect(outside.text).not.toMatch(/PRIVATE-NOTE|SHARED-NOTE|ACTION-ITEM/);
    }
  });

  it("refuses a private note from the mentee, empty or overlong notes, and anyone outside the pair", async () => {
    const refused = await post("mentee", { intent: "add-note", type: "private", body: "MENTEE-PRIVATE" });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.data)).toContain("Only the mentor keeps private notes");
    const empty = await post("mentor", { intent: "add-note", type: "shared", body: "   " });
    expect(empty.status).toBe(400);
    expect((empty.data as { error: Record<string, string[]> }).error.body).toEqual(["Write the note"]);
    expect((await post("mentor", { intent: "add-note", type: "shared", body: "x".repeat(5001) })).status).toBe(400);
    expect((await post("mentor", { intent: "add-note", type: "secret", body: "hello" })).status).toBe(400);
    expect((await post("otherMentor", { intent: "add-note", type: "shared", body: "INTRUDER" })).status).toBe(404);
    expect(db.select().from(mentorshipNotes).all().map((n) => n.body)).not.toContain("MENTEE-PRIVATE");
    expect(db.select().from(mentorshipNotes).all().map((n) => n.body)).not.toContain("INTRUDER");
  });

  it("lets either side tick an action item; only the author deletes; a private note cannot be reached by the mentee", async () => {
    const action = noteId("ACTION-ITEM send two applications");
    expect((await post("mentee", { intent: "action-done", noteId: action })).status).toBe(302);
    expect(db.select().from(mentorshipNotes).where(eq(mentorshipNotes.id, action)).get()!.doneAt).toBe(NOW);
    expect((await post("mentor", { intent: "action-open", noteId: action })).status).toBe(302);
    expect(db.select().from(mentorshipNotes).where(eq(mentorshipNotes.id, action)).get()!.doneAt).toBeNull();
    expect((await post("mentee", { intent: "action-done", noteId: noteId("SHARED-NOTE read the CV guide") })).status).toBe(400);

    const privateNote = noteId("PRIVATE-NOTE seems anxious");
    for (const intent of ["action-done", "delete-note"]) expect((await post("mentee", { intent, noteId: privateNote })).status).toBe(404);
    expect((await post("mentee", { intent: "delete-note", noteId: action })).status).toBe(400);
    expect((await post("mentee", { intent: "delete-note", noteId: noteId("MENTEE-NOTE thanks for today") })).status).toBe(302);
    expect(db.select().from(mentorshipNotes).all()).toHaveLength(3);
  });
});

describe("sharing step answers", () => {
  it("lists the mentee's answered steps and lets only them share", async () => {
    const menteePage = await page("mentee");
    const shareable = menteePage.data.workspace.shareable as { memberId: string; steps: { stepId: string; shared: boolean }[] }[];
    expect(shareable).toHaveLength(1);
    expect(shareable[0].steps.map((s) => s.stepId)).toEqual([stepIds[0], stepIds[2]]);
    expect(menteePage.text).not.toContain("STEP-ONE-ANSWER");

    expect((await post("mentee", { intent: "share-step", memberId, stepId: stepIds[1] })).status).toBe(400);
    expect((await post("mentor", { intent: "share-step", memberId, stepId: stepIds[0] })).status).toBe(400);
    const stranger = await createUser();
    const strangerCurriculum = installTestCurriculum();
    const strangerMember = join(stranger, makeCohort({ actorId: organiser.id, curriculumId: strangerCurriculum, startDate: "2026-11-20", name: "Another cohort" }));
    const strangerStep = stepsOf(strangerCurriculum)[0].id;
    saveAnswer({ memberId: strangerMember, stepId: strangerStep, answer: { values: { feeling: "STRANGER-ANSWER", next: "x" } } });
    expect((await post("mentee", { intent: "share-step", memberId: strangerMember, stepId: strangerStep })).status).toBe(400);
    expect(db.select().from(sharedStepAnswers).all()).toHaveLength(0);
    expect((await page("mentor")).text).not.toContain("STEP-ONE-ANSWER");
    expect(readableAnswersFor(mentor.id, memberId).size).toBe(0);
  });

  it("shows the mentor a shared step read-only, and only that step", async () => {
    expect((await post("mentee", { intent: "share-step", memberId, stepId: stepIds[0] })).status).toBe(302);
    expect((await post("mentee", { intent: "share-step", memberId, stepId: stepIds[0] })).status).toBe(302);
    const mentorPage = await page("mentor");
    expect(mentorPage.text).toContain("STEP-ONE-ANSWER");
    expect(mentorPage.text).not.toContain("STEP-THREE-ANSWER");
    const shared = mentorPage.data.workspace.sharedAnswers as { title: string; lines: { label: string; value: string }[] }[];
    expect(shared).toEqual([
      expect.objectContaining({
        title: "Accept the outcome",
        lines: [
          { label: "What do you feel?", value: "Hopeful STEP-ONE-ANSWER" },
          { label: "What will you do next?", value: "Call my uncle" },
        ],
      }),
    ]);
    expect([...readableAnswersFor(mentor.id, memberId).keys()]).toEqual([stepIds[0]]);
    expect(readableAnswersFor(otherMentor.id, memberId).size).toBe(0);
    expect(readableAnswersFor(organiser.id, memberId).size).toBe(0);
    expect((await page("otherMentor")).text).not.toContain("STEP-ONE-ANSWER");
  });

  it("hides it again when the mentee withdraws it, and when the mentorship ends", async () => {
    expect((await post("mentee", { intent: "withdraw-step", memberId, stepId: stepIds[0] })).status).toBe(302);
    expect((await page("mentor")).text).not.toContain("STEP-ONE-ANSWER");
    expect(readableAnswersFor(mentor.id, memberId).size).toBe(0);

    expect((await post("mentee", { intent: "share-step", memberId, stepId: stepIds[2] })).status).toBe(302);
    expect((await page("mentor")).text).toContain("STEP-THREE-ANSWER");
    db.update(mentorships).set({ status: "ended", endedAt: NOW, endedBy: mentee.id }).where(eq(mentorships.id, pairId)).run();
    const ended = await page("mentor");
    expect(ended.status).toBe(200);
    expect(ended.text).not.toContain("STEP-THREE-ANSWER");
    expect(ended.text).toContain("PRIVATE-NOTE");
    expect(readableAnswersFor(mentor.id, memberId).size).toBe(0);
    expect((await post("mentor", { intent: "add-note", type: "private", body: "LATE" })).status).toBe(400);
    expect((await post("mentee", { intent: "share-step", memberId, stepId: stepIds[0] })).status).toBe(400);
    // The mentee still reads their own answers, of course.
    expect(readableAnswersFor(mentee.id, memberId).size).toBe(2);
  });
});
