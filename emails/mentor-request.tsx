import { Text } from "@react-email/text";
import { z } from "zod";
import { ActionLink, defineTemplate, EmailLayout, httpUrl, paragraph, smallPrint } from "./layout";

export const mentorRequest = defineTemplate({
  schema: z.object({
    name: z.string(),
    menteeName: z.string(),
    /** The last day to answer, written out in the mentor's time zone. */
    respondBy: z.string(),
    /** The mentor's mentoring page, where the request and its message wait. */
    url: httpUrl,
  }),
  subject: ({ menteeName }) => `${menteeName} would like you to be their mentor`,
  short: ({ menteeName, respondBy, url }, organisation) =>
    `${organisation.name}: ${menteeName} would like you to be their mentor. Please answer by ${respondBy}: ${url}`,
  whatsapp: {
    name: "mentor_request",
    body: "Hello {{1}}, {{2}} has asked you to be their mentor. Read their message and accept or decline by {{3}}: {{4}}\nAfter that the request lapses.",
    params: ({ name, menteeName, respondBy, url }) => [name, menteeName, respondBy, url],
  },
  Body: ({ name, menteeName, respondBy, url, organisation }) => (
    <EmailLayout
      organisation={organisation}
      preview={`Please accept or decline by ${respondBy}.`}
      heading="A new mentoring request"
      reason={`You got this email because you are a mentor with ${organisation.name} and ${menteeName} asked you to mentor them.`}
    >
      <Text style={paragraph}>Hello {name},</Text>
      <Text style={paragraph}>
        {menteeName} has asked you to be their mentor. Read their message and accept or decline the request on your
        mentoring page.
      </Text>
      <ActionLink href={url} label="See the request" />
      <Text style={smallPrint}>
        Please answer by {respondBy}. After that the request lapses and {menteeName} is told they can ask someone else.
      </Text>
    </EmailLayout>
  ),
});
