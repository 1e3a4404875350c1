import { Text } from "@react-email/text";
import { z } from "zod";
import { ActionLink, defineTemplate, EmailLayout, hoursText, httpUrl, paragraph, smallPrint } from "./layout";

/** Sent to the NEW address: the change happens only when this link is opened. */
export const changeEmail = defineTemplate({
  schema: z.object({
    name: z.string(),
    url: httpUrl,
    newEmail: z.string(),
    expiresInHours: z.number().int().positive().default(24),
  }),
  subject: (_props, organisation) => `Confirm your new email address for ${organisation.name}`,
  short: ({ url, newEmail, expiresInHours }, organisation) =>
    `${organisation.name}: please confirm ${newEmail} as your new email address. The link works for ${hoursText(expiresInHours)}. ${url}`,
  whatsapp: {
    name: "change_email",
    body: "Hello {{1}}, please confirm {{2}} as your new email address: {{3}}\nThe link works for {{4}}. Until you open it, we keep using your old address.",
    params: ({ name, newEmail, url, expiresInHours }) => [name, newEmail, url, hoursText(expiresInHours)],
  },
  Body: ({ name, url, newEmail, expiresInHours, organisation }) => (
    <EmailLayout
      organisation={organisation}
      preview="One more step to use this address for your account."
      heading="Confirm your new email address"
      reason={`You got this email because someone asked to use this address for a ${organisation.name} account. If that was not you, you can ignore it and nothing will change.`}
    >
      <Text style={paragraph}>Hello {name},</Text>
      <Text style={paragraph}>
        You asked to use {newEmail} for your {organisation.name} account. Please confirm it is yours.
      </Text>
      <ActionLink href={url} label="Confirm my new address" />
      <Text style={smallPrint}>
        This link works for {hoursText(expiresInHours)}. Until you open it, we keep using your old address.
      </Text>
    </EmailLayout>
  ),
});
