import { eq, inArray, sql } from "drizzle-orm";
import { db } from "~db/client.server";
import { cohorts, exerciseAnswers } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { syncCurriculumCohorts } from "./releases.server";
import { listCurricula, stepIdsOf, appendStep, deleteStep, shiftStep } from "~/modules/curriculum/index.server";
import { refuse, type Outcome } from "~/utils/refusal";

// Cohorts own the seam with the curriculum: a step added, moved or removed changes the release
// schedule of every cohort on that curriculum, in the same transaction, and a step someone has
// answered is never removed.

/** Adds a step at the end; returns its id, or null when the curriculum is full. */
export function addStep({ actorId, curriculumId }: { actorId: string; curriculumId: string }): string | null {
  return db.transaction(
    (tx) => {
      const now = clock.now();
      const id = appendStep(tx, { actorId, curriculumId, now });
      if (id) syncCurriculumCohorts(tx, curriculumId, now);
      return id;
    },
    { behavior: "immediate" },
  );
}

/** Swaps a step with its neighbour. Returns false when it is already first (up) or last (down). */
export function moveStep(input: { actorId: string; curriculumId: string; stepId: string; direction: "up" | "down" }): boolean {
  return db.transaction(
    (tx) => {
      const now = clock.now();
      const moved = shiftStep(tx, { ...input, now });
      if (moved) syncCurriculumCohorts(tx, input.curriculumId, now);
      return moved;
    },
    { behavior: "immediate" },
  );
}

/** Refused with code "answered" (the step stays) or "missing" (already gone). */
type RemoveOutcome = Outcome;

/** Removes a step nobody has answered; participants' answers are never deleted this way. */
export function removeStep(input: { actorId: string; curriculumId: string; stepId: string }): RemoveOutcome {
  return db.transaction(
    (tx) => {
      const answered = tx.select({ n: sql<number>`count(*)` }).from(exerciseAnswers).where(eq(exerciseAnswers.stepId, input.stepId)).get()!.n;
      if (answered > 0) return refuse("Participants have answered this step, so it stays: their answers are theirs. Edit it instead.", { code: "answered", status: 409 });
      const now = clock.now();
      if (deleteStep(tx, { ...input, now }) === "missing") return refuse("That step was already gone.", { code: "missing", status: 404 });
      syncCurriculumCohorts(tx, input.curriculumId, now);
      return { ok: true };
    },
    { behavior: "immediate" },
  );
}

/** How many participants have answered each step, so organisers know what a removal would touch. */
export function answerCounts(curriculumId: string): Map<string, number> {
  const stepIds = stepIdsOf(curriculumId);
  if (!stepIds.length) return new Map();
  const rows = db
    .select({ stepId: exerciseAnswers.stepId, n: sql<number>`count(*)` })
    .from(exerciseAnswers)
    .where(inArray(exerciseAnswers.stepId, stepIds))
    .groupBy(exerciseAnswers.stepId)
    .all();
  return new Map(rows.map((r) => [r.stepId, r.n]));
}

/** Every curriculum with its number of steps and of cohorts following it, oldest first. */
export function curriculaWithCohortCounts() {
  const counts = new Map(
    db
      .select({ curriculumId: cohorts.curriculumId, n: sql<number>`count(*)` })
      .from(cohorts)
      .groupBy(cohorts.curriculumId)
      .all()
      .map((row) => [row.curriculumId, row.n]),
  );
  return listCurricula().map((curriculum) => ({ ...curriculum, cohorts: counts.get(curriculum.id) ?? 0 }));
}
