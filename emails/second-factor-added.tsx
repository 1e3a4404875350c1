import { Text } from "@react-email/text";
import { z } from "zod";
import { defineTemplate, EmailLayout, paragraph } from "./layout";

export const secondFactorAdded = defineTemplate({
  schema: z.object({ name: z.string() }),
  subject: (_props, organisation) => `Two-factor sign-in is on for your ${organisation.name} account`,
  short: (_props, organisation) =>
    `${organisation.name}: two-factor sign-in is now on for your account. Not you? Reset your password from the log-in page straight away.`,
  whatsapp: {
    name: "second_factor_added",
    body: "Hello {{1}}, an authenticator app was just added to your {{2}} account. If it was not you, reset your password from the log-in page straight away.",
    params: ({ name }, organisation) => [name, organisation.name],
  },
  Body: ({ name, organisation }) => (
    <EmailLayout
      organisation={organisation}
      preview="If this was you, there is nothing to do."
      heading="Two-factor sign-in is on"
      reason={`You got this email because the sign-in settings of your ${organisation.name} account changed. We always tell you when that happens.`}
    >
      <Text style={paragraph}>Hello {name},</Text>
      <Text style={paragraph}>
        An authenticator app was just added to your {organisation.name} account. From now on, logging in asks for a code
        from that app as well as your password. Keep your recovery codes somewhere safe.
      </Text>
      <Text style={paragraph}>
        If it was not you, reset your password from the log-in page straight away, and tell us at the contact address below.
      </Text>
    </EmailLayout>
  ),
});
