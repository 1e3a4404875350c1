import { and, desc, inArray, isNull, lt, notExists, sql } from "drizzle-orm";
import { db, type Tx } from "~db/client.server";
import { dataExports, dataSubjectRequests, donations, events, mentorships, recurringGifts, registrations, retentionRuns, userRoles, users } from "~db/schema";
import { clock, DAY, HOUR } from "~/utils/clock.server";
import { randomId } from "~/utils/ids.server";
import { logger } from "~/utils/logger.server";
import { applyAuthRetention } from "~/modules/auth/index.server";
import { applyEventsRetention } from "~/modules/events/index.server";
import { applyOrganisationRetention, getOrganisation, recordAudit, retentionCutoffs } from "~/modules/organisation/index.server";
import { applyOutboxRetention, scheduleJob } from "~/modules/outbox/index.server";
import { applySponsorshipRetention } from "~/modules/sponsorship/index.server";
import { eraseAccount, scrubFreedBytes } from "./erase-account.server";

export const RETENTION_JOB = "privacy.retention";

// The daily run, at 02:00 in Lagos (01:00 UTC): a quiet hour for the programme.
const RUN_HOUR_UTC = 1;

/**
 * Accounts nobody has logged in to since `inactiveBefore` (or, never logged in, created before
 * it), leaving out organisers and anyone with something still open: a mentorship proposed or
 * active, a monthly gift still taking payments, a booking for an event yet to end, or a request
 * being handled. Those are kept until it closes (ADR 0024).
 */
function inactiveAccounts(inactiveBefore: number, now: number): string[] {
  const none = notExists;
  return db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        isNull(users.erasedAt),
        lt(sql`coalesce(${users.lastLoginAt}, ${users.createdAt})`, inactiveBefore),
        none(db.select({ one: sql`1` }).from(userRoles).where(and(sql`${userRoles.userId} = ${users.id}`, sql`${userRoles.role} = 'organiser'`))),
        none(
          db
            .select({ one: sql`1` })
            .from(mentorships)
            .where(and(sql`(${mentorships.mentorId} = ${users.id} or ${mentorships.menteeId} = ${users.id})`, inArray(mentorships.status, ["proposed", "active"]))),
        ),
        none(
          db
            .select({ one: sql`1` })
            .from(recurringGifts)
            .innerJoin(donations, sql`${donations.id} = ${recurringGifts.firstDonationId}`)
            .where(and(sql`${donations.userId} = ${users.id}`, inArray(recurringGifts.status, ["active", "past_due"]))),
        ),
        none(
          db
            .select({ one: sql`1` })
            .from(registrations)
            .innerJoin(events, sql`${events.id} = ${registrations.eventId}`)
            .where(and(sql`${registrations.userId} = ${users.id}`, sql`${registrations.status} <> 'cancelled'`, sql`${events.endsAt} > ${now}`)),
        ),
        none(
          db
            .select({ one: sql`1` })
            .from(dataSubjectRequests)
            .where(and(sql`${dataSubjectRequests.userId} = ${users.id}`, inArray(dataSubjectRequests.status, ["open", "scheduled"]))),
        ),
      ),
    )
    .all()
    .map((row) => row.id);
}

/** Downloads whose links expired more than the organisation's period ago: the privacy area's own rows. */
function applyPrivacyRetention(tx: Tx, cutoffs: { endedRecordsBefore: number }): Record<string, number> {
  return { dataDownloads: tx.delete(dataExports).where(lt(dataExports.expiresAt, cutoffs.endedRecordsBefore)).run().changes };
}

export type RetentionRun = { id: string; at: number; removed: Record<string, number> };

/**
 * Applies every retention period at `at`: erases accounts unused for too long (each in its own
 * transaction, like any erasure), then each area removes or blanks what it has kept long enough,
 * in one transaction that also records the run and an audit entry with the counts.
 */
export function runRetention(at: number, actorId: string | null = null): RetentionRun {
  const cutoffs = retentionCutoffs(getOrganisation(), at);
  let accounts = 0;
  for (const userId of inactiveAccounts(cutoffs.inactiveBefore, at)) {
    if (eraseAccount({ userId, at, cause: "inactivity", actorId: null })) accounts += 1;
  }
  const id = randomId(16);
  const removed = db.transaction(
    (tx) => {
      const counts: Record<string, number> = {
        inactiveAccounts: accounts,
        ...applyAuthRetention(tx, cutoffs),
        ...applyEventsRetention(tx, cutoffs),
        ...applySponsorshipRetention(tx, cutoffs),
        ...applyOutboxRetention(tx, cutoffs),
        ...applyPrivacyRetention(tx, cutoffs),
        ...applyOrganisationRetention(tx, cutoffs),
      };
      tx.insert(retentionRuns).values({ id, at, removed: counts }).run();
      recordAudit(tx, { actorId, action: "retention.ran", targetType: "retention_run", targetId: id, details: counts });
      return counts;
    },
    { behavior: "immediate" },
  );
  if (Object.values(removed).some((n) => n > 0)) scrubFreedBytes();
  logger.info({ removed }, "retention run");
  return { id, at, removed };
}

/** An organiser's "run now" from the retention page. */
export function runRetentionNow(actorId: string): RetentionRun {
  return runRetention(clock.now(), actorId);
}

/** The latest runs, newest first, for the retention page. */
export function retentionHistory(limit = 10): RetentionRun[] {
  return db.select().from(retentionRuns).orderBy(desc(retentionRuns.at)).limit(limit).all();
}

/** The next daily run time after `now`, and its one-per-day key. */
function nextRun(now: number): { runAt: number; uniqueKey: string } {
  const day = new Date(now);
  day.setUTCHours(RUN_HOUR_UTC, 0, 0, 0);
  let runAt = day.getTime();
  if (runAt <= now) runAt += DAY;
  return { runAt, uniqueKey: `${RETENTION_JOB}:${new Date(runAt).toISOString().slice(0, 10)}` };
}

/**
 * Makes sure the next daily run is scheduled (at start, and by each run for the next day). The
 * key is the day, so starting twice, or a run retried, never schedules a day twice.
 */
export function ensureRetentionScheduled(now = clock.now()): void {
  const { runAt, uniqueKey } = nextRun(now);
  scheduleJob(db, { kind: RETENTION_JOB, runAt, uniqueKey });
}

/** The daily job: today's run, then tomorrow's is scheduled (an hour on, so the same day is not taken again). */
export function runDailyRetention(at: number): RetentionRun {
  const run = runRetention(at);
  ensureRetentionScheduled(at + HOUR);
  return run;
}
