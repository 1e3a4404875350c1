import { inArray } from "drizzle-orm";
import { db } from "~db/client.server";
import { runningTotals as totalsTable } from "~db/schema";

/**
 * Counts over whole tables, kept by triggers in the same transaction as every write to them
 * (migration 0026, ADR 0054): one indexed read, whatever the tables hold. A name never counted is 0.
 */
export function runningTotals<N extends string>(names: readonly N[]): Record<N, number> {
  const totals = Object.fromEntries(names.map((name) => [name, 0])) as Record<N, number>;
  for (const row of db.select().from(totalsTable).where(inArray(totalsTable.name, [...names])).all()) totals[row.name as N] = row.value;
  return totals;
}
