import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { db } from "~db/client.server";
import { matchProposals, matchRuns, menteeProfiles, mentorships, userRoles, users } from "~db/schema";
import { randomId } from "~/utils/ids.server";
import { assignMentees } from "./assignment";
import type { MenteeProfile } from "./profiles.server";
import { scorePair, type PairScore } from "./scoring";
import { approvedMentors, menteeTraits, mentorTraits, pairHistory, type ApprovedMentor } from "./suggestions.server";
import { findCohort, memberUserIds } from "~/modules/cohorts/index.server";
import { recordAudit } from "~/modules/organisation/index.server";
import { awaitingGuardianAmong } from "~/modules/auth/index.server";
import { refuse, type Outcome } from "~/utils/refusal";
import { clock } from "~/utils/clock.server";

export type MenteePool = { kind: "waiting" } | { kind: "cohort"; cohortId: string };

export const NO_PROFILE_REASON = "No mentee profile yet, so there is nothing to match on";
export const NO_FIT_REASON = "No mentor with places left meets the hard rules";
export const TAKEN_REASON = "The mentors who fit are all taken by better-fitting mentees in this run";

function menteesWithActiveMentor(userIds: readonly string[]): Set<string> {
  if (!userIds.length) return new Set();
  const rows = db
    .selectDistinct({ id: mentorships.menteeId })
    .from(mentorships)
    .where(and(eq(mentorships.status, "active"), inArray(mentorships.menteeId, [...userIds])))
    .all();
  return new Set(rows.map((r) => r.id));
}

/**
 * Participants with a mentee profile and no active mentor. Read from the mentee profiles, each
 * role and mentorship looked up by its key: joined, the planner began with every participant's role.
 */
export function waitingMenteeIds(): string[] {
  const rows = db
    .select({ id: menteeProfiles.userId })
    .from(menteeProfiles)
    .where(
      and(
        sql`exists (select 1 from ${userRoles} where ${userRoles.userId} = ${menteeProfiles.userId} and ${userRoles.role} = 'participant')`,
        sql`not exists (select 1 from ${mentorships} where ${mentorships.menteeId} = ${menteeProfiles.userId} and ${mentorships.status} = 'active')`,
      ),
    )
    .all();
  return rows.map((r) => r.id);
}

/** Young people whose accounts wait for a guardian's consent are never matched (ADR 0023). */
function withoutHeldAccounts(ids: string[]): string[] {
  const held = awaitingGuardianAmong(ids);
  return ids.filter((id) => !held.has(id));
}

/** The people a run would consider, and how many of the pool already have a mentor. */
function resolvePool(pool: MenteePool): { menteeIds: string[]; alreadyMentored: number; label: string } | null {
  if (pool.kind === "waiting") return { menteeIds: withoutHeldAccounts(waitingMenteeIds()), alreadyMentored: 0, label: "Everyone waiting for a mentor" };
  const cohort = findCohort(pool.cohortId);
  if (!cohort) return null;
  const members = memberUserIds(pool.cohortId);
  const mentored = menteesWithActiveMentor(members);
  return { menteeIds: withoutHeldAccounts(members.filter((id) => !mentored.has(id))), alreadyMentored: mentored.size, label: `Cohort: ${cohort.cohort.name}` };
}

type Mentee = { id: string; name: string; profile: MenteeProfile | undefined };

function loadMentees(ids: readonly string[]): Mentee[] {
  if (!ids.length) return [];
  return db
    .select({ id: users.id, name: users.name, profile: menteeProfiles })
    .from(users)
    .leftJoin(menteeProfiles, eq(menteeProfiles.userId, users.id))
    .where(inArray(users.id, [...ids]))
    .orderBy(asc(users.name), asc(users.id))
    .all()
    .map((r) => ({ id: r.id, name: r.name, profile: r.profile ?? undefined }));
}

export type StagedProposal = { menteeId: string; mentorId: string | null; score: number | null; reasons: string[] };

