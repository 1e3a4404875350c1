import { TZDate } from "@date-fns/tz";
import { eq } from "drizzle-orm";
import type { Tx } from "~db/client.server";
import { donations } from "~db/schema";
import { isoDate } from "~/utils/dates";
import { refuse, type Outcome } from "~/utils/refusal";
import { recordAudit } from "~/modules/organisation/index.server";
import { markDonationPaid } from "./fulfilment.server";

const NOT_A_PENDING_TRANSFER = refuse("Only a bank transfer that is still waiting can be marked received.", { code: "not-a-pending-transfer" });

/** Where the news that a transfer arrived came from, for the audit log. */
type ReceivedVia = { by: "hand" } | { by: "statement"; statementId: string; lineId: string };

/**
 * The instant a transfer counts as paid, from the day it arrived in the organisation's time
 * zone: now when that is today, else midday of that day (a statement gives no time of day).
 */
export function arrivalInstant(day: string, timeZone: string, now: number): number {
  if (day === isoDate(now, timeZone)) return now;
  const [year, month, date] = day.split("-").map(Number);
  return new TZDate(year, month - 1, date, 12, 0, 0, timeZone).getTime();
}

/**
 * A pledge whose money arrived becomes a paid gift, with a receipt for what arrived (sent once,
 * by the fulfilment); `receivedAmount` keeps the amount when it is not the pledged one. Runs in
 * the caller's immediate transaction; a gift already paid is left as it is and reported so.
 */
export function receiveTransfer(
  tx: Tx,
  input: { donationId: string; actorId: string; received: number | null; paidAt: number; now: number; via: ReceivedVia },
): Outcome<{ already: boolean }> {
  const row = tx.select().from(donations).where(eq(donations.id, input.donationId)).get();
  if (!row) return refuse("We could not find that gift.", { code: "not-found", status: 404 });
  if (row.method !== "bank_transfer") return NOT_A_PENDING_TRANSFER;
  if (row.status === "paid") return { ok: true, already: true };
  if (row.status !== "pending") return NOT_A_PENDING_TRANSFER;
  const received = input.received ?? row.amount;
  if (received !== row.amount) tx.update(donations).set({ receivedAmount: received }).where(eq(donations.id, row.id)).run();
  const { changed } = markDonationPaid(tx, row.id, { now: input.now, paidAt: input.paidAt, confirmedBy: input.actorId });
  if (!changed) return { ok: true, already: true };
  recordAudit(tx, {
    actorId: input.actorId,
    action: "donation.transfer_received",
    targetType: "donation",
    targetId: row.id,
    details: {
      reference: row.reference,
      amount: row.amount,
      received,
      currency: row.currency,
      ...(input.via.by === "statement" ? { statementId: input.via.statementId, lineId: input.via.lineId } : {}),
    },
  });
  return { ok: true, already: false };
}
