import { and, asc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { db } from "~db/client.server";
import { certificates, cohorts, curricula, curriculumSteps, exerciseAnswers, stepReleases } from "~db/schema";
import { ownAnswers, type StoredAnswer } from "./answers.server";
import { membershipOf, membershipsOf } from "./membership.server";
import type { ExerciseKind } from "~/modules/curriculum";
import { clock } from "~/utils/clock.server";
import { getOrganisation } from "~/modules/organisation/index.server";
import { localDateOf } from "./schedule";

export type StepState = "done" | "open" | "locked";

const stepKind = sql<ExerciseKind>`json_extract(${curriculumSteps.exercise}, '$.kind')`;

/** A cohort's steps in order, with when each opens; one query. */
export function cohortSteps(cohortId: string, curriculumId: string) {
  return db
    .select({
      id: curriculumSteps.id,
      position: curriculumSteps.position,
      title: curriculumSteps.title,
      summary: curriculumSteps.summary,
      readingMinutes: curriculumSteps.readingMinutes,
      kind: stepKind,
      releaseAt: stepReleases.releaseAt,
    })
    .from(curriculumSteps)
    .leftJoin(stepReleases, and(eq(stepReleases.stepId, curriculumSteps.id), eq(stepReleases.cohortId, cohortId)))
    .where(eq(curriculumSteps.curriculumId, curriculumId))
    .orderBy(asc(curriculumSteps.position))
    .all();
}

export const isOpen = (releaseAt: number | null, now: number) => releaseAt !== null && releaseAt <= now;

/** Whether a step with this release time is open now. */
export const isReleased = (releaseAt: number | null) => isOpen(releaseAt, clock.now());

/** Today's date where the organisation is, the first day a new cohort may start. */
export const todayForCohorts = () => localDateOf(clock.now(), getOrganisation().timeZone);

type ProgrammeStep = {
  position: number;
  title: string;
  summary: string;
  readingMinutes: number;
  state: StepState;
  releaseAt: number | null;
  completedAt: number | null;
};

/** Everything `/me/programme` shows, for every cohort the person is in: five queries in all. */
export function programmeFor(userId: string) {
  const now = clock.now();
  const memberships = membershipsOf(userId);
  if (!memberships.length) return [];
  const memberIds = memberships.map((m) => m.member.id);
  const cohortIds = memberships.map((m) => m.cohort.id);
  const curriculumIds = [...new Set(memberships.map((m) => m.cohort.curriculumId))];
  const steps = db
    .select({
      id: curriculumSteps.id,
      curriculumId: curriculumSteps.curriculumId,
      position: curriculumSteps.position,
      title: curriculumSteps.title,
      summary: curriculumSteps.summary,
      readingMinutes: curriculumSteps.readingMinutes,
      kind: stepKind,
    })
    .from(curriculumSteps)
    .where(inArray(curriculumSteps.curriculumId, curriculumIds))
    .orderBy(asc(curriculumSteps.position))
    .all();
  const releases = new Map(
    db
      .select()
      .from(stepReleases)
      .where(inArray(stepReleases.cohortId, cohortIds))
      .all()
      .map((r) => [`${r.cohortId}:${r.stepId}`, r.releaseAt]),
  );
  const done = new Map(
    db
      .select({ memberId: exerciseAnswers.memberId, stepId: exerciseAnswers.stepId, completedAt: exerciseAnswers.completedAt })
      .from(exerciseAnswers)
      .where(and(inArray(exerciseAnswers.memberId, memberIds), isNotNull(exerciseAnswers.completedAt)))
      .all()
      .map((r) => [`${r.memberId}:${r.stepId}`, r.completedAt!]),
  );
  const certificateOf = new Map(
    db
      .select({ id: certificates.id, memberId: certificates.memberId })
      .from(certificates)
      .where(inArray(certificates.memberId, memberIds))
      .all()
      .map((c) => [c.memberId, c.id]),
  );
  return memberships.map(({ member, cohort, curriculumTitle }) => {
    const own = steps.filter((s) => s.curriculumId === cohort.curriculumId);
    const list: ProgrammeStep[] = own.map((s) => {
      const releaseAt = releases.get(`${cohort.id}:${s.id}`) ?? null;
      const completedAt = done.get(`${member.id}:${s.id}`) ?? null;
      const state: StepState = completedAt ? "done" : isOpen(releaseAt, now) ? "open" : "locked";
      return { position: s.position, title: s.title, summary: s.summary, readingMinutes: s.readingMinutes, state, releaseAt, completedAt };
    });
    const doneCount = list.filter((s) => s.state === "done").length;
    const finished = list.length > 0 && doneCount === list.length;
    return {
      memberId: member.id,
      cohort: { id: cohort.id, name: cohort.name, startDate: cohort.startDate },
      curriculumTitle,
      steps: list,
      doneCount,
      openStep: list.find((s) => s.state === "open") ?? null,
      certificateId: certificateOf.get(member.id) ?? null,
      futureNote: finished ? futureNoteOf(userId, member.id, own) : null,
    };
  });
}

function futureNoteOf(userId: string, memberId: string, steps: { id: string; kind: ExerciseKind }[]): string | null {
  const answers = ownAnswers(userId, memberId);
  for (const step of steps) {
    const text = step.kind === "future_note" ? answers.get(step.id)?.answer.text : undefined;
    if (typeof text === "string" && text) return text;
  }
  return null;
}

type StepPage =
  | { status: "not-member" }
  | { status: "missing" }
  | { status: "locked"; cohortName: string; total: number; position: number; title: string; releaseAt: number | null }
  | {
      status: "open";
      memberId: string;
      cohortName: string;
      total: number;
      step: typeof curriculumSteps.$inferSelect;
      answer: StoredAnswer | null;
    };

/**
 * A step as a member may see it. A step that has not opened yet carries its title and opening
 * time only: its text and exercise are never read here, so they cannot reach the page.
 */
export function stepPageFor({ userId, cohortId, position }: { userId: string; cohortId: string; position: number }): StepPage {
  const now = clock.now();
  const member = membershipOf(userId, cohortId);
  if (!member) return { status: "not-member" };
  const cohort = db
    .select({ name: cohorts.name, curriculumId: cohorts.curriculumId, total: sql<number>`(select count(*) from ${curriculumSteps} where ${curriculumSteps.curriculumId} = ${cohorts.curriculumId})` })
    .from(cohorts)
    .innerJoin(curricula, eq(curricula.id, cohorts.curriculumId))
    .where(eq(cohorts.id, cohortId))
    .get();
  if (!cohort) return { status: "missing" };
  const heading = db
    .select({ id: curriculumSteps.id, title: curriculumSteps.title, releaseAt: stepReleases.releaseAt })
    .from(curriculumSteps)
    .leftJoin(stepReleases, and(eq(stepReleases.stepId, curriculumSteps.id), eq(stepReleases.cohortId, cohortId)))
    .where(and(eq(curriculumSteps.curriculumId, cohort.curriculumId), eq(curriculumSteps.position, position)))
    .get();
  if (!heading) return { status: "missing" };
  const releaseAt = heading.releaseAt ?? null;
  if (!isOpen(releaseAt, now)) return { status: "locked", cohortName: cohort.name, total: cohort.total, position, title: heading.title, releaseAt };
  const step = db.select().from(curriculumSteps).where(eq(curriculumSteps.id, heading.id)).get()!;
  const answer = ownAnswers(userId, member.id).get(step.id) ?? null;
  return { status: "open", memberId: member.id, cohortName: cohort.name, total: cohort.total, step, answer };
}

/** One line per cohort for the person's home page. */
export function programmeSummary(userId: string) {
  return programmeFor(userId).map((p) => ({
    cohortId: p.cohort.id,
    cohortName: p.cohort.name,
    doneCount: p.doneCount,
    total: p.steps.length,
    openStep: p.openStep ? { position: p.openStep.position, title: p.openStep.title } : null,
    certificateId: p.certificateId,
  }));
}
