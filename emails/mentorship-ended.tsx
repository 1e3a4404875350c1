import { Text } from "@react-email/text";
import { z } from "zod";
import { ActionLink, defineTemplate, EmailLayout, httpUrl, paragraph, smallPrint } from "./layout";

export const mentorshipEnded = defineTemplate({
  schema: z.object({
    name: z.string(),
    /** Who ended it: the other person in the pair. */
    otherName: z.string(),
    /** The page where the recipient gives their own rating (a log-in is needed). */
    url: httpUrl,
  }),
  subject: ({ otherName }) => `${otherName} has ended your mentorship`,
  short: ({ otherName, url }, organisation) =>
    `${organisation.name}: ${otherName} has ended your mentorship. Thank you for your time. How did it go? ${url}`,
  whatsapp: {
    name: "mentorship_ended",
    body: "Hello {{1}}, {{2}} has ended your mentorship. Thank you for the time you gave it. How did it go for you? Rate it from 1 to 5: {{3}}\nOnly the organisers see ratings, and only as figures.",
    params: ({ name, otherName, url }) => [name, otherName, url],
  },
  Body: ({ name, otherName, url, organisation }) => (
    <EmailLayout
      organisation={organisation}
      preview="How did it go? Give it a rating from 1 to 5."
      heading="Your mentorship has ended"
      reason={`You got this email because you were in a mentorship with ${otherName} through ${organisation.name}.`}
    >
      <Text style={paragraph}>Hello {name},</Text>
      <Text style={paragraph}>
        {otherName} has ended your mentorship. Thank you for the time you gave it. How did it go for you? Please give it a
        rating from 1 to 5.
      </Text>
      <ActionLink href={url} label="Rate the mentorship" />
      <Text style={smallPrint}>Only the organisers see ratings, and only as figures.</Text>
    </EmailLayout>
  ),
});
