import { and, eq, inArray, sql } from "drizzle-orm";
import { db, type Tx } from "~db/client.server";
import { cohortMembers, exerciseAnswers } from "~db/schema";
import { randomId } from "~/utils/ids.server";
import { issueCertificateIfComplete } from "./certificates.server";
import { JOURNAL_MAX_ENTRIES, type JournalEntry } from "~/modules/curriculum";
import { clock } from "~/utils/clock.server";

export type StoredAnswer = { answer: Record<string, unknown>; completedAt: number | null; updatedAt: number };

/** The person a cohort membership belongs to, or null. */
export function memberOwner(memberId: string): string | null {
  return db.select({ userId: cohortMembers.userId }).from(cohortMembers).where(eq(cohortMembers.id, memberId)).get()?.userId ?? null;
}

/**
 * A member's stored answers by step id, all of them or only `stepIds`. Answers are private: call it
 * only for the member themselves or through mentoring's `readableAnswersFor`, which decides who
 * else may read which steps.
 */
export function memberAnswers(memberId: string, stepIds?: string[]): Map<string, StoredAnswer> {
  if (stepIds && !stepIds.length) return new Map();
  const rows = db
    .select({ stepId: exerciseAnswers.stepId, answer: exerciseAnswers.answer, completedAt: exerciseAnswers.completedAt, updatedAt: exerciseAnswers.updatedAt })
    .from(exerciseAnswers)
    .where(and(eq(exerciseAnswers.memberId, memberId), stepIds ? inArray(exerciseAnswers.stepId, stepIds) : undefined))
    .all();
  return new Map(rows.map(({ stepId, ...rest }) => [stepId, rest]));
}

/** The answers of `memberId` when `userId` is that member; nothing for anyone else. */
export function ownAnswers(userId: string, memberId: string): Map<string, StoredAnswer> {
  return memberOwner(memberId) === userId ? memberAnswers(memberId) : new Map();
}

/** Stores an answer and marks the step done (the first completion time is kept when editing). */
export function completeStep(tx: Tx, memberId: string, stepId: string, answer: Record<string, unknown>, now: number) {
  tx.insert(exerciseAnswers)
    .values({ memberId, stepId, answer, completedAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: [exerciseAnswers.memberId, exerciseAnswers.stepId],
      set: { answer, updatedAt: now, completedAt: sql`coalesce(${exerciseAnswers.completedAt}, ${now})` },
    })
    .run();
  return issueCertificateIfComplete(tx, memberId, now);
}

type SaveOutcome = { certificateId: string | null; finishedNow: boolean };

/** Saves the exercise of a step the caller has checked is open to this member. */
export function saveAnswer({ memberId, stepId, answer }: { memberId: string; stepId: string; answer: Record<string, unknown> }): SaveOutcome {
  const now = clock.now();
  return db.transaction((tx) => completeStep(tx, memberId, stepId, answer, now), { behavior: "immediate" });
}

/** Adds a dated entry to a journal exercise; the first entry completes the step. */
export function addJournalEntry({ memberId, stepId, values }: { memberId: string; stepId: string; values: Record<string, string> }): SaveOutcome & { full: boolean } {
  const now = clock.now();
  return db.transaction(
    (tx) => {
      const current = tx
        .select({ answer: exerciseAnswers.answer })
        .from(exerciseAnswers)
        .where(and(eq(exerciseAnswers.memberId, memberId), eq(exerciseAnswers.stepId, stepId)))
        .get();
      const entries = Array.isArray(current?.answer.entries) ? (current.answer.entries as JournalEntry[]) : [];
      if (entries.length >= JOURNAL_MAX_ENTRIES) return { certificateId: null, finishedNow: false, full: true };
      const entry: JournalEntry = { id: randomId(8), at: now, values };
      return { ...completeStep(tx, memberId, stepId, { entries: [...entries, entry] }, now), full: false };
    },
    { behavior: "immediate" },
  );
}
