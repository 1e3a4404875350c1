import { and, eq, isNull } from "drizzle-orm";
import { db } from "~db/client.server";
import { followUps, type OutcomeKind } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { refuse, type Outcome } from "~/utils/refusal";
import { peopleByIds } from "~/modules/auth/index.server";
import { insertOutcome, outcomesOf } from "./outcomes.server";
import { followUpByToken, linkExpiresAt, sinceWords } from "./follow-ups.server";
import type { OutcomeValues, StoryValues } from "./schemas";
import { putStory, storyOf } from "./stories.server";

/** What the tokened page shows: the question, that it was answered, or that the link ran out. */
export type FollowUpPage =
  | { state: "open"; firstName: string; since: string; months: number; expiresAt: number; story: StoryValues | null }
  | { state: "answered"; firstName: string; answeredAt: number; kind: OutcomeKind | null }
  | { state: "expired"; expiredAt: number };

/** The page behind a follow-up link; null for a link that never existed (or was replaced by the reminder's). */
export function followUpPage(token: string): FollowUpPage | null {
  const row = followUpByToken(token);
  if (!row) return null;
  const person = peopleByIds([row.userId]).get(row.userId);
  if (!person) return null;
  const firstName = person.name.trim().split(/\s+/)[0] ?? "";
  if (row.answeredAt !== null) {
    const outcome = outcomesOf(row.userId).find((o) => o.id === row.outcomeId);
    return { state: "answered", firstName, answeredAt: row.answeredAt, kind: outcome?.kind ?? null };
  }
  const expiresAt = linkExpiresAt(row);
  if (expiresAt <= clock.now()) return { state: "expired", expiredAt: expiresAt };
  const story = storyOf(row.userId);
  return {
    state: "open",
    firstName,
    since: sinceWords(row.trigger, row.subjectId),
    months: row.monthsAfter,
    expiresAt,
    story: story && !story.withdrawnAt ? { story: story.text, mayQuote: story.mayQuote, byName: story.byName } : null,
  };
}

/**
 * Records the answer: an outcome (source follow_up) and, when words were given, the story with
 * the consent chosen. Once only: a second answer through the same link is refused.
 */
export function answerFollowUp(token: string, values: OutcomeValues & StoryValues): Outcome<{ outcomeId: string }> {
  const now = clock.now();
  return db.transaction(
    (tx) => {
      const row = followUpByToken(token);
      if (!row) return refuse("This link does not work.", { status: 404, code: "unknown" });
      if (row.answeredAt !== null) return refuse("You have already answered. Thank you!", { status: 409, code: "answered" });
      if (linkExpiresAt(row) <= now) return refuse("This link has expired.", { status: 409, code: "expired" });
      const outcomeId = insertOutcome(tx, { userId: row.userId, values, source: "follow_up", recordedBy: row.userId, at: now });
      if (values.story) putStory(tx, row.userId, { story: values.story, mayQuote: values.mayQuote, byName: values.byName }, now);
      tx.update(followUps).set({ answeredAt: now, outcomeId }).where(and(eq(followUps.id, row.id), isNull(followUps.answeredAt))).run();
      return { ok: true, outcomeId };
    },
    { behavior: "immediate" },
  );
}
