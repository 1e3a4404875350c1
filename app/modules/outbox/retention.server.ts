import { and, inArray, lt, or, isNotNull, sql } from "drizzle-orm";
import type { Tx } from "~db/client.server";
import { outbox } from "~db/schema";

/**
 * Blanks the bodies (props, HTML, text) of messages that are done with (sent, dead or skipped)
 * and older than `emailsBefore`. Who got which message and when stays, for the outbox's history.
 */
export function applyOutboxRetention(tx: Tx, cutoffs: { emailsBefore: number }): Record<string, number> {
  const blanked = tx
    .update(outbox)
    .set({ props: {}, html: null, text: null })
    .where(
      and(
        inArray(outbox.status, ["sent", "dead", "skipped"]),
        lt(outbox.createdAt, cutoffs.emailsBefore),
        or(isNotNull(outbox.html), isNotNull(outbox.text), sql`${outbox.props} <> '{}'`),
      ),
    )
    .run().changes;
  return { emailBodies: blanked };
}
