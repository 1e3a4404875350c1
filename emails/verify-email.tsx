import { Text } from "@react-email/text";
import { z } from "zod";
import { ActionLink, defineTemplate, EmailLayout, hoursText, httpUrl, paragraph, smallPrint } from "./layout";

export const verifyEmail = defineTemplate({
  schema: z.object({
    name: z.string(),
    url: httpUrl,
    expiresInHours: z.number().int().positive().default(24),
  }),
  subject: (_props, organisation) => `Please confirm your email address for ${organisation.name}`,
  short: ({ url, expiresInHours }, organisation) =>
    `${organisation.name}: please confirm your email address. The link works for ${hoursText(expiresInHours)}. ${url}`,
  whatsapp: {
    name: "verify_email",
    body: "Hello {{1}}, please confirm your email address with this link: {{2}}\nIt works for {{3}}. If you did not sign up, ignore this message.",
    params: ({ name, url, expiresInHours }) => [name, url, hoursText(expiresInHours)],
  },
  Body: ({ name, url, expiresInHours, organisation }) => (
    <EmailLayout
      organisation={organisation}
      preview="One click and your account is ready."
      heading={`Welcome, ${name}!`}
      reason={`You got this email because someone signed up to ${organisation.name} with this address. If that was not you, you can ignore it and no account will be opened for you.`}
    >
      <Text style={paragraph}>
        Thank you for joining {organisation.name}. Please confirm that this is your email address, so we can send you
        event reminders and help you get back into your account if you forget your password.
      </Text>
      <ActionLink href={url} label="Confirm my email address" />
      <Text style={smallPrint}>This link works for {hoursText(expiresInHours)}. After that, you can ask for a new one when you log in.</Text>
    </EmailLayout>
  ),
});
