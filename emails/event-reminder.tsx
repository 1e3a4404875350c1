import { Text } from "@react-email/text";
import { z } from "zod";
import { EventFacts, JoinOnline, seatHolderSchema } from "./event-facts";
import { ActionLink, defineTemplate, EmailLayout, paragraph, smallPrint } from "./layout";

export const eventReminder = defineTemplate({
  schema: z.object({
    ...seatHolderSchema,
  }),
  subject: ({ eventTitle, when }) => `Reminder: ${eventTitle}, ${when}`,
  short: ({ eventTitle, when, place, url }, organisation) => `${organisation.name}: see you at ${eventTitle}, ${when}, ${place}. Your ticket: ${url}`,
  whatsapp: {
    name: "event_reminder",
    body: "Hello {{1}}, a reminder that {{2}} is coming up.\nWhen: {{3}}\nWhere: {{4}}\nYour ticket: {{5}}\nCannot come after all? Cancel from your ticket page so someone on the waitlist gets your seat.",
    params: ({ name, eventTitle, when, place, url }) => [name, eventTitle, when, place, url],
  },
  Body: ({ name, eventTitle, when, place, mapUrl, url, joinUrl, organisation }) => (
    <EmailLayout
      organisation={organisation}
      preview={`See you ${when}.`}
      heading="See you soon"
      reason={`You got this email because you have a seat at ${eventTitle} with ${organisation.name}.`}
    >
      <Text style={paragraph}>Hello {name},</Text>
      <Text style={paragraph}>This is a reminder that your event is coming up.</Text>
      <EventFacts eventTitle={eventTitle} when={when} place={place} mapUrl={mapUrl} />
      <JoinOnline joinUrl={joinUrl} />
      <ActionLink href={url} label="Show my ticket" />
      <Text style={smallPrint}>Cannot come after all? Cancel from your ticket page so someone on the waitlist gets your seat.</Text>
    </EmailLayout>
  ),
});
