import { and, eq, gt, inArray, isNotNull, isNull, lte, notExists, or, sql } from "drizzle-orm";
import { db, type Tx } from "~db/client.server";
import { followUps, outcomes, users, type FollowUpTrigger } from "~db/schema";
import { DAY } from "~/utils/clock.server";
import { hashToken, randomId } from "~/utils/ids.server";
import { absoluteUrl } from "~/utils/urls.server";
import { findCohort, membersOfCohortsEndedBetween } from "~/modules/cohorts/index.server";
import { menteesOfMentorshipsEndedBetween } from "~/modules/mentoring/index.server";
import { getOrganisation } from "~/modules/organisation/index.server";
import { enqueueMessage } from "~/modules/outbox/index.server";

// "Where are you now?" some months after a cohort or a mentorship ends (ADR 0040). A daily sweep
// makes the due rows and sends each one message; one reminder two weeks later if unanswered, none
// after an answer or an outcome recorded another way. The link opens a one-page form without a
// log-in; only the token's hash is kept, so the reminder carries a fresh token that replaces it.

/** A follow-up due longer ago than this is let go: the first sweep after a long pause does not ask about every past cohort at once. */
export const FOLLOW_UP_WINDOW = 30 * DAY;
export const REMIND_AFTER = 14 * DAY;
export const LINK_LIFETIME = 60 * DAY;
/** Someone asked about one ending is not asked about another within this time (the row is kept, unsent). */
const QUIET_BETWEEN = 14 * DAY;

export function addMonths(instant: number, months: number): number {
  const date = new Date(instant);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.getTime();
}

type Due = { userId: string; trigger: FollowUpTrigger; subjectId: string; monthsAfter: number; dueAt: number };

/** Every follow-up due in (now - window, now], by the organisation's schedule. */
function dueFollowUps(now: number): Due[] {
  const due: Due[] = [];
  for (const months of getOrganisation().followUpMonths) {
    // Endings whose follow-up falls in the window; a day's slack on each side for months of unequal length.
    const from = addMonths(now - FOLLOW_UP_WINDOW, -months) - DAY;
    const to = addMonths(now, -months) + DAY;
    const endings = [
      ...membersOfCohortsEndedBetween(from, to).map((row) => ({ userId: row.userId, trigger: "cohort" as const, subjectId: row.cohortId, endedAt: row.endedAt })),
      ...menteesOfMentorshipsEndedBetween(from, to).map((row) => ({ userId: row.userId, trigger: "mentorship" as const, subjectId: row.mentorshipId, endedAt: row.endedAt })),
    ];
    for (const ending of endings) {
      const dueAt = addMonths(ending.endedAt, months);
      if (dueAt <= now && dueAt > now - FOLLOW_UP_WINDOW) due.push({ userId: ending.userId, trigger: ending.trigger, subjectId: ending.subjectId, monthsAfter: months, dueAt });
    }
  }
  return due.sort((a, b) => a.dueAt - b.dueAt);
}

/** Names and addresses of the people to ask; erased accounts are never asked. */
function askable(userIds: string[]): Map<string, { name: string; email: string }> {
  const ids = [...new Set(userIds)];
  if (!ids.length) return new Map();
  const rows = db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(and(inArray(users.id, ids), isNull(users.erasedAt))).all();
  return new Map(rows.map((row) => [row.id, row]));
}

export function sinceWords(trigger: FollowUpTrigger, subjectId: string): string {
  if (trigger === "mentorship") return "your mentorship ended";
  const cohort = findCohort(subjectId);
  return cohort ? `${cohort.cohort.name} ended` : "your cohort ended";
}

const linkFor = (token: string) => absoluteUrl(`/follow-ups/${token}`);

function recentlyAsked(tx: Tx, userId: string, now: number): boolean {
  const since = now - QUIET_BETWEEN;
  return Boolean(
    tx
      .select({ id: followUps.id })
      .from(followUps)
      .where(and(eq(followUps.userId, userId), or(gt(followUps.sentAt, since), gt(followUps.remindedAt, since))))
      .limit(1)
      .get(),
  );
}

