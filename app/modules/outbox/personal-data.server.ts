import { asc, eq, sql } from "drizzle-orm";
import { db } from "~db/client.server";
import { emailPreferences, outbox } from "~db/schema";
import { instantFor, listText, type DataSubject, type PersonalDataSection } from "~/utils/personal-data";

const normalise = (address: string) => address.trim().toLowerCase();

/** Every email addressed to the person, and the kinds of email their address turned off. */
export function personalDataInOutbox(subject: DataSubject): PersonalDataSection {
  const at = (instant: number | null) => instantFor(subject, instant);
  const messages = db
    .select()
    .from(outbox)
    .where(sql`lower(${outbox.recipient}) = ${normalise(subject.email)}`)
    .orderBy(asc(outbox.createdAt))
    .all();
  const preferences = db.select().from(emailPreferences).where(eq(emailPreferences.address, normalise(subject.email))).get();
  return {
    area: "outbox",
    title: "Emails",
    description: "The emails we sent or are about to send to your address, and which kinds of email you turned off.",
    tables: [
      {
        name: "emails",
        title: "Emails to you",
        sources: ["outbox"],
        rows: messages.map((message) => ({
          to: message.recipient,
          kind: message.template,
          subject: message.subject,
          status: message.status,
          queuedAt: at(message.createdAt),
          sentAt: at(message.sentAt),
          notSentBecause: message.skippedReason,
          text: message.text,
        })),
      },
      {
        name: "email-choices",
        title: "Emails you turned off",
        sources: ["email_preferences"],
        rows: preferences ? [{ address: preferences.address, turnedOff: listText(preferences.turnedOff), changedAt: at(preferences.updatedAt) }] : [],
      },
    ],
    notes: [
      "The text of an email is kept for a while after it is sent, then only its subject. Emails with a one-time link (a password reset, say) keep no copy of the link once sent.",
    ],
  };
}