/**
 * Scores every allowed pair and picks the assignment that gives a mentor to as many mentees as
 * possible and, among those, the greatest total score. Pure reads: nothing is written.
 */
export function planAssignment(menteeIds: readonly string[], at: number, mentors: readonly ApprovedMentor[] = approvedMentors()): StagedProposal[] {
  const mentees = loadMentees(menteeIds);
  const open = mentors.filter((m) => m.placesLeft > 0);
  const { ended, open: pending } = pairHistory(mentees.map((m) => m.id));
  const edges: { mentee: number; mentor: number; weight: number }[] = [];
  const scores = new Map<number, PairScore>();
  mentees.forEach((mentee, i) => {
    if (!mentee.profile) return;
    const traits = menteeTraits(mentee.profile);
    open.forEach((mentor, j) => {
      const key = `${mentor.profile.userId}|${mentee.id}`;
      if (mentor.profile.userId === mentee.id || pending.has(key)) return;
      const score = scorePair(mentorTraits(mentor.profile), traits, { placesLeft: mentor.placesLeft, endedBefore: ended.has(key), at });
      if (!score.eligible) return;
      scores.set(i * open.length + j, score);
      edges.push({ mentee: i, mentor: j, weight: score.score });
    });
  });
  const { mentorOf } = assignMentees({ menteeCount: mentees.length, capacities: open.map((m) => m.placesLeft), edges });
  const hadOption = new Set(edges.map((e) => e.mentee));
  return mentees.map((mentee, i) => {
    const j = mentorOf[i]!;
    if (j === -1) {
      const reason = !mentee.profile ? NO_PROFILE_REASON : hadOption.has(i) ? TAKEN_REASON : NO_FIT_REASON;
      return { menteeId: mentee.id, mentorId: null, score: null, reasons: [reason] };
    }
    const score = scores.get(i * open.length + j)!;
    return { menteeId: mentee.id, mentorId: open[j]!.profile.userId, score: score.score, reasons: score.reasons };
  });
}

export type RunOutcome = Outcome<{ runId: string; proposals: number; assigned: number }>;

/** Stages a run's proposals for review; nothing reaches anyone until it is published. */
export function createMatchRun({ actorId, pool }: { actorId: string; pool: MenteePool }): RunOutcome {
  const now = clock.now();
  const resolved = resolvePool(pool);
  if (!resolved) return refuse("Choose who to match from the list");
  if (!resolved.menteeIds.length) {
    return refuse(resolved.alreadyMentored ? "Everyone in that group already has a mentor" : "Nobody in that group is waiting for a mentor");
  }
  const staged = planAssignment(resolved.menteeIds, now);
  const runId = randomId(16);
  db.transaction(
    (tx) => {
      tx.insert(matchRuns).values({ id: runId, label: resolved.label, status: "draft", createdBy: actorId, createdAt: now }).run();
      for (const p of staged) tx.insert(matchProposals).values({ id: randomId(16), runId, ...p }).run();
      recordAudit(tx, { actorId, action: "match-run.created", targetType: "match-run", targetId: runId, details: { mentees: staged.length } });
    },
    { behavior: "immediate" },
  );
  return { ok: true, runId, proposals: staged.length, assigned: staged.filter((p) => p.mentorId).length };
}

/** Recent runs, newest first, with how many proposals each holds and how many have a mentor. */
export function listRuns(limit = 20) {
  return db
    .select({
      id: matchRuns.id,
      label: matchRuns.label,
      status: matchRuns.status,
      createdAt: matchRuns.createdAt,
      publishedAt: matchRuns.publishedAt,
      proposals: sql<number>`(select count(*) from ${matchProposals} where ${matchProposals.runId} = ${matchRuns.id})`,
      assigned: sql<number>`(select count(*) from ${matchProposals} where ${matchProposals.runId} = ${matchRuns.id} and ${matchProposals.mentorId} is not null)`,
    })
    .from(matchRuns)
    .orderBy(desc(matchRuns.createdAt), desc(matchRuns.id))
    .limit(limit)
    .all();
}
