import { Text } from "@react-email/text";
import { z } from "zod";
import { ActionLink, defineTemplate, EmailLayout, httpUrl, paragraph } from "./layout";

export const guardianConsentGiven = defineTemplate({
  schema: z.object({
    name: z.string(),
    url: httpUrl,
  }),
  subject: (_props, organisation) => `Your account at ${organisation.name} is ready`,
  short: ({ url }, organisation) =>
    `${organisation.name}: your parent or guardian agreed. You can now book seats, join a cohort and ask for a mentor. ${url}`,
  whatsapp: {
    name: "guardian_consent_given",
    body: "Good news, {{1}}: your parent or guardian has agreed to your account. You can now book seats at workshops, join a cohort and ask for a mentor: {{2}}\nSee you soon.",
    params: ({ name, url }) => [name, url],
  },
  Body: ({ name, url, organisation }) => (
    <EmailLayout
      organisation={organisation}
      preview="Your parent or guardian agreed: you can book seats and join a cohort now."
      heading={`Good news, ${name}`}
      reason={`You got this email because you have an account at ${organisation.name}.`}
    >
      <Text style={paragraph}>
        Your parent or guardian has agreed to your account. You can now book seats at workshops, join a cohort and ask
        for a mentor.
      </Text>
      <ActionLink href={url} label="Go to my page" />
    </EmailLayout>
  ),
});
