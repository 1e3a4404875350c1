import { Text } from "@react-email/text";
import { z } from "zod";
import { SessionFacts, sessionFactsSchema } from "./mentoring-session-facts";
import { ActionLink, defineTemplate, EmailLayout, paragraph, smallPrint } from "./layout";

/** To the other side of a mentorship when one proposes a session. */
export const mentoringSessionProposed = defineTemplate({
  schema: z.object({ ...sessionFactsSchema }),
  subject: ({ otherName }) => `${otherName} proposed a mentoring session`,
  short: ({ otherName, when, url }, organisation) => `${organisation.name}: ${otherName} proposed a mentoring session on ${when}. Confirm or decline: ${url}`,
  whatsapp: {
    name: "mentoring_session_proposed",
    body: "Hello {{1}}, {{2}} would like to meet for a mentoring session.\nWhen: {{3}}\nHow: {{4}}\nConfirm or decline here: {{5}}\nOnce you confirm, you both get a calendar file.",
    params: ({ name, otherName, when, format, location, url }) => [name, otherName, when, `${format}: ${location}`, url],
  },
  Body: ({ name, otherName, when, format, location, agenda, url, organisation }) => (
    <EmailLayout
      organisation={organisation}
      preview={`${when}. Confirm it or decline it.`}
      heading="A session is proposed"
      reason={`You got this email because you are in a mentorship with ${otherName} through ${organisation.name}.`}
    >
      <Text style={paragraph}>Hello {name},</Text>
      <Text style={paragraph}>{otherName} would like to meet. Does this time suit you?</Text>
      <SessionFacts otherName={otherName} when={when} format={format} location={location} agenda={agenda} />
      <ActionLink href={url} label="Confirm or decline" />
      <Text style={smallPrint}>The time is shown in your own time zone. Once you confirm, you both get a calendar file.</Text>
    </EmailLayout>
  ),
});