/** Makes the due rows and queues their messages; returns how many were sent. */
export function sendDueFollowUps(now: number): number {
  const due = dueFollowUps(now);
  if (!due.length) return 0;
  const people = askable(due.map((row) => row.userId));
  const since = new Map<string, string>();
  let sent = 0;
  for (const row of due) {
    const person = people.get(row.userId);
    if (!person) continue;
    const subjectKey = `${row.trigger}:${row.subjectId}`;
    if (!since.has(subjectKey)) since.set(subjectKey, sinceWords(row.trigger, row.subjectId));
    db.transaction(
      (tx) => {
        const exists = tx
          .select({ id: followUps.id })
          .from(followUps)
          .where(and(eq(followUps.userId, row.userId), eq(followUps.trigger, row.trigger), eq(followUps.subjectId, row.subjectId), eq(followUps.monthsAfter, row.monthsAfter)))
          .get();
        if (exists) return;
        const quiet = recentlyAsked(tx, row.userId, now);
        const token = randomId(20);
        tx.insert(followUps)
          .values({ id: randomId(16), ...row, tokenHash: quiet ? null : hashToken(token), sentAt: quiet ? null : now, createdAt: now })
          .run();
        if (quiet) return;
        enqueueMessage(tx, person.email, "follow-up-request", { name: person.name, since: since.get(subjectKey)!, months: row.monthsAfter, url: linkFor(token), reminder: false });
        sent += 1;
      },
      { behavior: "immediate" },
    );
  }
  return sent;
}

/** One reminder, two weeks on, for a question neither answered nor made moot by an outcome recorded since. */
export function sendFollowUpReminders(now: number): number {
  const waiting = db
    .select()
    .from(followUps)
    .where(
      and(
        isNull(followUps.answeredAt),
        isNull(followUps.remindedAt),
        isNotNull(followUps.sentAt),
        lte(followUps.sentAt, now - REMIND_AFTER),
        gt(followUps.sentAt, now - LINK_LIFETIME),
        notExists(db.select({ one: sql`1` }).from(outcomes).where(and(sql`${outcomes.userId} = ${followUps.userId}`, sql`${outcomes.recordedAt} >= ${followUps.sentAt}`))),
      ),
    )
    .all();
  if (!waiting.length) return 0;
  const people = askable(waiting.map((row) => row.userId));
  let sent = 0;
  for (const row of waiting) {
    const person = people.get(row.userId);
    if (!person) continue;
    const token = randomId(20);
    const since = sinceWords(row.trigger, row.subjectId);
    const reminded = db.transaction(
      (tx) => {
        const updated = tx
          .update(followUps)
          .set({ tokenHash: hashToken(token), remindedAt: now })
          .where(and(eq(followUps.id, row.id), isNull(followUps.remindedAt), isNull(followUps.answeredAt)))
          .run().changes;
        if (updated) enqueueMessage(tx, person.email, "follow-up-request", { name: person.name, since, months: row.monthsAfter, url: linkFor(token), reminder: true });
        return updated > 0;
      },
      { behavior: "immediate" },
    );
    if (!reminded) continue;
    sent += 1;
  }
  return sent;
}

export type FollowUpRow = typeof followUps.$inferSelect;

/** The follow-ups of these people, for their journey and their data. */
export function followUpsOf(userIds: string[]): FollowUpRow[] {
  if (!userIds.length) return [];
  return db.select().from(followUps).where(inArray(followUps.userId, userIds)).all();
}

export function followUpByToken(token: string): FollowUpRow | null {
  if (!/^[a-z2-7]{16,64}$/.test(token)) return null;
  return db.select().from(followUps).where(eq(followUps.tokenHash, hashToken(token))).get() ?? null;
}

/** When the link in the latest message stops working. */
export function linkExpiresAt(row: FollowUpRow): number {
  return (row.remindedAt ?? row.sentAt ?? row.createdAt) + LINK_LIFETIME;
}
