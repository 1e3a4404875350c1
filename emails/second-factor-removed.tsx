import { Text } from "@react-email/text";
import { z } from "zod";
import { defineTemplate, EmailLayout, paragraph } from "./layout";

export const secondFactorRemoved = defineTemplate({
  schema: z.object({ name: z.string() }),
  subject: (_props, organisation) => `Two-factor sign-in was turned off for your ${organisation.name} account`,
  short: (_props, organisation) =>
    `${organisation.name}: two-factor sign-in was turned off for your account. Not you? Reset your password from the log-in page straight away.`,
  whatsapp: {
    name: "second_factor_removed",
    body: "Hello {{1}}, the authenticator app on your {{2}} account was just removed. If it was not you, reset your password from the log-in page straight away.",
    params: ({ name }, organisation) => [name, organisation.name],
  },
  Body: ({ name, organisation }) => (
    <EmailLayout
      organisation={organisation}
      preview="Your account now needs only a password to log in."
      heading="Two-factor sign-in was turned off"
      reason={`You got this email because the sign-in settings of your ${organisation.name} account changed. We always tell you when that happens.`}
    >
      <Text style={paragraph}>Hello {name},</Text>
      <Text style={paragraph}>
        The authenticator app on your {organisation.name} account was just removed, with its recovery codes. Logging in now
        needs only your password.
      </Text>
      <Text style={paragraph}>
        If it was not you, reset your password from the log-in page straight away, and tell us at the contact address below.
      </Text>
    </EmailLayout>
  ),
});
