import { Text } from "@react-email/text";
import { z } from "zod";
import { ActionLink, defineTemplate, EmailLayout, httpUrl, paragraph, smallPrint } from "./layout";

export const feedbackRequest = defineTemplate({
  schema: z.object({
    name: z.string(),
    eventTitle: z.string(),
    /** The feedback form; the link carries a token, so no log-in is needed. */
    url: httpUrl,
  }),
  subject: ({ eventTitle }) => `How was ${eventTitle}?`,
  short: ({ eventTitle, url }, organisation) => `${organisation.name}: thank you for coming to ${eventTitle}. How was it? Tell us in a minute: ${url}`,
  whatsapp: {
    name: "feedback_request",
    body: "Hello {{1}}, thank you for coming to {{2}}. How was it? Rate it from 1 to 5 here: {{3}}\nIt takes a minute. Only the organisers see what you write.",
    params: ({ name, eventTitle, url }) => [name, eventTitle, url],
  },
  Body: ({ name, eventTitle, url, organisation }) => (
    <EmailLayout
      organisation={organisation}
      preview="Two questions, one minute: it helps us make the next one better."
      heading="Thank you for coming"
      reason={`You got this email because you attended ${eventTitle} with ${organisation.name}.`}
    >
      <Text style={paragraph}>Hello {name},</Text>
      <Text style={paragraph}>
        Thank you for coming to {eventTitle}. How was it? Give it a rating from 1 to 5 and, if you like, tell us what would
        make it better.
      </Text>
      <ActionLink href={url} label="Give feedback" />
      <Text style={smallPrint}>It takes a minute. Only the organisers see what you write.</Text>
    </EmailLayout>
  ),
});
