import { Text } from "@react-email/text";
import { z } from "zod";
import { defineTemplate, EmailLayout, paragraph } from "./layout";

export const passwordChanged = defineTemplate({
  schema: z.object({ name: z.string() }),
  subject: (_props, organisation) => `Your ${organisation.name} password was changed`,
  short: (_props, organisation) => `${organisation.name}: your password was just changed. Not you? Reset it from the log-in page straight away.`,
  whatsapp: {
    name: "password_changed",
    body: "Hello {{1}}, the password of your {{2}} account was just changed. If it was not you, reset your password from the log-in page straight away.",
    params: ({ name }, organisation) => [name, organisation.name],
  },
  Body: ({ name, organisation }) => (
    <EmailLayout
      organisation={organisation}
      preview="If this was you, there is nothing to do."
      heading="Your password was changed"
      reason={`You got this email because the password of your ${organisation.name} account was changed. We always tell you when that happens.`}
    >
      <Text style={paragraph}>Hello {name},</Text>
      <Text style={paragraph}>
        The password of your {organisation.name} account was just changed, and any other devices were logged out. If
        this was you, there is nothing more to do.
      </Text>
      <Text style={paragraph}>
        If it was not you, please reset your password from the log-in page straight away, and tell us at the contact
        address below.
      </Text>
    </EmailLayout>
  ),
});
