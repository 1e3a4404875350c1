import { Text } from "@react-email/text";
import { z } from "zod";
import { ActionLink, defineTemplate, EmailLayout, httpUrl, paragraph } from "./layout";

export const mentorRequestLapsed = defineTemplate({
  schema: z.object({
    name: z.string(),
    mentorName: z.string(),
    /** The list of mentors, to ask someone else. */
    url: httpUrl,
  }),
  subject: ({ mentorName }) => `Your request to ${mentorName} has lapsed`,
  short: ({ mentorName, url }, organisation) =>
    `${organisation.name}: ${mentorName} did not answer your mentoring request within 7 days. You can ask another mentor: ${url}`,
  whatsapp: {
    name: "mentor_request_lapsed",
    body: "Hello {{1}}, {{2}} did not answer your mentoring request within 7 days, so it has lapsed. You are free to ask another mentor: {{3}}\nWe hope you find a good fit.",
    params: ({ name, mentorName, url }) => [name, mentorName, url],
  },
  Body: ({ name, mentorName, url, organisation }) => (
    <EmailLayout
      organisation={organisation}
      preview="You can ask another mentor now."
      heading="Your mentoring request lapsed"
      reason={`You got this email because you asked ${mentorName} to mentor you through ${organisation.name}.`}
    >
      <Text style={paragraph}>Hello {name},</Text>
      <Text style={paragraph}>
        {mentorName} did not answer your request within 7 days, so it has lapsed. You are free to ask another mentor.
      </Text>
      <ActionLink href={url} label="See other mentors" />
    </EmailLayout>
  ),
});
