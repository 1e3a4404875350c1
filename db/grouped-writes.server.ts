import { db, type Tx } from "./client.server";

type Queued = { work: (tx: Tx) => unknown; resolve: (value: never) => void; reject: (error: unknown) => void };

// Enough to share one flush among a rush's arrivals, small enough that none waits long behind it.
const MOST_PER_COMMIT = 100;
const queue: Queued[] = [];
let flushScheduled = false;

function flush() {
  flushScheduled = false;
  const batch = queue.splice(0, MOST_PER_COMMIT);
  if (queue.length) schedule();
  const settled: (() => void)[] = [];
  try {
    db.transaction(
      (outer) => {
        for (const item of batch) {
          try {
            // Each write in its own savepoint: one that fails is undone alone.
            const value = outer.transaction((tx) => item.work(tx));
            settled.push(() => item.resolve(value as never));
          } catch (error) {
            settled.push(() => item.reject(error));
          }
        }
      },
      { behavior: "immediate" },
    );
  } catch (error) {
    // The commit itself failed: nothing in the batch was written.
    for (const item of batch) item.reject(error);
    return;
  }
  for (const settle of settled) settle();
}

function schedule() {
  if (flushScheduled) return;
  flushScheduled = true;
  setImmediate(flush);
}

/**
 * Runs `work` in an immediate transaction shared with the other writes that arrive while this
 * turn of the event loop lasts: one commit, one disk flush, for all of them. Each write keeps its
 * own savepoint and its own outcome, and the promise settles only once the commit is on disk, so
 * every reply tells what was kept. Writes run in the order they arrived.
 */
export function groupedWrite<T>(work: (tx: Tx) => T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    queue.push({ work, resolve: resolve as (value: never) => void, reject });
    schedule();
  });
}
