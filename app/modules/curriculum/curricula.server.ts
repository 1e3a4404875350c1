import { asc, eq, sql } from "drizzle-orm";
import { db, type Tx } from "~db/client.server";
import { curricula, curriculumSteps } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { randomId } from "~/utils/ids.server";
import { logger } from "~/utils/logger.server";
import { exerciseDefinitionSchema, type CurriculumSource } from "./exercise-types";
import { recordAudit } from "~/modules/organisation/index.server";

type Curriculum = typeof curricula.$inferSelect;
export type CurriculumStep = typeof curriculumSteps.$inferSelect;

/** Every curriculum with its number of steps, oldest first. */
export function listCurricula() {
  return db
    .select({
      id: curricula.id,
      title: curricula.title,
      summary: curricula.summary,
      sourceSlug: curricula.sourceSlug,
      updatedAt: curricula.updatedAt,
      steps: sql<number>`(select count(*) from ${curriculumSteps} where ${curriculumSteps.curriculumId} = ${curricula.id})`,
    })
    .from(curricula)
    .orderBy(asc(curricula.createdAt), asc(curricula.title))
    .all();
}

export function findCurriculum(id: string): Curriculum | undefined {
  return db.select().from(curricula).where(eq(curricula.id, id)).get();
}

export function stepsOf(curriculumId: string): CurriculumStep[] {
  return db.select().from(curriculumSteps).where(eq(curriculumSteps.curriculumId, curriculumId)).orderBy(asc(curriculumSteps.position)).all();
}

/** The ids of a curriculum's steps, for callers that need nothing else of them. */
export function stepIdsOf(curriculumId: string): string[] {
  return db.select({ id: curriculumSteps.id }).from(curriculumSteps).where(eq(curriculumSteps.curriculumId, curriculumId)).all().map((row) => row.id);
}

/** The installed copy of a curriculum that ships with the software. */
export function findInstalledCurriculum(sourceSlug: string): Curriculum | undefined {
  return db.select().from(curricula).where(eq(curricula.sourceSlug, sourceSlug)).get();
}


function insertSteps(tx: Tx, curriculumId: string, steps: Omit<CurriculumStep, "id" | "curriculumId" | "position" | "createdAt" | "updatedAt">[], now: number) {
  steps.forEach((step, index) => {
    tx.insert(curriculumSteps)
      .values({ ...step, id: randomId(16), curriculumId, position: index + 1, createdAt: now, updatedAt: now })
      .run();
  });
}

/**
 * Installs a shipped curriculum when this installation does not have it yet. Idempotent: once
 * installed (by this or another process), the organisers' copy is theirs and is never touched.
 */
export function installCurriculum(source: CurriculumSource): { installed: boolean; id: string } {
  const steps = source.steps.map((step) => ({
    title: step.title,
    summary: step.summary,
    body: step.body,
    readingMinutes: step.readingMinutes,
    exercise: exerciseDefinitionSchema.parse(step.exercise),
  }));
  const result = db.transaction(
    (tx) => {
      const existing = tx.select({ id: curricula.id }).from(curricula).where(eq(curricula.sourceSlug, source.slug)).get();
      if (existing) return { installed: false, id: existing.id };
      const now = clock.now();
      const id = randomId(16);
      tx.insert(curricula).values({ id, sourceSlug: source.slug, title: source.title, summary: source.summary, createdAt: now, updatedAt: now }).run();
      insertSteps(tx, id, steps, now);
      return { installed: true, id };
    },
    { behavior: "immediate" },
  );
  if (result.installed) logger.info({ curriculum: source.slug, steps: steps.length }, "installed the built-in curriculum");
  return result;
}

/** A new curriculum, empty or a copy of another one's steps. */
export function createCurriculum({ actorId, title, summary, copyFromId }: { actorId: string; title: string; summary: string; copyFromId?: string | null }) {
  const source = copyFromId ? stepsOf(copyFromId) : [];
  return db.transaction(
    (tx) => {
      const now = clock.now();
      const id = randomId(16);
      tx.insert(curricula).values({ id, title, summary, createdBy: actorId, createdAt: now, updatedAt: now }).run();
      insertSteps(
        tx,
        id,
        source.map(({ title, summary, body, readingMinutes, exercise }) => ({ title, summary, body, readingMinutes, exercise })),
        now,
      );
      recordAudit(tx, { actorId, action: "curriculum.created", targetType: "curriculum", targetId: id, details: { title, copiedFrom: copyFromId ?? null } });
      return id;
    },
    { behavior: "immediate" },
  );
}

export function updateCurriculum({ actorId, id, title, summary }: { actorId: string; id: string; title: string; summary: string }) {
  db.transaction((tx) => {
    tx.update(curricula).set({ title, summary, updatedAt: clock.now() }).where(eq(curricula.id, id)).run();
    recordAudit(tx, { actorId, action: "curriculum.changed", targetType: "curriculum", targetId: id, details: { title } });
  });
}

/**
 * What the public programme page shows: a curriculum's title, summary and step titles (never a
 * step's text or exercise). The shipped curriculum when installed, else the oldest one.
 */
export function publicOverview(preferredSourceSlug: string) {
  const curriculum = findInstalledCurriculum(preferredSourceSlug) ?? db.select().from(curricula).orderBy(asc(curricula.createdAt)).limit(1).get();
  if (!curriculum) return null;
  const steps = db
    .select({ position: curriculumSteps.position, title: curriculumSteps.title, summary: curriculumSteps.summary })
    .from(curriculumSteps)
    .where(eq(curriculumSteps.curriculumId, curriculum.id))
    .orderBy(asc(curriculumSteps.position))
    .all();
  return { title: curriculum.title, summary: curriculum.summary, steps };
}
