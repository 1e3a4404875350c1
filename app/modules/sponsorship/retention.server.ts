import { and, eq, lt, notLike, sql } from "drizzle-orm";
import type { Tx } from "~db/client.server";
import { donations } from "~db/schema";
import { randomId } from "~/utils/ids.server";
import { PLACEHOLDER_PATTERN, placeholderAddress } from "~/utils/redact.server";
import { ANONYMOUS_DONOR } from "./erasure.server";

/**
 * Gifts paid (or made, when never paid) before `giftsBefore` have been kept with the donor's
 * identity as long as the accounts need: the name, address, message and account link go;
 * amount, status and receipt number stay. One placeholder per donor address in each run, so a
 * campaign's donor count holds.
 */
export function applySponsorshipRetention(tx: Tx, cutoffs: { giftsBefore: number; now: number }): Record<string, number> {
  const old = and(lt(sql`coalesce(${donations.paidAt}, ${donations.createdAt})`, cutoffs.giftsBefore), notLike(donations.donorEmail, PLACEHOLDER_PATTERN));
  const donors = tx
    .select({ address: sql<string>`lower(${donations.donorEmail})` })
    .from(donations)
    .where(old)
    .groupBy(sql`lower(${donations.donorEmail})`)
    .all();
  let gifts = 0;
  for (const { address } of donors) {
    gifts += tx
      .update(donations)
      .set({
        donorName: ANONYMOUS_DONOR,
        donorEmail: placeholderAddress("anonymous", randomId(10)),
        message: "",
        recognition: "anonymous",
        userId: null,
        receiptTokenHash: null,
        updatedAt: cutoffs.now,
      })
      .where(and(old, eq(sql`lower(${donations.donorEmail})`, address)))
      .run().changes;
  }
  return { donorIdentities: gifts };
}
