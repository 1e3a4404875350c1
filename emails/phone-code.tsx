import { Text } from "@react-email/text";
import { z } from "zod";
import { defineTemplate, EmailLayout, minutesText, paragraph, smallPrint } from "./layout";

/** A one-time code for a phone number: to confirm it, or to sign in or up with it. Sent by SMS. */
export const phoneCode = defineTemplate({
  schema: z.object({
    code: z.string().regex(/^\d{4,8}$/),
    minutes: z.number().int().positive(),
  }),
  subject: ({ code }, organisation) => `${code} is your ${organisation.name} code`,
  // The code comes first: phones offer to fill in a code they find at the start of a message.
  short: ({ code, minutes }, organisation) => `${code} is your ${organisation.name} code. It expires in ${minutesText(minutes)}. Never share it.`,
  whatsapp: {
    name: "phone_code",
    // Meta's fixed text for authentication templates, sent with a copy-code button.
    category: "AUTHENTICATION",
    body: "{{1}} is your verification code. For your security, do not share this code.",
    params: ({ code }) => [code],
  },
  Body: ({ code, minutes, organisation }) => (
    <EmailLayout
      organisation={organisation}
      preview={`It expires in ${minutesText(minutes)}.`}
      heading="Your code"
      reason={`You got this email because someone asked for a code to use this number with ${organisation.name}. If that was not you, ignore it: nothing changes without the code.`}
    >
      <Text style={paragraph}>Type this code where you were asked for it:</Text>
      <Text style={{ ...paragraph, fontSize: "28px", letterSpacing: "4px" }}>
        <strong>{code}</strong>
      </Text>
      <Text style={smallPrint}>
        It expires in {minutesText(minutes)} and works once. Never share it: nobody from {organisation.name} will ever ask you
        for it.
      </Text>
    </EmailLayout>
  ),
});
