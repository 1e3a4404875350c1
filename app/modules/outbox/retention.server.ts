import { and, inArray, lt, or, isNotNull, sql } from "drizzle-orm";
import type { Tx } from "~db/client.server";
import { outbox, shortLinks } from "~db/schema";
import { clock } from "~/utils/clock.server";

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
  // A short link stops working when it expires; its row (a full address, perhaps with a token) goes then.
  const links = tx.delete(shortLinks).where(lt(shortLinks.expiresAt, clock.now())).run().changes;
  return { emailBodies: blanked, expiredShortLinks: links };
}
