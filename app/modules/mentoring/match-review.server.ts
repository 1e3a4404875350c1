import { and, asc, eq, isNotNull, ne } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { db } from "~db/client.server";
import { matchProposals, matchRuns, mentorships, users } from "~db/schema";
import { notFound } from "~/utils/http.server";
import { createMatchedMentorship } from "./mentorships.server";
import { getMenteeProfile } from "./profiles.server";
import { scorePair } from "./scoring";
import { approvedMentors, menteeTraits, mentorTraits, pairHistory } from "./suggestions.server";
import { recordAudit } from "~/modules/organisation/index.server";
import { awaitsGuardian } from "~/modules/auth/index.server";
import { refuse, type Outcome } from "~/utils/refusal";
import { clock } from "~/utils/clock.server";

type MatchRun = typeof matchRuns.$inferSelect;

const mentee = alias(users, "mentee");
const mentor = alias(users, "mentor");

export function findRun(runId: string): MatchRun {
  const run = db.select().from(matchRuns).where(eq(matchRuns.id, runId)).get();
  if (!run) notFound("There is no such matching run.");
  return run;
}

/** A run's proposals with both names, mentees in name order. */
export function runProposals(runId: string) {
  return db
    .select({
      id: matchProposals.id,
      menteeId: matchProposals.menteeId,
      menteeName: mentee.name,
      mentorId: matchProposals.mentorId,
      mentorName: mentor.name,
      score: matchProposals.score,
      reasons: matchProposals.reasons,
      outcome: matchProposals.outcome,
      mentorshipId: matchProposals.mentorshipId,
    })
    .from(matchProposals)
    .innerJoin(mentee, eq(mentee.id, matchProposals.menteeId))
    .leftJoin(mentor, eq(mentor.id, matchProposals.mentorId))
    .where(eq(matchProposals.runId, runId))
    .orderBy(asc(mentee.name), asc(matchProposals.id))
    .all();
}

function proposalIn(runId: string, proposalId: string) {
  const found = db
    .select()
    .from(matchProposals)
    .where(and(eq(matchProposals.id, proposalId), eq(matchProposals.runId, runId)))
    .get();
  if (!found) notFound("There is no such proposal in this run.");
  return found;
}

type MentorOption = { mentorId: string; name: string; score: number; reasons: string[]; placesLeft: number };

/** Mentors who could take this proposal's mentee, counting places the run's other proposals already use. */
export function eligibleMentorsFor(runId: string, proposalId: string): MentorOption[] {
  const at = clock.now();
  const proposal = proposalIn(runId, proposalId);
  const profile = getMenteeProfile(proposal.menteeId);
  if (!profile || awaitsGuardian(proposal.menteeId)) return [];
  const usedElsewhere = new Map<string, number>();
  const others = db
    .select({ mentorId: matchProposals.mentorId })
    .from(matchProposals)
    .where(and(eq(matchProposals.runId, runId), ne(matchProposals.id, proposalId), isNotNull(matchProposals.mentorId)))
    .all();
  for (const o of others) usedElsewhere.set(o.mentorId!, (usedElsewhere.get(o.mentorId!) ?? 0) + 1);
  const { ended, open } = pairHistory([proposal.menteeId]);
  const traits = menteeTraits(profile);
  const options: MentorOption[] = [];
  for (const m of approvedMentors()) {
    const id = m.profile.userId;
    const key = `${id}|${proposal.menteeId}`;
    if (id === proposal.menteeId || open.has(key)) continue;
    const placesLeft = m.placesLeft - (usedElsewhere.get(id) ?? 0);
    const score = scorePair(mentorTraits(m.profile), traits, { placesLeft, endedBefore: ended.has(key), at });
    if (score.eligible) options.push({ mentorId: id, name: m.name, score: score.score, reasons: score.reasons, placesLeft });
  }
  return options.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
}

function requireDraft(run: MatchRun) {
  if (run.status !== "draft") return `This run was already ${run.status}.`;
  return null;
}

