import { Text } from "@react-email/components";
import { z } from "zod";
import { SessionFacts, sessionFactsSchema } from "./mentoring-session-facts";
import { ActionLink, defineTemplate, EmailLayout, paragraph, smallPrint } from "./layout";

/** To both sides, the day before a confirmed session. */
export const mentoringSessionReminder = defineTemplate({
  schema: z.object({ ...sessionFactsSchema }),
  subject: ({ otherName, when }) => `Reminder: mentoring session with ${otherName}, ${when}`,
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
