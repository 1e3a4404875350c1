import { and, asc, desc, eq, inArray, isNotNull, lte, sql, type SQL } from "drizzle-orm";
import { db, likePattern } from "~db/client.server";
import { cohortMembers, cohorts, curricula, curriculumSteps, exerciseAnswers, stepReleases, userRoles, users } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { randomId } from "~/utils/ids.server";
import { shortList, type ShortList } from "~/utils/short-list";
import { syncReleases } from "./releases.server";
import { scheduleFrom, type CohortSettings } from "./schemas";
import { recordAudit } from "~/modules/organisation/index.server";

export type Cohort = typeof cohorts.$inferSelect;

// No 0/O, 1/I/L: codes are read aloud at workshops and typed on small phones.
const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const JOIN_CODE_LENGTH = 8;

export function generateJoinCode(): string {
  const bytes = new Uint8Array(JOIN_CODE_LENGTH);
  crypto.getRandomValues(bytes);
  // 256 is not a multiple of 31: the slight bias is harmless for a code that only names a cohort.
  return [...bytes].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join("");
}

function cohortValues(values: CohortSettings) {
  return {
    name: values.name,
    startDate: values.startDate,
    schedule: scheduleFrom(values),
    facilitatorId: values.facilitatorId || null,
    capacity: values.capacity,
    nudgeAfterDays: values.nudgeAfterDays > 0 ? values.nudgeAfterDays : null,
  };
}

/** A new cohort with a new join code, or with `joinCode` when one is chosen and still free. */
export function createCohort({ actorId, curriculumId, values, joinCode: chosen }: { actorId: string; curriculumId: string; values: CohortSettings; joinCode?: string }): string {
  return db.transaction(
    (tx) => {
      const now = clock.now();
      const id = randomId(16);
      let joinCode = chosen ?? generateJoinCode();
      while (tx.select({ id: cohorts.id }).from(cohorts).where(eq(cohorts.joinCode, joinCode)).get()) joinCode = generateJoinCode();
      tx.insert(cohorts)
        .values({ id, curriculumId, joinCode, ...cohortValues(values), createdBy: actorId, createdAt: now, updatedAt: now })
        .run();
      syncReleases(tx, id, now);
      recordAudit(tx, { actorId, action: "cohort.created", targetType: "cohort", targetId: id, details: { name: values.name } });
      return id;
    },
    { behavior: "immediate" },
  );
}

/** Saves settings; steps not yet open move to the new schedule, open ones stay open. */
export function updateCohort({ actorId, cohortId, values }: { actorId: string; cohortId: string; values: CohortSettings }) {
  db.transaction(
    (tx) => {
      const now = clock.now();
      tx.update(cohorts)
        .set({ ...cohortValues(values), updatedAt: now })
        .where(eq(cohorts.id, cohortId))
        .run();
      syncReleases(tx, cohortId, now);
      recordAudit(tx, { actorId, action: "cohort.changed", targetType: "cohort", targetId: cohortId, details: { name: values.name } });
    },
    { behavior: "immediate" },
  );
}

// Every cohort page starts here: prepared once (ADR 0046).
const cohortStatement = db
  .select({
    cohort: cohorts,
    curriculumTitle: curricula.title,
    facilitatorName: users.name,
  })
  .from(cohorts)
  .innerJoin(curricula, eq(curricula.id, cohorts.curriculumId))
  .leftJoin(users, eq(users.id, cohorts.facilitatorId))
  .where(eq(cohorts.id, sql.placeholder("id")))
  .prepare();

export function findCohort(id: string) {
  return cohortStatement.get({ id });
}

export function findCohortByCode(code: string) {
  return db
    .select({ cohort: cohorts, curriculumTitle: curricula.title, curriculumSummary: curricula.summary, facilitatorName: users.name })
    .from(cohorts)
    .innerJoin(curricula, eq(curricula.id, cohorts.curriculumId))
    .leftJoin(users, eq(users.id, cohorts.facilitatorId))
    .where(eq(cohorts.joinCode, code))
    .get();
}

/** The people in a cohort, by user id. */
export function memberUserIds(cohortId: string): string[] {
  return db.select({ id: cohortMembers.userId }).from(cohortMembers).where(eq(cohortMembers.cohortId, cohortId)).all().map((r) => r.id);
}

