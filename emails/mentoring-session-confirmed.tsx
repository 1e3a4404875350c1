import { Text } from "@react-email/text";
import { z } from "zod";
import { calendarPart, icsSchema } from "./calendar";
import { SessionFacts, sessionFactsSchema } from "./mentoring-session-facts";
import { ActionLink, defineTemplate, EmailLayout, paragraph, smallPrint } from "./layout";

/** To both sides once a session is confirmed, with the session as a calendar invitation. */
export const mentoringSessionConfirmed = defineTemplate({
  schema: z.object({
    ...sessionFactsSchema,
    ics: icsSchema,
  }),
  subject: ({ otherName, when }) => `Confirmed: mentoring session with ${otherName}, ${when}`,
  calendar: ({ ics }) => calendarPart("mentoring-session.ics", ics),
  short: ({ otherName, when, url }, organisation) => `${organisation.name}: your mentoring session with ${otherName} is confirmed: ${when}. ${url}`,
  whatsapp: {
    name: "mentoring_session_confirmed",
    body: "Hello {{1}}, your mentoring session with {{2}} is confirmed.\nWhen: {{3}}\nHow: {{4}}\nYour mentoring page: {{5}}\nIf you cannot make it, cancel it there so the other person knows.",
    params: ({ name, otherName, when, format, location, url }) => [name, otherName, when, `${format}: ${location}`, url],
  },
  Body: ({ name, otherName, when, format, location, agenda, url, organisation }) => (
    <EmailLayout
      organisation={organisation}
      preview={`${when}. A calendar file is attached.`}
      heading="Your session is confirmed"
      reason={`You got this email because you are in a mentorship with ${otherName} through ${organisation.name}.`}
    >
      <Text style={paragraph}>Hello {name},</Text>
      <Text style={paragraph}>You and {otherName} have agreed a time.</Text>
      <SessionFacts otherName={otherName} when={when} format={format} location={location} agenda={agenda} />
      <ActionLink href={url} label="Open our mentoring page" />
      <Text style={smallPrint}>
        The attached file (mentoring-session.ics) adds the session to your calendar. We will remind you the day before. If
        you cannot make it, cancel it from your mentoring page so {otherName} knows.
      </Text>
    </EmailLayout>
  ),
});
