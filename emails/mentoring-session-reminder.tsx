import { Text } from "@react-email/text";
import { z } from "zod";
import { SessionFacts, sessionFactsSchema } from "./mentoring-session-facts";
import { ActionLink, defineTemplate, EmailLayout, paragraph, smallPrint } from "./layout";

/** To both sides, the day before a confirmed session. */
export const mentoringSessionReminder = defineTemplate({
  schema: z.object({ ...sessionFactsSchema }),
  subject: ({ otherName, when }) => `Reminder: mentoring session with ${otherName}, ${when}`,
  short: ({ otherName, when, url }, organisation) => `${organisation.name}: a reminder that your mentoring session with ${otherName} is on ${when}. ${url}`,
  whatsapp: {
    name: "mentoring_session_reminder",
    body: "Hello {{1}}, a reminder that you meet {{2}} soon.\nWhen: {{3}}\nHow: {{4}}\nYour mentoring page: {{5}}\nCannot make it after all? Cancel it there so the other person knows.",
    params: ({ name, otherName, when, format, location, url }) => [name, otherName, when, `${format}: ${location}`, url],
  },
  Body: ({ name, otherName, when, format, location, agenda, url, organisation }) => (
    <EmailLayout
      organisation={organisation}
      preview={`You meet ${otherName} ${when}.`}
      heading="Your session is tomorrow"
      reason={`You got this email because you have a confirmed session with ${otherName} through ${organisation.name}.`}
    >
      <Text style={paragraph}>Hello {name},</Text>
      <Text style={paragraph}>A reminder that you meet {otherName} soon.</Text>
      <SessionFacts otherName={otherName} when={when} format={format} location={location} agenda={agenda} />
      <ActionLink href={url} label="Open our mentoring page" />
      <Text style={smallPrint}>Cannot make it after all? Cancel it from your mentoring page so {otherName} knows.</Text>
    </EmailLayout>
  ),
});
