import { Text } from "@react-email/text";
import { z } from "zod";
import { calendarPart, icsSchema } from "./calendar";
import { ActionLink, defineTemplate, EmailLayout, paragraph, smallPrint } from "./layout";

/** To everyone registered (confirmed or waiting) when an event is cancelled; people with a seat get the calendar cancellation. */
export const eventCancelled = defineTemplate({
  schema: z.object({
    name: z.string(),
    eventTitle: z.string(),
    when: z.string(),
    message: z.string().default(""),
    url: z.url({ protocol: /^https?$/ }),
    ics: icsSchema.optional(),
  }),
  calendar: ({ ics }) => (ics ? calendarPart("event.ics", ics) : null),
  subject: ({ eventTitle }) => `Cancelled: ${eventTitle}`,
  short: ({ eventTitle, when, url }, organisation) =>
    `${organisation.name}: sorry, ${eventTitle} on ${when} is cancelled. You do not need to do anything. Other events: ${url}`,
  whatsapp: {
    name: "event_cancelled",
    body: "Hello {{1}}, we are sorry: {{2}}, planned for {{3}}, has been cancelled. You do not need to do anything. Other events are coming up: {{4}}\nWe would love to see you at one of them.",
    params: ({ name, eventTitle, when, url }) => [name, eventTitle, when, url],
  },
  Body: ({ name, eventTitle, when, message, url, ics, organisation }) => (
    <EmailLayout
      organisation={organisation}
      preview={`${eventTitle} on ${when} will not take place.`}
      heading={`${eventTitle} is cancelled`}
      reason={`You got this email because you registered for ${eventTitle} with ${organisation.name}. We write to everyone registered when an event is cancelled.`}
    >
      <Text style={paragraph}>Hello {name},</Text>
      <Text style={paragraph}>
        We are sorry: {eventTitle}, planned for {when}, has been cancelled and will not take place. You do not need to
        do anything, and your registration has been closed.
      </Text>
      {message ? (
        <Text style={{ ...paragraph, whiteSpace: "pre-line", borderLeft: "4px solid #b1b4b6", paddingLeft: "12px" }}>
          A message from the organisers: {message}
        </Text>
      ) : null}
      <Text style={paragraph}>Other workshops and seminars are coming up. We would love to see you at one of them.</Text>
      <ActionLink href={url} label="See upcoming events" />
      {ics ? <Text style={smallPrint}>Open the attached file to remove the event from your calendar.</Text> : null}
    </EmailLayout>
  ),
});
