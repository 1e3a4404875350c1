import { logger } from "~/utils/logger.server";
import { closeMailTransport, deliverDueMessages } from "./delivery.server";
import { runDueJobs } from "./jobs.server";

export type WorkerTick = { emails: number; jobs: number };

// Ticks run one after another, whoever starts them (the interval or a test).
let queue: Promise<unknown> = Promise.resolve();

/**
 * One pass: due jobs first (they may queue email), then due email. Returns how many of
 * each were attempted, whatever the outcome.
 */
export function runWorkerOnce(): Promise<WorkerTick> {
  const tick = queue.then(async () => {
    const jobs = await runDueJobs();
    const emails = await deliverDueMessages();
    return { emails, jobs };
  });
  queue = tick.catch(() => undefined);
  return tick;
}

/**
 * Runs a tick every `intervalMs` after the previous one ends, so ticks never overlap.
 * `stop()` cancels the next tick, waits for the one in progress, and closes the SMTP transport.
 */
export function startWorker({ intervalMs }: { intervalMs: number }): { stop(): Promise<void> } {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let current: Promise<void> | null = null;

  const tick = () => {
    timer = null;
    current = runWorkerOnce()
      .then(
        () => undefined,
        (error: unknown) => logger.error({ err: error }, "outbox worker tick failed"),
      )
      .finally(() => {
        current = null;
        if (!stopped) timer = setTimeout(tick, intervalMs);
      });
  };
  timer = setTimeout(tick, 0);
  logger.info({ intervalMs }, "outbox worker started");

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      if (current) await current;
      closeMailTransport();
    },
  };
}
