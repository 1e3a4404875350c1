import { Text } from "@react-email/text";
import { z } from "zod";
import { calendarPart, icsSchema } from "./calendar";
import { ActionLink, defineTemplate, EmailLayout, httpUrl, paragraph, smallPrint } from "./layout";

/** To the other side when a session is called off; a confirmed one carries a METHOD:CANCEL .ics. */
export const mentoringSessionCancelled = defineTemplate({
  schema: z.object({
    name: z.string(),
    otherName: z.string(),
    when: z.string(),
    url: httpUrl,
    ics: icsSchema.optional(),
    /** Called off because the mentorship ended, rather than by one person. */
    becauseEnded: z.boolean().default(false),
  }),
  subject: ({ otherName }) => `Cancelled: mentoring session with ${otherName}`,
  calendar: ({ ics }) => (ics ? calendarPart("mentoring-session.ics", ics) : null),
  short: ({ otherName, when, url, becauseEnded }, organisation) =>
    becauseEnded
      ? `${organisation.name}: your mentorship with ${otherName} has ended, so the session on ${when} is cancelled. ${url}`
      : `${organisation.name}: ${otherName} cancelled the session on ${when}. Propose another time: ${url}`,
  whatsapp: {
    name: "mentoring_session_cancelled",
    body: "Hello {{1}}, the mentoring session planned for {{2}} is cancelled and will not take place: {{3}}. Your mentoring page: {{4}}\nIf you added the session to your calendar, you can remove it.",
    params: ({ name, when, otherName, becauseEnded, url }) => [name, when, becauseEnded ? `your mentorship with ${otherName} has ended` : `${otherName} called it off`, url],
  },
  Body: ({ name, otherName, when, url, ics, becauseEnded, organisation }) => (
    <EmailLayout
      organisation={organisation}
      preview={`The session on ${when} will not take place.`}
      heading="A session is cancelled"
      reason={`You got this email because you are in a mentorship with ${otherName} through ${organisation.name}.`}
    >
      <Text style={paragraph}>Hello {name},</Text>
      {becauseEnded ? (
        <Text style={paragraph}>
          Your mentorship with {otherName} has ended, so the session planned for {when} is cancelled. It will not take
          place.
        </Text>
      ) : (
        <Text style={paragraph}>
          {otherName} cancelled the session planned for {when}. It will not take place. You can propose another time from
          your mentoring page.
        </Text>
      )}
      <ActionLink href={url} label="Open our mentoring page" />
      {ics ? <Text style={smallPrint}>Open the attached file to remove the session from your calendar.</Text> : null}
    </EmailLayout>
  ),
});
