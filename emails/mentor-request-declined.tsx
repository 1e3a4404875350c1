import { Text } from "@react-email/components";
import { z } from "zod";
import { ActionLink, defineTemplate, EmailLayout, httpUrl, paragraph, smallPrint } from "./layout";

export const mentorRequestDeclined = defineTemplate({
  schema: z.object({
    name: z.string(),
    mentorName: z.string(),
    /** The mentor's own words, if they gave any. */
    reason: z.string().default(""),
    /** The list of mentors, to ask someone else. */
    url: httpUrl,
  }),
  subject: ({ mentorName }) => `${mentorName} cannot take on your mentoring request`,
  Body: ({ name, mentorName, reason, url, organisation }) => (
    <EmailLayout
      organisation={organisation}
      preview="Other mentors may be a good fit: have a look."
      heading="Your mentoring request was declined"
      reason={`You got this email because you asked ${mentorName} to mentor you through ${organisation.name}.`}
    >
      <Text style={paragraph}>Hello {name},</Text>
      <Text style={paragraph}>{mentorName} is not able to mentor you at the moment.</Text>
      {reason ? <Text style={paragraph}>They wrote: &ldquo;{reason}&rdquo;</Text> : null}
      <Text style={paragraph}>Please do not be discouraged: other mentors may be a good fit for you.</Text>
      <ActionLink href={url} label="See other mentors" />
      <Text style={smallPrint}>Mentors decline for many reasons, most often because their time is full.</Text>
    </EmailLayout>
  ),
});
