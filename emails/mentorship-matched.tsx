import { Text } from "@react-email/text";
import { z } from "zod";
import { ActionLink, defineTemplate, EmailLayout, httpUrl, paragraph } from "./layout";

export const mentorshipMatched = defineTemplate({
  schema: z.object({
    name: z.string(),
    /** The other person in the pair. */
    otherName: z.string(),
    /** The recipient's side of the pair. */
    role: z.enum(["mentor", "mentee"]),
    /** The pair's mentoring page. */
    url: httpUrl,
  }),
  subject: ({ otherName, role }) =>
    role === "mentor" ? `You have been matched with a new mentee: ${otherName}` : `Meet your mentor: ${otherName}`,
  short: ({ otherName, role, url }, organisation) =>
    role === "mentor"
      ? `${organisation.name}: you have a new mentee, ${otherName}. Propose a first session: ${url}`
      : `${organisation.name}: meet your mentor, ${otherName}. Propose a first session: ${url}`,
  whatsapp: {
    name: "mentorship_matched",
    body: "Hello {{1}}, {{2}} has matched you with {{3}} as your {{4}}. Your mentoring page: {{5}}\nA good next step is to propose a time for your first session.",
    params: ({ name, otherName, role, url }, organisation) => [name, organisation.name, otherName, role === "mentor" ? "mentee" : "mentor", url],
  },
  Body: ({ name, otherName, role, url, organisation }) => (
    <EmailLayout
      organisation={organisation}
      preview="Propose a first session to get started."
      heading={role === "mentor" ? "You have a new mentee" : "You have a mentor"}
      reason={`You got this email because ${organisation.name} matched mentors and mentees in its programme.`}
    >
      <Text style={paragraph}>Hello {name},</Text>
      <Text style={paragraph}>
        {role === "mentor"
          ? `${organisation.name} has matched you with ${otherName} as your mentee.`
          : `${organisation.name} has matched you with ${otherName} as your mentor.`}{" "}
        A good next step is to propose a time for your first session.
      </Text>
      <ActionLink href={url} label="Open your mentoring page" />
    </EmailLayout>
  ),
});
