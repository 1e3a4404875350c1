import { eq, inArray, or, sql } from "drizzle-orm";
import type { Tx } from "~db/client.server";
import { emailPreferences, outbox, shortLinks } from "~db/schema";
import { contactOf, forgetContact } from "./contact-book.server";
import { mayMention, redactText, redactValue, type ErasedPerson } from "~/utils/redact.server";

/**
 * Messages to the person's address go, sent or not, with the address's email choices. Messages
 * to other people that named them (a mentor told of a request, say) stay, with their name and
 * address replaced by "[removed]" in the subject, the props and the rendered bodies.
 */
export function eraseOutboxData(tx: Tx, person: ErasedPerson): { deleted: number; redacted: number } {
  const address = person.email.trim().toLowerCase();
  const phone = contactOf(person.userId, tx)?.phone ?? null;
  // Their messages by any channel: to their address, to their account, or to their number.
  // `lower(recipient)` for the number too (E.164 has no letters), so both are read from one index.
  const theirs = or(eq(sql`lower(${outbox.recipient})`, address), eq(outbox.userId, person.userId), phone ? eq(sql`lower(${outbox.recipient})`, phone) : undefined);
  const ids = tx.select({ id: outbox.id }).from(outbox).where(theirs).all().map((row) => row.id);
  if (ids.length) tx.delete(shortLinks).where(inArray(shortLinks.outboxId, ids)).run();
  const deleted = tx.delete(outbox).where(theirs).run().changes;
  tx.delete(emailPreferences).where(eq(emailPreferences.address, address)).run();
  forgetContact(tx, person.userId);
  const mentions = tx
    .select({ id: outbox.id, subject: outbox.subject, props: outbox.props, html: outbox.html, text: outbox.text })
    .from(outbox)
    .where(mayMention([outbox.subject, outbox.props, outbox.html, outbox.text], person))
    .all();
  let redacted = 0;
  for (const message of mentions) {
    const cleaned = {
      subject: message.subject === null ? null : redactText(message.subject, person),
      props: redactValue(message.props, person),
      html: message.html === null ? null : redactText(message.html, person),
      text: message.text === null ? null : redactText(message.text, person),
    };
    if (JSON.stringify(cleaned) === JSON.stringify({ subject: message.subject, props: message.props, html: message.html, text: message.text })) continue;
    tx.update(outbox).set(cleaned).where(eq(outbox.id, message.id)).run();
    redacted += 1;
  }
  return { deleted, redacted };
}
