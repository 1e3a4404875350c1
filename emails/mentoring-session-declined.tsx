import { Text } from "@react-email/text";
import { z } from "zod";
import { ActionLink, defineTemplate, EmailLayout, httpUrl, paragraph } from "./layout";

/** To the person who proposed a session that the other side declined. */
export const mentoringSessionDeclined = defineTemplate({
  schema: z.object({ name: z.string(), otherName: z.string(), when: z.string(), url: httpUrl }),
  subject: ({ otherName }) => `${otherName} cannot make the session you proposed`,
  short: ({ otherName, when, url }, organisation) => `${organisation.name}: ${otherName} cannot make the session on ${when}. Propose another time: ${url}`,
  whatsapp: {
    name: "mentoring_session_declined",
    body: "Hello {{1}}, {{2}} cannot make the session you proposed for {{3}}. Propose another time here: {{4}}\nThank you for understanding.",
    params: ({ name, otherName, when, url }) => [name, otherName, when, url],
  },
  Body: ({ name, otherName, when, url, organisation }) => (
    <EmailLayout
      organisation={organisation}
      preview={`${when} does not suit ${otherName}. Propose another time.`}
      heading="Let us find another time"
      reason={`You got this email because you proposed a session to ${otherName} through ${organisation.name}.`}
    >
      <Text style={paragraph}>Hello {name},</Text>
      <Text style={paragraph}>
        {otherName} declined the session you proposed for {when}. That time does not suit them: propose another one from
        your mentoring page.
      </Text>
      <ActionLink href={url} label="Propose another time" />
    </EmailLayout>
  ),
});
