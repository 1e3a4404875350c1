import { and, asc, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { type Tx, db, likePrefix } from "~db/client.server";
import { jobs } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { randomId } from "~/utils/ids.server";
import { logger } from "~/utils/logger.server";
import { singleton } from "~/utils/singleton.server";
import { errorMessage, LOCK_DURATION, MAX_ATTEMPTS, retryDelay } from "./retry.server";
import { whenNoRequestWaits } from "~/utils/request-load.server";

export type Job = typeof jobs.$inferSelect;
export type JobPayload = Record<string, unknown>;
type JobHandler = (payload: JobPayload, job: Job) => Promise<void> | void;


const BATCH_SIZE = 20;

// Shared by every copy of this module in the process (the server and the app build each load it).
const handlers = singleton("job-handlers", () => new Map<string, JobHandler>());

/**
 * Says what to do when a job of `kind` is due. Register at module load, in a module the
 * server imports before it starts the worker, so no due job meets an unknown kind.
 * Registering the same kind again replaces the handler.
 */
export function registerJobHandler(kind: string, handler: JobHandler): void {
  handlers.set(kind, handler);
}

type ScheduleJobInput = { kind: string; runAt: number; payload?: JobPayload; uniqueKey?: string };

// Prepared once: bookings schedule their event's reminders every time (ADR 0046). On the one
// connection it runs inside the caller's transaction.
const insertJobStatement = db
  .insert(jobs)
  .values({
    id: sql.placeholder("id"),
    kind: sql.placeholder("kind"),
    runAt: sql.placeholder("runAt"),
    payload: sql.placeholder("payload"),
    uniqueKey: sql.placeholder("uniqueKey"),
    createdAt: sql.placeholder("createdAt"),
  })
  .onConflictDoNothing()
  .returning({ id: jobs.id })
  .prepare();

/**
 * Schedules work for `runAt` (ms since epoch) in the caller's transaction. With a `uniqueKey`,
 * a job with that key is kept once, ever: scheduling it again does nothing and returns null.
 */
export function scheduleJob(tx: Tx, { kind, runAt, payload = {}, uniqueKey }: ScheduleJobInput): string | null {
  const id = randomId(16);
  const inserted = insertJobStatement.all({ id, kind, runAt, payload, uniqueKey: uniqueKey ?? null, createdAt: clock.now() });
  return inserted.length ? id : null;
}

/** Drops the pending jobs whose de-duplication key starts with `prefix` (their subject is gone). */
export function dropPendingJobs(tx: Tx, uniqueKeyPrefix: string): number {
  return tx
    .delete(jobs)
    .where(and(eq(jobs.status, "pending"), sql`${jobs.uniqueKey} like ${likePrefix(uniqueKeyPrefix)} escape '\\'`))
    .run().changes;
}

const DONE_MARKER = "done-marker";

/**
 * Records in the caller's transaction that the work named `key` has been done: true the first
 * time, false ever after. A handler that may run again (a retry, an overlapping schedule) does
 * its writes only when this returns true, so its effect (an email, say) happens once per key.
 */
export function firstTime(tx: Tx, key: string): boolean {
  const now = clock.now();
  const inserted = tx
    .insert(jobs)
    .values({
      id: randomId(16),
      kind: DONE_MARKER,
      runAt: now,
      payload: {},
      uniqueKey: `done:${key}`,
      status: "done",
      createdAt: now,
      completedAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: jobs.id })
    .all();
  return inserted.length > 0;
}

function claimDueJobs(now: number): Job[] {
  const due = db
    .select({ id: jobs.id })
    .from(jobs)
    .where(
      and(eq(jobs.status, "pending"), lte(jobs.runAt, now), or(isNull(jobs.lockedUntil), lte(jobs.lockedUntil, now))),
    )
    .orderBy(asc(jobs.runAt))
    .limit(BATCH_SIZE);
  return db
    .update(jobs)
    .set({ lockedUntil: now + LOCK_DURATION })
    .where(inArray(jobs.id, due))
    .returning()
    .all();
}

function markFailed(job: Job, attempts: number, lastError: string, final: boolean) {
  const dead = final || attempts >= MAX_ATTEMPTS;
  db.update(jobs)
    .set({
      status: dead ? "dead" : "pending",
      attempts,
      lastError,
      lockedUntil: null,
      runAt: dead ? job.runAt : clock.now() + retryDelay(attempts),
    })
    .where(eq(jobs.id, job.id))
    .run();
  const fields = { jobId: job.id, kind: job.kind, attempts, error: lastError };
  if (dead) logger.error(fields, "job marked dead");
  else logger.warn(fields, "job failed; will retry");
}

async function runOne(job: Job) {
  const attempts = job.attempts + 1;
  const handler = handlers.get(job.kind);
  if (!handler) {
    markFailed(job, attempts, `No handler is registered for job kind "${job.kind}"`, true);
    return;
  }
  try {
    await handler(job.payload, job);
  } catch (error) {
    markFailed(job, attempts, errorMessage(error), false);
    return;
  }
  db.update(jobs)
    .set({ status: "done", attempts, completedAt: clock.now(), lockedUntil: null })
    .where(eq(jobs.id, job.id))
    .run();
}

/** Runs one batch of due jobs, one after another; returns how many were run. */
export async function runDueJobs(): Promise<number> {
  const due = claimDueJobs(clock.now());
  for (const job of due) {
    await whenNoRequestWaits();
    await runOne(job);
  }
  return due.length;
}
