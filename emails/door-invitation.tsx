import { Text } from "@react-email/text";
import { z } from "zod";
import { ActionLink, defineTemplate, EmailLayout, hoursText, httpUrl, paragraph, smallPrint } from "./layout";

/** An invitation to the door team of one event (or of every event), for an address with no account yet (ADR 0034). */
export const doorInvitation = defineTemplate({
  schema: z.object({
    inviterName: z.string(),
    /** The event's title; none for an invitation to every event. */
    eventTitle: z.string().nullable().default(null),
    url: httpUrl,
    expiresInHours: z.number().int().positive().optional(),
  }),
  subject: ({ inviterName }, organisation) => `${inviterName} invited you to check people in for ${organisation.name}`,
  short: ({ inviterName, eventTitle, url, expiresInHours }, organisation) =>
    `${organisation.name}: ${inviterName} invites you to check people in at ${eventTitle ?? "our events"}. The link works once${expiresInHours ? `, for ${hoursText(expiresInHours)}` : ""}. ${url}`,
  whatsapp: {
    name: "door_invitation",
    body: "Hello, {{1}} invites you to join the door team of {{2}} and check people in at {{3}}. Set up your account with this link: {{4}}\nIt works once. Only open it if you know who sent it.",
    params: ({ inviterName, eventTitle, url }, organisation) => [inviterName, organisation.name, eventTitle ?? "its events", url],
  },
  Body: ({ inviterName, eventTitle, url, expiresInHours, organisation }) => (
    <EmailLayout
      organisation={organisation}
      preview={`Check people in at ${eventTitle ?? `${organisation.name}'s events`}.`}
      heading="Join the door team"
      reason={`You got this email because ${inviterName} invited this address to ${organisation.name}'s door team. If you do not want to join, you can ignore it.`}
    >
      <Text style={paragraph}>Hello,</Text>
      <Text style={paragraph}>
        {inviterName} would like you to check people in at {eventTitle ? `“${eventTitle}”` : `${organisation.name}'s events`}. Door
        volunteers see the list of people expected at their events, and nothing else. Open the link to set up your account; then
        open the door page on your phone on the day.
      </Text>
      <ActionLink href={url} label="Join the door team" />
      <Text style={smallPrint}>
        The link works once{expiresInHours ? `, for ${hoursText(expiresInHours)}` : ""}. Only open it if you know {inviterName}.
      </Text>
    </EmailLayout>
  ),
});
