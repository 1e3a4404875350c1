import { and, asc, desc, eq, inArray, isNotNull, lte, sql, type SQL } from "drizzle-orm";
import { db, likePattern } from "~db/client.server";
import { cohortMembers, cohorts, curricula, curriculumSteps, exerciseAnswers, stepReleases, userRoles, users } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { randomId } from "~/utils/ids.server";
import { runningTotals } from "~/utils/running-totals.server";
import { shortList, type Choice, type ShortList } from "~/utils/short-list";
import { syncReleases } from "./releases.server";
import { scheduleFrom, type CohortSettings } from "./schemas";
import { recordAudit } from "~/modules/organisation/index.server";
import { pageWindow } from "~/utils/paging";

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

export const COHORTS_PAGE_SIZE = 25;

/**
 * One page of cohorts with their numbers, latest start first. The page's rows come first (through
 * the index on the start date), then each figure is counted for those cohorts only, through the
 * indexes that begin with the cohort or the curriculum; the page count comes from the running
 * total (ADR 0054), so the page costs the same however many cohorts there are.
 */
export function listCohorts({ page }: { page: number }) {
  const total = runningTotals(["cohorts"]).cohorts;
  const { page: current, pageCount } = pageWindow(page, total, COHORTS_PAGE_SIZE);
  const rows = db
    .select({
      id: cohorts.id,
      name: cohorts.name,
      startDate: cohorts.startDate,
      capacity: cohorts.capacity,
      curriculumId: cohorts.curriculumId,
      curriculumTitle: curricula.title,
    })
    .from(cohorts)
    .innerJoin(curricula, eq(curricula.id, cohorts.curriculumId))
    .orderBy(desc(cohorts.startDate), asc(cohorts.name), asc(cohorts.id))
    .limit(COHORTS_PAGE_SIZE)
    .offset((current - 1) * COHORTS_PAGE_SIZE)
    .all();
  const figures = cohortFigures(rows);
  return {
    cohorts: rows.map((row) => ({ id: row.id, name: row.name, startDate: row.startDate, capacity: row.capacity, curriculumTitle: row.curriculumTitle, ...figures.get(row.id)! })),
    total,
    page: current,
    pageCount,
  };
}

/** How many people are in each of these cohorts (through the index on cohort and person); 0 for none. */
function memberCounts(cohortIds: string[]): Map<string, number> {
  if (!cohortIds.length) return new Map();
  return new Map(
    db
      .select({ cohortId: cohortMembers.cohortId, n: sql<number>`count(*)` })
      .from(cohortMembers)
      .where(inArray(cohortMembers.cohortId, cohortIds))
      .groupBy(cohortMembers.cohortId)
      .all()
      .map((r) => [r.cohortId, r.n]),
  );
}

/** Members, steps, steps open, the next opening and completion, for these cohorts only. */
function cohortFigures(rows: { id: string; curriculumId: string }[]) {
  const ids = rows.map((row) => row.id);
  const figures = new Map<string, { members: number; steps: number; openSteps: number; nextReleaseAt: number | null; completion: number }>();
  if (!ids.length) return figures;
  const now = clock.now();
  const members = memberCounts(ids);
  const done = new Map(
    db
      .select({ cohortId: cohortMembers.cohortId, n: sql<number>`count(*)` })
      .from(cohortMembers)
      .innerJoin(exerciseAnswers, eq(exerciseAnswers.memberId, cohortMembers.id))
      .where(and(inArray(cohortMembers.cohortId, ids), isNotNull(exerciseAnswers.completedAt)))
      .groupBy(cohortMembers.cohortId)
      .all()
      .map((r) => [r.cohortId, r.n]),
  );
  const stepCounts = new Map(
    db
      .select({ curriculumId: curriculumSteps.curriculumId, n: sql<number>`count(*)` })
      .from(curriculumSteps)
      .where(inArray(curriculumSteps.curriculumId, [...new Set(rows.map((row) => row.curriculumId))]))
      .groupBy(curriculumSteps.curriculumId)
      .all()
      .map((r) => [r.curriculumId, r.n]),
  );
  const releases = new Map(
    db
      .select({
        cohortId: stepReleases.cohortId,
        open: sql<number>`sum(case when ${stepReleases.releaseAt} <= ${now} then 1 else 0 end)`,
        next: sql<number | null>`min(case when ${stepReleases.releaseAt} > ${now} then ${stepReleases.releaseAt} end)`,
      })
      .from(stepReleases)
      .where(inArray(stepReleases.cohortId, ids))
      .groupBy(stepReleases.cohortId)
      .all()
      .map((r) => [r.cohortId, r]),
  );
  for (const row of rows) {
    const memberTotal = members.get(row.id) ?? 0;
    const steps = stepCounts.get(row.curriculumId) ?? 0;
    figures.set(row.id, {
      members: memberTotal,
      steps,
      openSteps: releases.get(row.id)?.open ?? 0,
      nextReleaseAt: releases.get(row.id)?.next ?? null,
      completion: memberTotal && steps ? (done.get(row.id) ?? 0) / (memberTotal * steps) : 0,
    });
  }
  return figures;
}

/**
 * The short list of cohorts to choose one from (matching a group), with how many members each
 * has, counted for those only: the most recent, only those whose name contains `find` when it is
 * given, and always the `chosen` ones.
 */
export function cohortChoicesWithMembers({ find, chosen, limit }: { find: string; chosen: string[]; limit: number }): ShortList<Choice & { members: number }> {
  const list = recentCohortChoices({ lastDay: null, find, chosen, limit });
  const members = memberCounts(list.choices.map((choice) => choice.id));
  return { choices: list.choices.map((choice) => ({ ...choice, members: members.get(choice.id) ?? 0 })), more: list.more };
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
