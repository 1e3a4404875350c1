import { asc, eq, sql } from "drizzle-orm";
import { db } from "~db/client.server";
import { cohortMembers, exerciseAnswers, stepNudges, users } from "~db/schema";
import { DAY, clock } from "~/utils/clock.server";
import { cohortSteps, isOpen, type StepState } from "./progress.server";

/** With reminders off, a member counts as stuck after this many days on an open step. */
const DEFAULT_STUCK_DAYS = 3;

type GridMember = {
  id: string;
  name: string;
  email: string;
  joinedAt: number;
  joinedVia: string;
  cells: StepState[];
  /** When each step was first completed. */
  doneAt: (number | null)[];
  doneCount: number;
  lastActivityAt: number | null;
  /** The earliest open step not done, and since when the member could have done it. */
  waiting: { position: number; title: string; since: number; days: number; reminded: boolean } | null;
};

// The grid's reads, prepared once (ADR 0046).
const membersStatement = db
  .select({ id: cohortMembers.id, name: users.name, email: users.email, joinedAt: cohortMembers.joinedAt, joinedVia: cohortMembers.joinedVia })
  .from(cohortMembers)
  .innerJoin(users, eq(users.id, cohortMembers.userId))
  .where(eq(cohortMembers.cohortId, sql.placeholder("cohortId")))
  .orderBy(asc(users.name))
  .prepare();
const progressStatement = db
  .select({ memberId: exerciseAnswers.memberId, stepId: exerciseAnswers.stepId, completedAt: exerciseAnswers.completedAt, updatedAt: exerciseAnswers.updatedAt })
  .from(exerciseAnswers)
  .innerJoin(cohortMembers, eq(cohortMembers.id, exerciseAnswers.memberId))
  .where(eq(cohortMembers.cohortId, sql.placeholder("cohortId")))
  .prepare();
const remindedStatement = db
  .select({ memberId: stepNudges.memberId, stepId: stepNudges.stepId })
  .from(stepNudges)
  .innerJoin(cohortMembers, eq(cohortMembers.id, stepNudges.memberId))
  .where(eq(cohortMembers.cohortId, sql.placeholder("cohortId")))
  .prepare();

/**
 * The organisers' view of a cohort: members × steps (done, open, locked), completion per step
 * and who is stuck. Reads completion times only, never what anyone wrote. Four queries,
 * whatever the number of members and steps.
 */
export function cohortGrid(cohort: { id: string; curriculumId: string; nudgeAfterDays: number | null }) {
  const now = clock.now();
  const steps = cohortSteps(cohort.id, cohort.curriculumId);
  const members = membersStatement.all({ cohortId: cohort.id });
  const progress = progressStatement.all({ cohortId: cohort.id });
  const reminded = new Set(remindedStatement.all({ cohortId: cohort.id }).map((r) => `${r.memberId}:${r.stepId}`));
  // member id -> step id -> when it was first completed
  const done = new Map<string, Map<string, number>>();
  const lastActivity = new Map<string, number>();
  for (const row of progress) {
    if (row.completedAt !== null) {
      const memberDone = done.get(row.memberId) ?? new Map<string, number>();
      memberDone.set(row.stepId, row.completedAt);
      done.set(row.memberId, memberDone);
    }
    lastActivity.set(row.memberId, Math.max(lastActivity.get(row.memberId) ?? 0, row.updatedAt));
  }
  const stuckDays = cohort.nudgeAfterDays ?? DEFAULT_STUCK_DAYS;
  const completion = steps.map(() => 0);
  const grid: GridMember[] = members.map((member) => {
    let waiting: GridMember["waiting"] = null;
    const finished = done.get(member.id);
    const cells = steps.map((step, index): StepState => {
      if (finished?.has(step.id)) {
        completion[index] += 1;
        return "done";
      }
      if (!isOpen(step.releaseAt, now)) return "locked";
      if (!waiting) {
        const since = Math.max(step.releaseAt!, member.joinedAt);
        waiting = { position: step.position, title: step.title, since, days: Math.floor((now - since) / DAY), reminded: reminded.has(`${member.id}:${step.id}`) };
      }
      return "open";
    });
    const doneAt = steps.map((step) => finished?.get(step.id) ?? null);
    return { ...member, cells, doneAt, doneCount: cells.filter((c) => c === "done").length, lastActivityAt: lastActivity.get(member.id) ?? null, waiting };
  });
  const stuck = grid
    .filter((m) => m.waiting && m.waiting.days >= stuckDays)
    .sort((a, b) => a.waiting!.since - b.waiting!.since)
    .map((m) => ({ id: m.id, name: m.name, ...m.waiting! }));
  return {
    steps: steps.map((s, index) => ({ id: s.id, position: s.position, title: s.title, releaseAt: s.releaseAt, open: isOpen(s.releaseAt, now), done: completion[index] })),
    members: grid,
    stuck,
    stuckDays,
  };
}
