import { Link, Text } from "@react-email/components";
import { z } from "zod";
import { EventFacts, eventFactsSchema } from "./event-facts";
import { ActionLink, defineTemplate, EmailLayout, httpUrl, paragraph, smallPrint } from "./layout";

export const eventReminder = defineTemplate({
  schema: z.object({
    name: z.string(),
    ...eventFactsSchema,
    /** The person's ticket page. */
    url: httpUrl,
    joinUrl: z.union([httpUrl, z.literal("")]).default(""),
  }),
  subject: ({ eventTitle, when }) => `Reminder: ${eventTitle}, ${when}`,
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
      {joinUrl ? (
        <Text style={paragraph}>
          Join online: <Link href={joinUrl}>{joinUrl}</Link>
        </Text>
      ) : null}
      <ActionLink href={url} label="Show my ticket" />
      <Text style={smallPrint}>Cannot come after all? Cancel from your ticket page so someone on the waitlist gets your seat.</Text>
    </EmailLayout>
  ),
});
