import { Text } from "@react-email/text";
import { z } from "zod";
import { calendarPart, icsSchema } from "./calendar";
import { EventFacts, JoinOnline, seatHolderSchema } from "./event-facts";
import { ActionLink, defineTemplate, EmailLayout, paragraph, smallPrint } from "./layout";

export const registrationConfirmed = defineTemplate({
  schema: z.object({
    ...seatHolderSchema,
    /** The event as a calendar invitation, sent with the message. */
    ics: icsSchema,
    fromWaitlist: z.boolean().default(false),
  }),
  subject: ({ eventTitle }) => `Your seat at ${eventTitle} is confirmed`,
  calendar: ({ ics }) => calendarPart("event.ics", ics),
  short: ({ eventTitle, when, place, url }, organisation) =>
    `${organisation.name}: your seat at ${eventTitle} is confirmed. ${when}, ${place}. Your ticket: ${url}`,
  whatsapp: {
    name: "registration_confirmed",
    body: "Hello {{1}}, your seat at {{2}} is confirmed.\nWhen: {{3}}\nWhere: {{4}}\nYour ticket, with the QR code we scan at the door: {{5}}\nIf you cannot come after all, cancel from your ticket page.",
    params: ({ name, eventTitle, when, place, url }) => [name, eventTitle, when, place, url],
  },
  Body: ({ name, eventTitle, when, place, mapUrl, url, joinUrl, fromWaitlist, organisation }) => (
    <EmailLayout
      organisation={organisation}
      preview={`${when}. Your ticket and a calendar file are inside.`}
      heading="Your seat is confirmed"
      reason={`You got this email because you booked a seat at ${eventTitle} with ${organisation.name}.`}
    >
      <Text style={paragraph}>Hello {name},</Text>
      <Text style={paragraph}>
        {fromWaitlist ? "You took the seat that came free: it is yours." : "Thank you for booking: your seat is saved."} We
        look forward to seeing you.
      </Text>
      <EventFacts eventTitle={eventTitle} when={when} place={place} mapUrl={mapUrl} />
      <JoinOnline joinUrl={joinUrl} />
      <Text style={paragraph}>Your ticket has a QR code we scan at the door. Keep it on your phone, or note its short code.</Text>
      <ActionLink href={url} label="Show my ticket" />
      <Text style={smallPrint}>
        The attached file (event.ics) adds the event to your calendar. If you cannot come after all, cancel from your ticket
        page so someone on the waitlist can have your seat.
      </Text>
    </EmailLayout>
  ),
});
