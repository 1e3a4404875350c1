import { Text } from "@react-email/text";
import { z } from "zod";
import { defineTemplate, EmailLayout, paragraph } from "./layout";

export const recoveryCodeUsed = defineTemplate({
  schema: z.object({ name: z.string(), codesLeft: z.number().int().min(0) }),
  subject: (_props, organisation) => `A recovery code was used on your ${organisation.name} account`,
  short: ({ codesLeft }, organisation) =>
    `${organisation.name}: a recovery code was used to sign in to your account; ${codesLeft} left. Not you? Reset your password straight away.`,
  whatsapp: {
    name: "recovery_code_used",
    body: "Hello {{1}}, a recovery code was just used to sign in to your {{2}} account. You have {{3}} left. If it was not you, reset your password from the log-in page straight away.",
    params: ({ name, codesLeft }, organisation) => [name, organisation.name, String(codesLeft)],
  },
  Body: ({ name, codesLeft, organisation }) => (
    <EmailLayout
      organisation={organisation}
      preview={`You have ${codesLeft} recovery code${codesLeft === 1 ? "" : "s"} left.`}
      heading="A recovery code was used"
      reason={`You got this email because someone signed in to your ${organisation.name} account with a recovery code. We always tell you when that happens.`}
    >
      <Text style={paragraph}>Hello {name},</Text>
      <Text style={paragraph}>
        One of your recovery codes was just used to confirm it was you, instead of a code from your authenticator app. It
        cannot be used again. You have {codesLeft} left.
      </Text>
      <Text style={paragraph}>
        If you have lost your phone, remove the old authenticator app in your account settings and set up a new one: that
        gives you ten fresh recovery codes.
      </Text>
      <Text style={paragraph}>
        If it was not you, reset your password from the log-in page straight away, and tell us at the contact address below.
      </Text>
    </EmailLayout>
  ),
});
