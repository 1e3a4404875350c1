import { Text } from "@react-email/text";
import { z } from "zod";
import { ActionLink, defineTemplate, EmailLayout, httpUrl, paragraph, smallPrint } from "./layout";

export const followUpRequest = defineTemplate({
  schema: z.object({
    name: z.string(),
    /** What ended: "the December cohort", "your mentorship with Tunde". */
    since: z.string(),
    months: z.number().int().positive(),
    /** The one-page form; the link carries a token, so no log-in is needed. It lasts 60 days. */
    url: httpUrl,
    reminder: z.boolean().default(false),
  }),
  subject: ({ reminder }) => (reminder ? "A reminder: where are you now?" : "Where are you now?"),
  short: ({ since, months, url }, organisation) => `${organisation.name}: ${months} months since ${since}. Where are you now? Tell us in a minute: ${url}`,
  whatsapp: {
    name: "follow_up_request",
    body: "Hello {{1}}, it is {{2}} months since {{3}}. Where are you now: working, studying, your own business, still searching? Tell us in a minute here: {{4}}\nYou do not need to sign in.",
    params: ({ name, months, since, url }) => [name, String(months), since, url],
  },
  Body: ({ name, since, months, url, reminder, organisation }) => (
    <EmailLayout
      organisation={organisation}
      preview="One minute: a job, study, a business, or still searching. Every answer helps."
      heading="Where are you now?"
      reason={`You got this email because ${organisation.name} asks people ${months} months after ${since}.`}
    >
      <Text style={paragraph}>Hello {name},</Text>
      <Text style={paragraph}>
        {reminder ? "We asked two weeks ago and would still love to hear from you. " : ""}It is {months} months since {since}. Where are you now: working,
        studying, running your own business, or still searching? Every answer helps us do better for the next group.
      </Text>
      <ActionLink href={url} label="Tell us where you are" />
      <Text style={smallPrint}>
        It takes a minute and you do not need to sign in. The link works for 60 days. You may also add a few words on what helped you most, and choose
        whether we may quote them.
      </Text>
    </EmailLayout>
  ),
});
