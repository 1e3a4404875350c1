import { and, asc, eq, sql } from "drizzle-orm";
import { db, type Tx } from "~db/client.server";
import { curricula, curriculumSteps } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { randomId } from "~/utils/ids.server";
import { defaultExercise } from "./exercise-defaults";
import type { ExerciseDefinition, ExerciseKind } from "./exercise-types";
import { recordAudit } from "~/modules/organisation/index.server";

const MAX_STEPS = 40;


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

/**
 * Adds a step at the end with placeholder text, in the caller's transaction; returns its id, or null
 * when the curriculum is full. Cohorts call this (they reschedule their releases in the same transaction).
 */
export function appendStep(tx: Tx, { actorId, curriculumId, now }: { actorId: string; curriculumId: string; now: number }): string | null {
  const last = tx
    .select({ n: sql<number>`coalesce(max(${curriculumSteps.position}), 0)` })
    .from(curriculumSteps)
    .where(eq(curriculumSteps.curriculumId, curriculumId))
    .get()!.n;
  if (last >= MAX_STEPS) return null;
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
  recordAudit(tx, { actorId, action: "curriculum.step-added", targetType: "curriculum", targetId: curriculumId, details: { stepId: id } });
  return id;
}

type StepContent = { title: string; summary: string; body: string; readingMinutes: number; exercise: ExerciseDefinition };

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

/** Swaps a step with its neighbour in the caller's transaction. False when it is already first (up) or last (down). */
export function shiftStep(tx: Tx, { actorId, curriculumId, stepId, direction, now }: { actorId: string; curriculumId: string; stepId: string; direction: "up" | "down"; now: number }): boolean {
  const ids = stepsInOrder(tx, curriculumId).map((s) => s.id);
  const index = ids.indexOf(stepId);
  const other = direction === "up" ? index - 1 : index + 1;
  if (index < 0 || other < 0 || other >= ids.length) return false;
  [ids[index], ids[other]] = [ids[other], ids[index]];
  renumber(tx, ids);
  touch(tx, curriculumId, now);
  recordAudit(tx, { actorId, action: "curriculum.step-moved", targetType: "curriculum", targetId: curriculumId, details: { stepId, direction } });
  return true;
}

/**
 * Deletes a step in the caller's transaction and closes the gap. The caller first makes sure nobody
 * answered it (answers belong to cohorts, which call this). Returns "missing" for an unknown step.
 */
export function deleteStep(tx: Tx, { actorId, curriculumId, stepId, now }: { actorId: string; curriculumId: string; stepId: string; now: number }): "removed" | "missing" {
  const step = tx
    .select({ title: curriculumSteps.title })
    .from(curriculumSteps)
    .where(and(eq(curriculumSteps.id, stepId), eq(curriculumSteps.curriculumId, curriculumId)))
    .get();
  if (!step) return "missing";
  tx.delete(curriculumSteps).where(eq(curriculumSteps.id, stepId)).run();
  renumber(
    tx,
    stepsInOrder(tx, curriculumId).map((s) => s.id),
  );
  touch(tx, curriculumId, now);
  recordAudit(tx, { actorId, action: "curriculum.step-removed", targetType: "curriculum", targetId: curriculumId, details: { stepId, title: step.title } });
  return "removed";
}
