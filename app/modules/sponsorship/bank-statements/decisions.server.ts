import { and, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import { db, type Tx } from "~db/client.server";
import { donations, statementLines } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { refuse, type Outcome } from "~/utils/refusal";
import { getOrganisation } from "~/modules/organisation/index.server";
import { arrivalInstant, receiveTransfer } from "../transfer-received.server";
import { heldByAnotherLine } from "./matching.server";
import type { statementLineActionSchema } from "./schemas";

type LineAction = z.infer<typeof statementLineActionSchema>;

export type StatementDecision = Outcome<{ intent: LineAction["intent"]; confirmed: number; alreadyReceived: number; returned: number }>;

const LINE_GONE = refuse("That line is not on this statement.", { status: 404, code: "not-found" });
const LINE_CHANGED = refuse("Another organiser has dealt with that line since this page was loaded. Look again below.", { status: 409, code: "changed" });

type Line = typeof statementLines.$inferSelect;

/** A credit becomes its pledge's payment: the pledge is received for the credit's amount on the credit's day, once. */
function confirmLine(tx: Tx, line: Line, donationId: string, actorId: string, now: number, timeZone: string, matchedBy?: "organiser") {
  const result = receiveTransfer(tx, {
    donationId,
    actorId,
    received: line.amount,
    paidAt: arrivalInstant(line.postedOn, timeZone, now),
    now,
    via: { by: "statement", statementId: line.statementId, lineId: line.id },
  });
  if (!result.ok) return result;
  tx.update(statementLines)
    .set({ status: "confirmed", donationId, confirmedBy: actorId, confirmedAt: now, ...(matchedBy ? { matchedBy } : {}) })
    .where(eq(statementLines.id, line.id))
    .run();
  return result;
}

/** Confirms the proposed matches the organiser saw; each pledge is received and receipted once, however often this is posted. */
function confirmProposed(tx: Tx, statementId: string, lineIds: string[], actorId: string, now: number, timeZone: string): StatementDecision {
  const lines = tx
    .select()
    .from(statementLines)
    .where(and(eq(statementLines.statementId, statementId), inArray(statementLines.id, lineIds), eq(statementLines.status, "proposed")))
    .all();
  let confirmed = 0;
  let alreadyReceived = 0;
  let returned = 0;
  for (const line of lines) {
    const result = confirmLine(tx, line, line.donationId!, actorId, now, timeZone);
    if (result.ok) {
      if (result.already) alreadyReceived += 1;
      else confirmed += 1;
      continue;
    }
    // The pledge is no longer waiting (refunded or removed): the credit goes back to the organiser.
    tx.update(statementLines).set({ status: "unmatched", donationId: null, matchedBy: null }).where(eq(statementLines.id, line.id)).run();
    returned += 1;
  }
  return { ok: true, intent: "confirm", confirmed, alreadyReceived, returned };
}

const DONE = { confirmed: 0, alreadyReceived: 0, returned: 0 };

/**
 * What an organiser decided about a statement's credits: confirm the proposed matches, turn one
 * down ("not this one"), set a credit aside as not a gift, bring it back, or match a credit to a
 * waiting pledge by hand (which receives that pledge at once). One immediate transaction each, so
 * two organisers, or two tabs, never give a pledge two receipts or a credit two pledges.
 */
export function decideStatementLines({ statementId, action, actorId }: { statementId: string; action: LineAction; actorId: string }): StatementDecision {
  const now = clock.now();
  const { timeZone } = getOrganisation();
  return db.transaction(
    (tx): StatementDecision => {
      if (action.intent === "confirm") return confirmProposed(tx, statementId, action.lineIds, actorId, now, timeZone);
      const line = tx
        .select()
        .from(statementLines)
        .where(and(eq(statementLines.id, action.lineId), eq(statementLines.statementId, statementId)))
        .get();
      if (!line) return LINE_GONE;
      const set = (values: Partial<Line>) => tx.update(statementLines).set(values).where(eq(statementLines.id, line.id)).run();
      switch (action.intent) {
        case "reject":
          if (line.status !== "proposed") return LINE_CHANGED;
          set({ status: "unmatched", donationId: null, matchedBy: null });
          break;
        case "ignore":
          if (line.status !== "proposed" && line.status !== "unmatched") return LINE_CHANGED;
          set({ status: "ignored", donationId: null, matchedBy: null });
          break;
        case "restore":
          if (line.status !== "ignored") return LINE_CHANGED;
          set({ status: "unmatched" });
          break;
        case "match": {
          if (line.status !== "unmatched") return LINE_CHANGED;
          if (heldByAnotherLine(tx, action.donationId, line.id)) {
            return refuse("Another credit already stands for that pledge. Choose another, or turn that match down first.", { field: "donationId" });
          }
          const pledge = tx.select({ currency: donations.currency }).from(donations).where(eq(donations.id, action.donationId)).get();
          if (pledge && pledge.currency !== line.currency) return refuse(`That pledge is in ${pledge.currency}; this credit is in ${line.currency}.`, { field: "donationId" });
          const result = confirmLine(tx, line, action.donationId, actorId, now, timeZone, "organiser");
          if (!result.ok) return refuse("That pledge is no longer waiting for a transfer. Choose another.", { field: "donationId" });
          return { ok: true, intent: "match", ...DONE, confirmed: result.already ? 0 : 1, alreadyReceived: result.already ? 1 : 0 };
        }
      }
      return { ok: true, intent: action.intent, ...DONE };
    },
    { behavior: "immediate" },
  );
}
