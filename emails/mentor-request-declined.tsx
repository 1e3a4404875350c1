import { Link } from "@react-email/link";
import { Text } from "@react-email/text";
import { z } from "zod";
import { ActionLink, defineTemplate, EmailLayout, httpUrl, paragraph, smallPrint } from "./layout";

export const mentorRequestDeclined = defineTemplate({
  schema: z.object({
    name: z.string(),
    mentorName: z.string(),
    /**
     * The mentor wrote a reason. Its words stay on the mentee's mentoring page: messages in the
     * outbox can be read by organisers, and what the pair write to each other is theirs.
     */
    withNote: z.boolean().default(false),
    /** The mentee's mentoring page, where the reason is shown. */
    pageUrl: httpUrl.optional(),
    /** The list of mentors, to ask someone else. */
    url: httpUrl,
  }),
  subject: ({ mentorName }) => `${mentorName} cannot take on your mentoring request`,
  short: ({ mentorName, url }, organisation) =>
    `${organisation.name}: ${mentorName} cannot take on your mentoring request. Other mentors may be a good fit: ${url}`,
  whatsapp: {
    name: "mentor_request_declined",
    body: "Hello {{1}}, {{2}} is not able to mentor you at the moment. Please do not be discouraged: other mentors may be a good fit for you. See them here: {{3}}\nMentors decline for many reasons, most often because their time is full.",
    params: ({ name, mentorName, url }) => [name, mentorName, url],
  },
  Body: ({ name, mentorName, withNote, pageUrl, url, organisation }) => (
    <EmailLayout
      organisation={organisation}
      preview="Other mentors may be a good fit: have a look."
      heading="Your mentoring request was declined"
      reason={`You got this email because you asked ${mentorName} to mentor you through ${organisation.name}.`}
    >
      <Text style={paragraph}>Hello {name},</Text>
      <Text style={paragraph}>{mentorName} is not able to mentor you at the moment.</Text>
      {withNote && pageUrl ? (
        <Text style={paragraph}>
          They left you a short note. Read it on <Link href={pageUrl}>your mentoring page</Link>
        </Text>
      ) : null}
      <Text style={paragraph}>Please do not be discouraged: other mentors may be a good fit for you.</Text>
      <ActionLink href={url} label="See other mentors" />
      <Text style={smallPrint}>Mentors decline for many reasons, most often because their time is full.</Text>
    </EmailLayout>
  ),
});
