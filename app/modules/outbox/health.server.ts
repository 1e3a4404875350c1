import { sql } from "drizzle-orm";
import { db } from "~db/client.server";
import { outbox } from "~db/schema";

export type OutboxHealth = { pending: number; dead: number };

/** How much email is waiting and how much gave up. */
export function outboxHealth(): OutboxHealth {
  const rows = db
    .select({ status: outbox.status, n: sql<number>`count(*)` })
    .from(outbox)
    .where(sql`${outbox.status} in ('pending', 'dead')`)
    .groupBy(outbox.status)
    .all();
  const health: OutboxHealth = { pending: 0, dead: 0 };
  for (const row of rows) if (row.status === "pending" || row.status === "dead") health[row.status] = row.n;
  return health;
}