/** Gives a proposal another eligible mentor, or none; an error in words when that is not allowed. */
export function changeProposal({ actorId, runId, proposalId, mentorId }: { actorId: string; runId: string; proposalId: string; mentorId: string | null }): string | null {
  const problem = requireDraft(findRun(runId));
  if (problem) return problem;
  proposalIn(runId, proposalId);
  let values: { mentorId: string | null; score: number | null; reasons: string[] } = { mentorId: null, score: null, reasons: ["Left without a mentor by an organiser"] };
  if (mentorId) {
    const option = eligibleMentorsFor(runId, proposalId).find((o) => o.mentorId === mentorId);
    if (!option) return "That mentor cannot take this mentee: choose one from the list.";
    values = { mentorId, score: option.score, reasons: option.reasons };
  }
  db.transaction(
    (tx) => {
      tx.update(matchProposals).set(values).where(eq(matchProposals.id, proposalId)).run();
      recordAudit(tx, { actorId, action: "match-run.proposal-changed", targetType: "match-run", targetId: runId, details: { proposalId, mentorId } });
    },
    { behavior: "immediate" },
  );
  return null;
}

type PublishOutcome = Outcome<{ made: number; notMade: { menteeName: string; reason: string }[] }>;

/**
 * Makes every assigned proposal a mentorship in one immediate transaction: capacity is checked
 * against what is true now, so a place taken since the run was staged is reported, not overfilled.
 */
export function publishRun({ actorId, runId }: { actorId: string; runId: string }): PublishOutcome {
  const now = clock.now();
  findRun(runId);
  return db.transaction(
    (tx): PublishOutcome => {
      const run = tx.select().from(matchRuns).where(eq(matchRuns.id, runId)).get()!;
      const problem = requireDraft(run);
      if (problem) return refuse(problem);
      // Same connection as the transaction: these are the proposals as they stand now.
      const proposals = runProposals(runId);
      let made = 0;
      const notMade: { menteeName: string; reason: string }[] = [];
      for (const p of proposals) {
        if (!p.mentorId) {
          tx.update(matchProposals).set({ outcome: "No mentor assigned" }).where(eq(matchProposals.id, p.id)).run();
          continue;
        }
        // The run was staged for mentees without a mentor: one who found one since keeps just that one.
        const mentored = tx.select({ id: mentorships.id }).from(mentorships).where(and(eq(mentorships.menteeId, p.menteeId), eq(mentorships.status, "active"))).get();
        const result = mentored
          ? refuse(`${p.menteeName} already has a mentor now.`)
          : createMatchedMentorship(tx, { mentorId: p.mentorId, menteeId: p.menteeId, runId, now });
        if (result.ok) {
          made += 1;
          tx.update(matchProposals).set({ mentorshipId: result.id, outcome: "Matched" }).where(eq(matchProposals.id, p.id)).run();
        } else {
          notMade.push({ menteeName: p.menteeName, reason: result.message });
          tx.update(matchProposals).set({ outcome: `Not made: ${result.message}` }).where(eq(matchProposals.id, p.id)).run();
        }
      }
      tx.update(matchRuns).set({ status: "published", publishedAt: now }).where(eq(matchRuns.id, runId)).run();
      recordAudit(tx, { actorId, action: "match-run.published", targetType: "match-run", targetId: runId, details: { made, notMade: notMade.length } });
      return { ok: true, made, notMade };
    },
    { behavior: "immediate" },
  );
}

export function discardRun({ actorId, runId }: { actorId: string; runId: string }): string | null {
  findRun(runId);
  return db.transaction(
    (tx) => {
      const run = tx.select().from(matchRuns).where(eq(matchRuns.id, runId)).get()!;
      const problem = requireDraft(run);
      if (problem) return problem;
      tx.update(matchRuns).set({ status: "discarded" }).where(eq(matchRuns.id, runId)).run();
      recordAudit(tx, { actorId, action: "match-run.discarded", targetType: "match-run", targetId: runId });
      return null;
    },
    { behavior: "immediate" },
  );
}
