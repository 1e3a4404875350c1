import { Text } from "@react-email/text";
import { z } from "zod";
import { ActionLink, defineTemplate, EmailLayout, httpUrl, paragraph, smallPrint } from "./layout";

/** Sent when a walk-in added at the door reaches the server: they were there, and can claim their account. */
export const walkInWelcome = defineTemplate({
  schema: z.object({
    name: z.string(),
    eventTitle: z.string(),
    /** The door team made the account now: the message says how to claim it. */
    newAccount: z.boolean(),
    /** Where to claim it (set a password, or sign in with a code), or the ticket for someone who has an account. */
    url: httpUrl,
  }),
  subject: ({ eventTitle }) => `You were checked in at ${eventTitle}`,
  short: ({ eventTitle, newAccount, url }, organisation) =>
    `${organisation.name}: you were checked in at ${eventTitle}. ${newAccount ? "Claim your account" : "Your ticket"} and what comes next: ${url}`,
  whatsapp: {
    name: "walk_in_welcome",
    body: "Hello {{1}}, you were checked in at {{2}}. See your ticket and what comes next here: {{3}} (the link opens in your browser).",
    params: ({ name, eventTitle, url }) => [name, eventTitle, url],
  },
  Body: ({ name, eventTitle, newAccount, url, organisation }) => (
    <EmailLayout
      organisation={organisation}
      preview={`You were checked in at ${eventTitle}.`}
      heading="Welcome: you were checked in"
      reason={`You got this email because the door team at ${eventTitle} added you with this address.`}
    >
      <Text style={paragraph}>Hello {name},</Text>
      <Text style={paragraph}>
        You came to <strong>{eventTitle}</strong> without registering, so the door team added you and checked you in.
        {newAccount
          ? ` They also made you an account with ${organisation.name}: claim it (set a password) to see your ticket, the next events and the programme.`
          : " It is on your account with your other tickets."}
      </Text>
      <ActionLink href={url} label={newAccount ? "Claim your account" : "See your ticket"} />
      <Text style={smallPrint}>If you were not at this event, reply to tell us and we will remove the record.</Text>
    </EmailLayout>
  ),
});
