import { and, eq, lte, sql } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { jobs, outbox } from "~db/schema";

/**
 * Closes the demo's made-up past before the app starts. Its emails are dropped, not sent: nobody
 * is told today about things that "happened" weeks before the demo existed. The jobs that fell
 * due in it count as run at their time; those still to come stay, so reminders, step releases
 * and check-ins carry on from here. The outbox has no way to do this (a running app never needs
 * it), so this is the one place the seed writes another area's tables itself.
 */
export function settleHistory(db: Db, now: number) {
  db.transaction(
    (tx) => {
      tx.delete(outbox).where(lte(outbox.createdAt, now)).run();
      tx.update(jobs)
        .set({ status: "done", completedAt: sql`${jobs.runAt}` })
        .where(and(eq(jobs.status, "pending"), lte(jobs.runAt, now)))
        .run();
    },
    { behavior: "immediate" },
  );
}
