import { and, eq } from "drizzle-orm";
import { db } from "~db/client.server";
import { outbox, stepReleases, type ReleaseSchedule } from "~db/schema";
import { installCurriculum } from "~/modules/curriculum/curricula.server";
import type { CurriculumSource } from "~/modules/curriculum/exercise-types";
import type { TestUser } from "./factories";
import { createCohort, joinCohort } from "~/modules/cohorts/index.server";

let sequence = 0;

/** A small curriculum with one step of most kinds; each call installs a distinct copy. */
export function testCurriculum(label = "test"): CurriculumSource {
  sequence += 1;
  return {
    slug: `${label}-${sequence}`,
    title: `Test curriculum ${sequence}`,
    summary: "Three short steps.",
    steps: [
      {
        slug: "one",
        title: "Accept the outcome",
        summary: "Name the feeling.",
        readingMinutes: 3,
        body: "It is normal to feel **disappointed**.\n\nSECRET-BODY-ONE",
        exercise: {
          kind: "reflection",
          prompts: [
            { key: "feeling", label: "What do you feel?" },
            { key: "next", label: "What will you do next?" },
          ],
        },
      },
      {
        slug: "two",
        title: "Ask for feedback",
        summary: "A polite email.",
        readingMinutes: 4,
        body: "Ask politely.\n\nSECRET-BODY-TWO",
        exercise: {
          kind: "email_draft",
          placeholders: [
            { key: "company", label: "Company" },
            { key: "interviewer", label: "Interviewer" },
          ],
          subjectTemplate: "Feedback on my interview at {{company}}",
          bodyTemplate: "Dear {{interviewer}},\n\nCould you tell me how I could improve? SECRET-EXERCISE-TWO\n\nThank you",
        },
      },
      {
        slug: "three",
        title: "Look ahead",
        summary: "A note to yourself.",
        readingMinutes: 2,
        body: "Keep going.\n\nSECRET-BODY-THREE",
        exercise: { kind: "future_note", prompt: { key: "note", label: "Your note SECRET-EXERCISE-THREE" } },
      },
    ],
  };
}

export function installTestCurriculum(source = testCurriculum()): string {
  return installCurriculum(source).id;
}

export function makeCohort(input: {
  actorId: string;
  curriculumId: string;
  startDate: string;
  schedule?: ReleaseSchedule;
  capacity?: number;
  nudgeAfterDays?: number;
  name?: string;
}): string {
  const schedule = input.schedule ?? { kind: "interval", everyDays: 2, hour: 9 };
  return createCohort({
    actorId: input.actorId,
    curriculumId: input.curriculumId,
    values: {
      intent: "save",
      name: input.name ?? "Test cohort",
      startDate: input.startDate,
      scheduleKind: schedule.kind,
      everyDays: schedule.kind === "interval" ? schedule.everyDays : undefined,
      weekday: schedule.kind === "weekly" ? schedule.weekday : undefined,
      dates: schedule.kind === "dates" ? schedule.dates : undefined,
      hour: schedule.hour,
      capacity: input.capacity ?? 30,
      nudgeAfterDays: input.nudgeAfterDays ?? 0,
      facilitatorId: undefined,
    },
  });
}

export function join(user: Pick<TestUser, "id" | "email">, cohortId: string) {
  const outcome = joinCohort({ user, cohortId });
  if (!outcome.ok || outcome.status !== "joined") throw new Error(`could not join: ${JSON.stringify(outcome)}`);
  return outcome.memberId;
}

export function releaseAtOf(cohortId: string, stepId: string): number | null {
  return db
    .select({ at: stepReleases.releaseAt })
    .from(stepReleases)
    .where(and(eq(stepReleases.cohortId, cohortId), eq(stepReleases.stepId, stepId)))
    .get()!.at;
}

/** Messages queued for `to` with `template`. */
export function queued(to: string, template: string) {
  return db
    .select()
    .from(outbox)
    .where(and(eq(outbox.recipient, to), eq(outbox.template, template)))
    .all();
}
