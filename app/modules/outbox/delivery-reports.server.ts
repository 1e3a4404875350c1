import { and, eq } from "drizzle-orm";
import { db, type Tx } from "~db/client.server";
import { deliveryReports, outbox, type DeliveryStatus } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { logger } from "~/utils/logger.server";
import { fallBackFrom } from "./fallback.server";
import { recordSmsOptOut } from "./contact-book.server";
import type { DeliveryReport } from "./channels/types";

// Reports come twice and out of order (a "read" before its "delivered"): the shown status only
// moves forward, and "failed" counts only for a message not yet known to have arrived.
const RANK: Record<DeliveryStatus, number> = { sent: 0, failed: 1, delivered: 2, read: 3 };

function applyOne(tx: Tx, report: DeliveryReport, now: number): boolean {
  const row = tx
    .select()
    .from(outbox)
    .where(and(eq(outbox.provider, report.provider), eq(outbox.providerMessageId, report.providerMessageId)))
    .get();
  if (!row) return false;
  const fresh = tx
    .insert(deliveryReports)
    .values({
      outboxId: row.id,
      provider: report.provider,
      providerMessageId: report.providerMessageId,
      status: report.status,
      reason: (report.reason ?? "").slice(0, 500),
      reportedAt: report.reportedAt,
      receivedAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: deliveryReports.id })
    .get();
  if (!fresh) return false;
  if (report.optedOut && row.channel === "sms" && row.sentTo) recordSmsOptOut(tx, row.sentTo, report.provider, now);
  const current = row.deliveryStatus;
  if (current !== null && RANK[report.status] <= RANK[current]) return true;
  if (report.status === "failed") {
    fallBackFrom(tx, row, report.reason || "The provider could not deliver it.", now);
    return true;
  }
  tx.update(outbox).set({ deliveryStatus: report.status, deliveryStatusAt: report.reportedAt }).where(eq(outbox.id, row.id)).run();
  return true;
}

/**
 * Applies the delivery reports of one provider callback, each once: its row in
 * `delivery_reports` is written in the same transaction as its effect. A report for a message
 * we do not know (or no longer hold) changes nothing.
 */
export function applyDeliveryReports(reports: DeliveryReport[]): { applied: number } {
  const now = clock.now();
  let applied = 0;
  db.transaction(
    (tx) => {
      for (const report of reports) if (applyOne(tx, report, now)) applied += 1;
    },
    { behavior: "immediate" },
  );
  logger.info({ reports: reports.length, applied }, "delivery reports");
  return { applied };
}
