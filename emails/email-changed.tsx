import { Text } from "@react-email/text";
import { z } from "zod";
import { defineTemplate, EmailLayout, paragraph } from "./layout";

/** Sent to the OLD address once the change is done, so a stolen account is noticed. */
export const emailChanged = defineTemplate({
  schema: z.object({ name: z.string(), newEmail: z.string() }),
  subject: (_props, organisation) => `Your ${organisation.name} email address was changed`,
  short: ({ newEmail }, organisation) =>
    `${organisation.name}: the email address of your account is now ${newEmail}. Not you? ${organisation.contactEmail ? `Write to ${organisation.contactEmail} straight away.` : "Tell the organisers straight away."}`,
  whatsapp: {
    name: "email_changed",
    body: "Hello {{1}}, the email address of your account is now {{2}}. If you did not make this change, someone else may have your password: please tell the organisers straight away.",
    params: ({ name, newEmail }) => [name, newEmail],
  },
  Body: ({ name, newEmail, organisation }) => (
    <EmailLayout
      organisation={organisation}
      preview={`From now on we write to ${newEmail}.`}
      heading="Your email address was changed"
      reason={`You got this email because this address was used for a ${organisation.name} account until now. We send it every time the address changes.`}
    >
      <Text style={paragraph}>Hello {name},</Text>
      <Text style={paragraph}>
        The email address of your {organisation.name} account is now {newEmail}. From now on we will write to that
        address, and you log in with it.
      </Text>
      <Text style={paragraph}>
        Did you not make this change? Then someone else may have your password. Please reply to the contact address
        below straight away and we will help you get your account back.
      </Text>
    </EmailLayout>
  ),
});
