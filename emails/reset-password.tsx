import { Text } from "@react-email/text";
import { z } from "zod";
import { ActionLink, defineTemplate, EmailLayout, hoursText, httpUrl, paragraph, smallPrint } from "./layout";

export const resetPassword = defineTemplate({
  schema: z.object({
    name: z.string(),
    url: httpUrl,
    expiresInHours: z.number().int().positive().default(1),
  }),
  subject: (_props, organisation) => `Reset your ${organisation.name} password`,
  short: ({ url, expiresInHours }, organisation) =>
    `${organisation.name}: choose a new password with this link. It works once, for ${hoursText(expiresInHours)}. Not you? Ignore this. ${url}`,
  whatsapp: {
    name: "reset_password",
    body: "Hello {{1}}, choose a new password with this link: {{2}}\nIt works once, for {{3}}. If you did not ask for it, ignore this message: your password stays the same.",
    params: ({ name, url, expiresInHours }) => [name, url, hoursText(expiresInHours)],
  },
  Body: ({ name, url, expiresInHours, organisation }) => (
    <EmailLayout
      organisation={organisation}
      preview="Choose a new password with the link inside."
      heading="Choose a new password"
      reason={`You got this email because someone asked to reset the password of your ${organisation.name} account. If that was not you, you can ignore it: your password stays the same.`}
    >
      <Text style={paragraph}>Hello {name},</Text>
      <Text style={paragraph}>
        Forgetting a password happens to everyone. Use the button below to choose a new one.
      </Text>
      <ActionLink href={url} label="Choose a new password" />
      <Text style={smallPrint}>
        This link expires in {hoursText(expiresInHours)} and works only once. If it has expired, ask for a new one on the
        log-in page.
      </Text>
    </EmailLayout>
  ),
});
