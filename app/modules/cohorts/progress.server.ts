import { and, asc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { db } from "~db/client.server";
import { certificates, cohortMembers, cohorts, curricula, curriculumSteps, exerciseAnswers, stepReleases } from "~db/schema";
import { ownAnswers, type StoredAnswer } from "./answers.server";
import { membershipOf, membershipsOf } from "./membership.server";
import type { ExerciseKind } from "~/modules/curriculum";
import { clock } from "~/utils/clock.server";
import { getOrganisation } from "~/modules/organisation/index.server";
import { localDateOf } from "./schedule";

export type StepState = "done" | "open" | "locked";

const stepKind = sql<ExerciseKind>`json_extract(${curriculumSteps.exercise}, '$.kind')`;

/** A cohort's steps in order, with when each opens; one query. */
// Read by every cohort page, the organisers' grid among them: prepared once (ADR 0046).
const cohortStepsStatement = db
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
  .leftJoin(stepReleases, and(eq(stepReleases.stepId, curriculumSteps.id), eq(stepReleases.cohortId, sql.placeholder("cohortId"))))
  .where(eq(curriculumSteps.curriculumId, sql.placeholder("curriculumId")))
  .orderBy(asc(curriculumSteps.position))
  .prepare();

export function cohortSteps(cohortId: string, curriculumId: string) {
  return cohortStepsStatement.all({ cohortId, curriculumId });
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

// The person's memberships, cohorts and curricula, as subqueries: the four reads below take only
// the person, so each is prepared once (ADR 0046) however many cohorts they are in.
const ownMemberIds = db.select({ id: cohortMembers.id }).from(cohortMembers).where(eq(cohortMembers.userId, sql.placeholder("userId")));
const ownCohortIds = db.select({ id: cohortMembers.cohortId }).from(cohortMembers).where(eq(cohortMembers.userId, sql.placeholder("userId")));
const ownCurriculumIds = db
  .select({ id: cohorts.curriculumId })
  .from(cohortMembers)
  .innerJoin(cohorts, eq(cohorts.id, cohortMembers.cohortId))
  .where(eq(cohortMembers.userId, sql.placeholder("userId")));
const programmeStepsStatement = db
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
  .where(inArray(curriculumSteps.curriculumId, ownCurriculumIds))
  .orderBy(asc(curriculumSteps.position))
  .prepare();
const programmeReleasesStatement = db
  .select({ cohortId: stepReleases.cohortId, stepId: stepReleases.stepId, releaseAt: stepReleases.releaseAt })
  .from(stepReleases)
  .where(inArray(stepReleases.cohortId, ownCohortIds))
  .prepare();
const programmeDoneStatement = db
  .select({ memberId: exerciseAnswers.memberId, stepId: exerciseAnswers.stepId, completedAt: exerciseAnswers.completedAt })
  .from(exerciseAnswers)
  .where(and(inArray(exerciseAnswers.memberId, ownMemberIds), isNotNull(exerciseAnswers.completedAt)))
  .prepare();
const programmeCertificatesStatement = db
  .select({ id: certificates.id, memberId: certificates.memberId })
  .from(certificates)
  .where(inArray(certificates.memberId, ownMemberIds))
  .prepare();

/** Everything `/me/programme` shows, for every cohort the person is in: five queries in all. */
export function programmeFor(userId: string) {
  const now = clock.now();
  const memberships = membershipsOf(userId);
  if (!memberships.length) return [];
  const steps = programmeStepsStatement.all({ userId });
  const releases = new Map(programmeReleasesStatement.all({ userId }).map((r) => [`${r.cohortId}:${r.stepId}`, r.releaseAt]));
  const done = new Map(programmeDoneStatement.all({ userId }).map((r) => [`${r.memberId}:${r.stepId}`, r.completedAt!]));
  const certificateOf = new Map(programmeCertificatesStatement.all({ userId }).map((c) => [c.memberId, c.id]));
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
