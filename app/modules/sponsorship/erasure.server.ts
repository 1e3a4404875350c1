import { eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Tx } from "~db/client.server";
import { donations, partnerEnquiries, statementLines } from "~db/schema";
import { mayMention, redactText, REMOVED, type ErasedPerson } from "~/utils/redact.server";

export const ANONYMOUS_DONOR = "Anonymous donor";

/**
 * Bank statement credits keep their amount and day for the accounts; the bank's words name the
 * sender, so a credit that paid one of the person's gifts loses its words, and any other credit
 * loses their name and address.
 */
function eraseFromStatements(tx: Tx, person: ErasedPerson, theirs: SQL | undefined) {
  const gifts = tx.select({ id: donations.id }).from(donations).where(theirs).all().map((gift) => gift.id);
  if (gifts.length) tx.update(statementLines).set({ narration: REMOVED }).where(inArray(statementLines.donationId, gifts)).run();
  for (const line of tx.select({ id: statementLines.id, narration: statementLines.narration }).from(statementLines).where(mayMention([statementLines.narration], person)).all()) {
    tx.update(statementLines).set({ narration: redactText(line.narration, person) }).where(eq(statementLines.id, line.id)).run();
  }
}

/**
 * Gifts stay for the accounts (amount, currency, status, receipt number, dates), without the
 * donor: their name, address and message go, and every gift of theirs carries the same
 * placeholder address, so a campaign still counts them as one donor. Partner enquiries sent
 * from their address are deleted.
 */
export function eraseSponsorshipData(tx: Tx, person: ErasedPerson, at: number): number {
  const address = person.email.trim().toLowerCase();
  const theirs = or(eq(donations.userId, person.userId), eq(sql`lower(${donations.donorEmail})`, address));
  eraseFromStatements(tx, person, theirs);
  const gifts = tx
    .update(donations)
    .set({ donorName: ANONYMOUS_DONOR, donorEmail: person.placeholderEmail, message: "", recognition: "anonymous", userId: null, receiptTokenHash: null, updatedAt: at })
    .where(theirs)
    .run().changes;
  // Reasons organisers wrote about someone's refund or failed payment may name them.
  const notes = tx
    .select({ id: donations.id, refundReason: donations.refundReason, failureReason: donations.failureReason })
    .from(donations)
    .where(mayMention([donations.refundReason, donations.failureReason], person))
    .all();
  for (const note of notes) {
    tx.update(donations)
      .set({ refundReason: redactText(note.refundReason, person), failureReason: redactText(note.failureReason, person) })
      .where(eq(donations.id, note.id))
      .run();
  }
  tx.delete(partnerEnquiries).where(eq(sql`lower(${partnerEnquiries.email})`, address)).run();
  return gifts;
}