export function memberCount(cohortId: string): number {
  return db.select({ n: sql<number>`count(*)` }).from(cohortMembers).where(eq(cohortMembers.cohortId, cohortId)).get()!.n;
}

/** Every cohort's id and name, newest first: for choosing one (filters, audiences) without counting anything. */
export function cohortChoices(): { id: string; name: string }[] {
  return db.select({ id: cohorts.id, name: cohorts.name }).from(cohorts).orderBy(desc(cohorts.startDate), asc(cohorts.name)).all();
}

/**
 * A filter's short list of cohorts: the `limit` that started last on or before `lastDay`, only
 * those whose name contains `find` when it is given, and always the ones already `chosen`, so a
 * page offering them stays the same size however many cohorts there are. `more`: some were left out.
 */
export function recentCohortChoices({ lastDay, find, chosen, limit }: { lastDay: string | null; find: string; chosen: string[]; limit: number }): ShortList {
  const conditions = and(lastDay ? lte(cohorts.startDate, lastDay) : undefined, find ? sql`${cohorts.name} like ${likePattern(find)} escape '\\'` : undefined);
  const read = (where: SQL | undefined, count: number) =>
    db.select({ id: cohorts.id, name: cohorts.name }).from(cohorts).where(where).orderBy(desc(cohorts.startDate), asc(cohorts.name)).limit(count).all();
  return shortList(read(conditions, limit + 1), limit, chosen, (missing) => read(inArray(cohorts.id, missing), missing.length));
}

/** Every cohort with its numbers, newest start first; a handful of grouped queries whatever the count. */
export function listCohorts() {
  const now = clock.now();
  const rows = db
    .select({
      id: cohorts.id,
      name: cohorts.name,
      startDate: cohorts.startDate,
      capacity: cohorts.capacity,
      curriculumTitle: curricula.title,
      curriculumId: cohorts.curriculumId,
    })
    .from(cohorts)
    .innerJoin(curricula, eq(curricula.id, cohorts.curriculumId))
    .orderBy(desc(cohorts.startDate), asc(cohorts.name))
    .all();
  const members = new Map(
    db
      .select({ cohortId: cohortMembers.cohortId, n: sql<number>`count(*)` })
      .from(cohortMembers)
      .groupBy(cohortMembers.cohortId)
      .all()
      .map((r) => [r.cohortId, r.n]),
  );
  const done = new Map(
    db
      .select({ cohortId: cohortMembers.cohortId, n: sql<number>`count(*)` })
      .from(exerciseAnswers)
      .innerJoin(cohortMembers, eq(cohortMembers.id, exerciseAnswers.memberId))
      .where(isNotNull(exerciseAnswers.completedAt))
      .groupBy(cohortMembers.cohortId)
      .all()
      .map((r) => [r.cohortId, r.n]),
  );
  const stepCounts = new Map(
    db
      .select({ curriculumId: curriculumSteps.curriculumId, n: sql<number>`count(*)` })
      .from(curriculumSteps)
      .groupBy(curriculumSteps.curriculumId)
      .all()
      .map((r) => [r.curriculumId, r.n]),
  );
  const releases = db
    .select({ cohortId: stepReleases.cohortId, open: sql<number>`sum(case when ${stepReleases.releaseAt} <= ${now} then 1 else 0 end)`, next: sql<number | null>`min(case when ${stepReleases.releaseAt} > ${now} then ${stepReleases.releaseAt} end)` })
    .from(stepReleases)
    .groupBy(stepReleases.cohortId)
    .all();
  const releaseBy = new Map(releases.map((r) => [r.cohortId, r]));
  return rows.map((row) => {
    const memberTotal = members.get(row.id) ?? 0;
    const steps = stepCounts.get(row.curriculumId) ?? 0;
    return {
      ...row,
      members: memberTotal,
      steps,
      openSteps: releaseBy.get(row.id)?.open ?? 0,
      nextReleaseAt: releaseBy.get(row.id)?.next ?? null,
      completion: memberTotal && steps ? (done.get(row.id) ?? 0) / (memberTotal * steps) : 0,
    };
  });
}

/** People who can lead a cohort: organisers and mentors. */
export function facilitatorOptions() {
  return db
    .selectDistinct({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(inArray(userRoles.role, ["organiser", "mentor"]))
    .orderBy(asc(users.name))
    .all();
}
