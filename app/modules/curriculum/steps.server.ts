import { and, asc, eq, sql } from "drizzle-orm";
import { db } from "~db/client.server";
import { curricula, curriculumSteps, exerciseAnswers } from "~db/schema";
import { recordAudit } from "~/modules/admin/audit.server";
import { syncCurriculumCohorts } from "~/modules/cohorts/releases.server";
import { clock } from "~/utils/clock.server";
import { randomId } from "~/utils/ids.server";
import { defaultExercise } from "./exercise-defaults";
import type { ExerciseDefinition, ExerciseKind } from "./exercise-types";

export const MAX_STEPS = 40;

type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];

export function findStep(curriculumId: string, stepId: string) {
  return db
    .select()
    .from(curriculumSteps)
    .where(and(eq(curriculumSteps.id, stepId), eq(curriculumSteps.curriculumId, curriculumId)))
    .get();
}

function touch(tx: Tx, curriculumId: string, now: number) {
  tx.update(curricula).set({ updatedAt: now }).where(eq(curricula.id, curriculumId)).run();
}

/** Adds a step at the end with placeholder text; returns its id, or null when the curriculum is full. */
export function addStep({ actorId, curriculumId }: { actorId: string; curriculumId: string }): string | null {
  return db.transaction(
    (tx) => {
      const last = tx
        .select({ n: sql<number>`coalesce(max(${curriculumSteps.position}), 0)` })
        .from(curriculumSteps)
        .where(eq(curriculumSteps.curriculumId, curriculumId))
        .get()!.n;
      if (last >= MAX_STEPS) return null;
      const now = clock.now();
      const id = randomId(16);
      tx.insert(curriculumSteps)
        .values({
          id,
          curriculumId,
          position: last + 1,
          title: `Step ${last + 1}`,
          summary: "A short summary of this step.",
          body: "Write the step here.",
          readingMinutes: 5,
          exercise: defaultExercise("reflection"),
          createdAt: now,
          updatedAt: now,
        })
        .run();
      touch(tx, curriculumId, now);
      syncCurriculumCohorts(tx, curriculumId, now);
      recordAudit(tx, { actorId, action: "curriculum.step-added", targetType: "curriculum", targetId: curriculumId, details: { stepId: id } });
      return id;
    },
    { behavior: "immediate" },
  );
}

export type StepContent = { title: string; summary: string; body: string; readingMinutes: number; exercise: ExerciseDefinition };

export function updateStep({ actorId, curriculumId, stepId, content }: { actorId: string; curriculumId: string; stepId: string; content: StepContent }) {
  db.transaction((tx) => {
    const now = clock.now();
    tx.update(curriculumSteps)
      .set({ ...content, updatedAt: now })
      .where(and(eq(curriculumSteps.id, stepId), eq(curriculumSteps.curriculumId, curriculumId)))
      .run();
    touch(tx, curriculumId, now);
    recordAudit(tx, { actorId, action: "curriculum.step-changed", targetType: "curriculum", targetId: curriculumId, details: { stepId, title: content.title } });
  });
}

/** Replaces the exercise with a starting one of another kind; answers already given are kept. */
export function changeExerciseKind({ actorId, curriculumId, stepId, kind }: { actorId: string; curriculumId: string; stepId: string; kind: ExerciseKind }) {
  db.transaction((tx) => {
    const now = clock.now();
    tx.update(curriculumSteps)
      .set({ exercise: defaultExercise(kind), updatedAt: now })
      .where(and(eq(curriculumSteps.id, stepId), eq(curriculumSteps.curriculumId, curriculumId)))
      .run();
    touch(tx, curriculumId, now);
    recordAudit(tx, { actorId, action: "curriculum.exercise-kind-changed", targetType: "curriculum", targetId: curriculumId, details: { stepId, kind } });
  });
}

function stepsInOrder(tx: Tx, curriculumId: string) {
  return tx
    .select({ id: curriculumSteps.id, position: curriculumSteps.position })
    .from(curriculumSteps)
    .where(eq(curriculumSteps.curriculumId, curriculumId))
    .orderBy(asc(curriculumSteps.position))
    .all();
}

/** Writes positions 1..n in the given order (via negative positions, so the unique index holds). */
function renumber(tx: Tx, ids: string[]) {
  ids.forEach((id, index) => tx.update(curriculumSteps).set({ position: -(index + 1) }).where(eq(curriculumSteps.id, id)).run());
  ids.forEach((id, index) => tx.update(curriculumSteps).set({ position: index + 1 }).where(eq(curriculumSteps.id, id)).run());
}

/** Swaps a step with its neighbour. Returns false when it is already first (up) or last (down). */
export function moveStep({ actorId, curriculumId, stepId, direction }: { actorId: string; curriculumId: string; stepId: string; direction: "up" | "down" }): boolean {
  return db.transaction(
    (tx) => {
      const ids = stepsInOrder(tx, curriculumId).map((s) => s.id);
      const index = ids.indexOf(stepId);
      const other = direction === "up" ? index - 1 : index + 1;
      if (index < 0 || other < 0 || other >= ids.length) return false;
      [ids[index], ids[other]] = [ids[other], ids[index]];
      renumber(tx, ids);
      const now = clock.now();
      touch(tx, curriculumId, now);
      syncCurriculumCohorts(tx, curriculumId, now);
      recordAudit(tx, { actorId, action: "curriculum.step-moved", targetType: "curriculum", targetId: curriculumId, details: { stepId, direction } });
      return true;
    },
    { behavior: "immediate" },
  );
}

export type RemoveOutcome = "removed" | "answered" | "missing";

/** Removes a step nobody has answered; participants' answers are never deleted this way. */
export function removeStep({ actorId, curriculumId, stepId }: { actorId: string; curriculumId: string; stepId: string }): RemoveOutcome {
  return db.transaction(
    (tx) => {
      const step = tx
        .select({ title: curriculumSteps.title })
        .from(curriculumSteps)
        .where(and(eq(curriculumSteps.id, stepId), eq(curriculumSteps.curriculumId, curriculumId)))
        .get();
      if (!step) return "missing";
      const answered = tx.select({ n: sql<number>`count(*)` }).from(exerciseAnswers).where(eq(exerciseAnswers.stepId, stepId)).get()!.n;
      if (answered > 0) return "answered";
      tx.delete(curriculumSteps).where(eq(curriculumSteps.id, stepId)).run();
      renumber(
        tx,
        stepsInOrder(tx, curriculumId).map((s) => s.id),
      );
      const now = clock.now();
      touch(tx, curriculumId, now);
      syncCurriculumCohorts(tx, curriculumId, now);
      recordAudit(tx, { actorId, action: "curriculum.step-removed", targetType: "curriculum", targetId: curriculumId, details: { stepId, title: step.title } });
      return "removed";
    },
    { behavior: "immediate" },
  );
}

/** How many participants have answered each step, so organisers know what a removal would touch. */
export function answerCounts(curriculumId: string): Map<string, number> {
  const rows = db
    .select({ stepId: exerciseAnswers.stepId, n: sql<number>`count(*)` })
    .from(exerciseAnswers)
    .innerJoin(curriculumSteps, eq(curriculumSteps.id, exerciseAnswers.stepId))
    .where(eq(curriculumSteps.curriculumId, curriculumId))
    .groupBy(exerciseAnswers.stepId)
    .all();
  return new Map(rows.map((r) => [r.stepId, r.n]));
}
