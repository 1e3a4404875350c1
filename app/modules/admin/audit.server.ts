import { desc } from "drizzle-orm";
import { db } from "~db/client.server";
import { auditLog } from "~db/schema";
import { clock } from "~/utils/clock.server";

type Tx = Pick<typeof db, "insert">;

export type AuditEntry = {
  actorId: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  details?: Record<string, unknown>;
};

/** Records an organiser-visible event; pass the transaction that makes the change. */
export function recordAudit(tx: Tx, entry: AuditEntry) {
  tx.insert(auditLog)
    .values({
      at: clock.now(),
      actorId: entry.actorId,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      details: entry.details ?? {},
    })
    .run();
}

export function recentAudit(limit = 100) {
  return db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(limit).all();
}
