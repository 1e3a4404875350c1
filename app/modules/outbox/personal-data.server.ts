import { asc, eq, or, sql } from "drizzle-orm";
import { db } from "~db/client.server";
import { deliveryReports, emailPreferences, outbox, smsOptOuts } from "~db/schema";
import { contactOf } from "./contact-book.server";
import { instantFor, listText, type DataSubject, type PersonalDataSection } from "~/utils/personal-data";

const normalise = (address: string) => address.trim().toLowerCase();

/** Every message to the person by any channel, how we reach them, and what they turned off. */
export function personalDataInOutbox(subject: DataSubject): PersonalDataSection {
  const at = (instant: number | null) => instantFor(subject, instant);
  const contact = contactOf(subject.userId);
  const messages = db
    .select()
    .from(outbox)
    .where(or(sql`lower(${outbox.recipient}) = ${normalise(subject.email)}`, eq(outbox.userId, subject.userId), contact?.phone ? sql`lower(${outbox.recipient}) = ${contact.phone}` : undefined))
    .orderBy(asc(outbox.createdAt))
    .all();
  const reports = messages.length
    ? db
        .select()
        .from(deliveryReports)
        .where(sql`${deliveryReports.outboxId} in ${messages.map((message) => message.id)}`)
        .orderBy(asc(deliveryReports.receivedAt))
        .all()
    : [];
  const optOut = contact?.phone ? db.select().from(smsOptOuts).where(eq(smsOptOuts.phone, contact.phone)).get() : undefined;
  const preferences = db.select().from(emailPreferences).where(eq(emailPreferences.address, normalise(subject.email))).get();
  return {
    area: "outbox",
    title: "Messages",
    description: "The messages we sent or are about to send you by email, SMS or WhatsApp, how we reach you, and which kinds of message you turned off.",
    tables: [
      {
        name: "emails",
        title: "Messages to you",
        sources: ["outbox"],
        rows: messages.map((message) => ({
          to: message.sentTo ?? message.recipient,
          channel: message.channel,
          kind: message.template,
          subject: message.subject,
          status: message.status,
          delivery: message.deliveryStatus,
          queuedAt: at(message.createdAt),
          sentAt: at(message.sentAt),
          notSentBecause: message.skippedReason,
          text: message.text,
        })),
      },
      {
        name: "delivery-reports",
        title: "What the SMS and WhatsApp providers reported",
        sources: ["delivery_reports"],
        rows: reports.map((report) => ({ message: report.outboxId, provider: report.provider, status: report.status, reason: report.reason, reportedAt: at(report.reportedAt) })),
      },
      {
        name: "contact",
        title: "How we reach you",
        sources: ["contact_book", "sms_opt_outs"],
        rows: contact
          ? [
              {
                phone: contact.phone,
                phoneVerifiedAt: at(contact.phoneVerifiedAt),
                whatsappSince: at(contact.whatsappOptInAt),
                firstChoice: contact.preferredChannel,
                choices: JSON.stringify(contact.channelChoices),
                textsStoppedAt: at(optOut?.optedOutAt ?? null),
              },
            ]
          : [],
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
