import { eq } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { jobs } from "~db/schema";
import type { Job } from "~/modules/outbox/jobs.server";
import { MAX_ATTEMPTS } from "~/modules/outbox/retry.server";
import { runWorkerOnce } from "~/modules/outbox/worker.server";
import { clock, HOUR, MINUTE } from "~/utils/clock.server";
import { registerJobHandler, scheduleJob, type JobPayload, startWorker } from "~/modules/outbox/index.server";

const T0 = Date.UTC(2026, 10, 25, 9, 0);

beforeEach(() => {
  clock.set(T0);
  db.delete(jobs).run();
});

afterAll(() => clock.set(null));

function job(id: string) {
  return db.select().from(jobs).where(eq(jobs.id, id)).get()!;
}

function schedule(input: Parameters<typeof scheduleJob>[1]) {
  return db.transaction((tx) => scheduleJob(tx, input));
}

describe("scheduled jobs", () => {
  it("wait until their time, then run once with their payload", async () => {
    const calls: Array<{ payload: JobPayload; job: Job }> = [];
    registerJobHandler("test.remind", (payload, job) => {
      calls.push({ payload, job });
    });
    const id = schedule({ kind: "test.remind", runAt: T0 + HOUR, payload: { eventId: "e1" } })!;

    expect(await runWorkerOnce()).toEqual({ emails: 0, jobs: 0 });
    clock.set(T0 + HOUR - 1);
    expect(await runWorkerOnce()).toEqual({ emails: 0, jobs: 0 });
    expect(calls).toHaveLength(0);

    clock.set(T0 + HOUR);
    expect(await runWorkerOnce()).toEqual({ emails: 0, jobs: 1 });
    expect(calls).toHaveLength(1);
    expect(calls[0].payload).toEqual({ eventId: "e1" });
    expect(calls[0].job.id).toBe(id);
    expect(job(id)).toMatchObject({ status: "done", attempts: 1, completedAt: T0 + HOUR, lockedUntil: null });

    clock.advance(HOUR);
    expect(await runWorkerOnce()).toEqual({ emails: 0, jobs: 0 });
    expect(calls).toHaveLength(1);
  });

  it("keep one job per unique key", async () => {
    let runs = 0;
    registerJobHandler("test.once", () => {
      runs += 1;
    });
    const first = schedule({ kind: "test.once", runAt: T0, uniqueKey: "reminder:r1" });
    const second = schedule({ kind: "test.once", runAt: T0 + MINUTE, uniqueKey: "reminder:r1" });
    const other = schedule({ kind: "test.once", runAt: T0, uniqueKey: "reminder:r2" });
    expect(first).toBeTypeOf("string");
    expect(second).toBeNull();
    expect(other).toBeTypeOf("string");
    expect(db.select().from(jobs).all()).toHaveLength(2);
    expect(job(first!).runAt).toBe(T0);

    await runWorkerOnce();
    expect(runs).toBe(2);
    // Still one, even after it ran.
    expect(schedule({ kind: "test.once", runAt: T0, uniqueKey: "reminder:r1" })).toBeNull();
  });

  it("are not scheduled when the transaction rolls back", () => {
    expect(() =>
      db.transaction((tx) => {
        scheduleJob(tx, { kind: "test.remind", runAt: T0 });
        tx.rollback();
      }),
    ).toThrow();
    expect(db.select().from(jobs).all()).toEqual([]);
  });

  it("retry a failing handler with growing delays and give up after the last attempt", async () => {
    let runs = 0;
    registerJobHandler("test.fails", () => {
      runs += 1;
      throw new Error(`still broken (${runs})`);
    });
    const id = schedule({ kind: "test.fails", runAt: T0 })!;
    let previousDelay = 0;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      expect(await runWorkerOnce()).toEqual({ emails: 0, jobs: 1 });
      const after = job(id);
      expect(after).toMatchObject({ attempts: attempt, lastError: `still broken (${attempt})` });
      if (attempt === MAX_ATTEMPTS) break;
      expect(after.status).toBe("pending");
      const delay = after.runAt - clock.now();
      const expected = Math.min(MINUTE * 2 ** (attempt - 1), 12 * HOUR);
      expect(delay).toBeGreaterThanOrEqual(expected * 0.9);
      expect(delay).toBeLessThanOrEqual(expected);
      expect(delay).toBeGreaterThanOrEqual(previousDelay * 0.9);
      previousDelay = delay;
      expect(await runWorkerOnce()).toEqual({ emails: 0, jobs: 0 });
      clock.set(after.runAt);
    }
    expect(job(id).status).toBe("dead");
    expect(runs).toBe(MAX_ATTEMPTS);
    clock.advance(24 * HOUR);
    expect(await runWorkerOnce()).toEqual({ emails: 0, jobs: 0 });
  });

  it("succeed on a later attempt after a failure", async () => {
    let runs = 0;
    registerJobHandler("test.flaky", async () => {
      runs += 1;
      if (runs === 1) throw new Error("database busy");
    });
    const id = schedule({ kind: "test.flaky", runAt: T0 })!;
    await runWorkerOnce();
    const failed = job(id);
    expect(failed).toMatchObject({ status: "pending", attempts: 1, lastError: "database busy" });
    clock.set(failed.runAt);
    await runWorkerOnce();
    expect(job(id)).toMatchObject({ status: "done", attempts: 2, completedAt: failed.runAt });
  });

  it("of a kind nobody handles are marked dead with a clear error", async () => {
    const id = schedule({ kind: "test.nobody", runAt: T0 })!;
    await runWorkerOnce();
    expect(job(id)).toMatchObject({
      status: "dead",
      attempts: 1,
      lastError: 'No handler is registered for job kind "test.nobody"',
    });
  });
});

describe("startWorker", () => {
  it("runs ticks on its own, never two at once, and stop() waits for the tick in progress", async () => {
    let running = 0;
    let most = 0;
    let done = 0;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    registerJobHandler("test.slow", async () => {
      running += 1;
      most = Math.max(most, running);
      await gate;
      running -= 1;
      done += 1;
    });
    schedule({ kind: "test.slow", runAt: T0 });

    const worker = startWorker({ intervalMs: 5 });
    await expect.poll(() => running, { timeout: 2000, interval: 5 }).toBe(1);
    // A tick started by hand waits its turn behind the worker's.
    const manual = runWorkerOnce();
    let stopped = false;
    const stopping = worker.stop().then(() => {
      stopped = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stopped).toBe(false);
    expect(done).toBe(0);

    release();
    await stopping;
    expect(done).toBe(1);
    expect(most).toBe(1);
    expect(await manual).toEqual({ emails: 0, jobs: 0 });

    // Once stopped, no more ticks: a due job stays pending.
    const later = schedule({ kind: "test.slow", runAt: T0 })!;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(job(later).status).toBe("pending");
  });
});
