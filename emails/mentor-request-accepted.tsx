import { Text } from "@react-email/text";
import { z } from "zod";
import { ActionLink, defineTemplate, EmailLayout, httpUrl, paragraph } from "./layout";

export const mentorRequestAccepted = defineTemplate({
  schema: z.object({
    name: z.string(),
    mentorName: z.string(),
    /** The pair's mentoring page. */
    url: httpUrl,
  }),
  subject: ({ mentorName }) => `${mentorName} accepted your mentoring request`,
  short: ({ mentorName, url }, organisation) => `${organisation.name}: ${mentorName} accepted your mentoring request. Propose a first session: ${url}`,
  whatsapp: {
    name: "mentor_request_accepted",
    body: "Good news, {{1}}: {{2}} accepted your mentoring request. Your mentoring page: {{3}}\nA good next step is to propose a time for your first session.",
    params: ({ name, mentorName, url }) => [name, mentorName, url],
  },
  Body: ({ name, mentorName, url, organisation }) => (
    <EmailLayout
      organisation={organisation}
      preview="Propose a first session to get started."
      heading={`${mentorName} is your mentor`}
      reason={`You got this email because you asked ${mentorName} to mentor you through ${organisation.name}.`}
    >
      <Text style={paragraph}>Hello {name},</Text>
      <Text style={paragraph}>
        Good news: {mentorName} accepted your request. A good next step is to propose a time for your first session.
      </Text>
      <ActionLink href={url} label="Open your mentoring page" />
    </EmailLayout>
  ),
});
