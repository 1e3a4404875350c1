import { Text } from "@react-email/text";
import { z } from "zod";
import { ActionLink, defineTemplate, EmailLayout, httpUrl, paragraph, smallPrint } from "./layout";

/** Sent to the owner of an address someone typed into an event's sign-up form: nothing was booked. */
export const registrationAttempt = defineTemplate({
  schema: z.object({
    name: z.string(),
    eventTitle: z.string(),
    /** Log in, then back to the event page. */
    url: httpUrl,
  }),
  subject: ({ eventTitle }) => `Log in to book your seat at ${eventTitle}`,
  short: ({ eventTitle, url }, organisation) =>
    `${organisation.name}: someone tried to book ${eventTitle} with your email address. You have an account: log in to book. ${url}`,
  whatsapp: {
    name: "registration_attempt",
    body: "Hello {{1}}, someone, probably you, tried to register for {{2}} with your email address. You already have an account: log in and book from the event page: {{3}}\nIf it was not you, ignore this message.",
    params: ({ name, eventTitle, url }) => [name, eventTitle, url],
  },
  Body: ({ name, eventTitle, url, organisation }) => (
    <EmailLayout
      organisation={organisation}
      preview="You already have an account: log in to book."
      heading="Log in to book your seat"
      reason={`You got this email because someone tried to register for ${eventTitle} with this address, which already has a ${organisation.name} account.`}
    >
      <Text style={paragraph}>Hello {name},</Text>
      <Text style={paragraph}>
        Someone, probably you, tried to register for <strong>{eventTitle}</strong> with this email address. You already
        have an account, so no seat was booked yet: log in and register from the event page.
      </Text>
      <ActionLink href={url} label="Log in and register" />
      <Text style={smallPrint}>
        If it was not you, you can ignore this email: nothing was booked and your account has not changed. Forgot your
        password? Use &ldquo;Forgot your password?&rdquo; on the log-in page.
      </Text>
    </EmailLayout>
  ),
});
