import { Text } from "@react-email/text";
import { z } from "zod";
import { ActionLink, defineTemplate, EmailLayout, hoursText, httpUrl, paragraph, smallPrint } from "./layout";

const ROLE_TEXT = {
  organiser: { noun: "an organiser", work: "help run workshops, cohorts and mentoring" },
  mentor: { noun: "a mentor", work: "support young people who are looking for work" },
} as const;

export const invitation = defineTemplate({
  schema: z.object({
    inviterName: z.string(),
    role: z.enum(["organiser", "mentor"]),
    url: httpUrl,
    expiresInHours: z.number().int().positive().optional(),
  }),
  subject: ({ inviterName, role }, organisation) =>
    `${inviterName} invited you to join ${organisation.name} as ${ROLE_TEXT[role].noun}`,
  short: ({ inviterName, role, url, expiresInHours }, organisation) =>
    `${organisation.name}: ${inviterName} invites you to join as ${ROLE_TEXT[role].noun}. The link works once${expiresInHours ? `, for ${hoursText(expiresInHours)}` : ""}. ${url}`,
  whatsapp: {
    name: "invitation",
    body: "Hello, {{1}} invites you to join {{2}} as {{3}}, to {{4}}. Set up your account with this link: {{5}}\nIt works once. Only open it if you know who sent it.",
    params: ({ inviterName, role, url }, organisation) => [inviterName, organisation.name, ROLE_TEXT[role].noun, ROLE_TEXT[role].work, url],
  },
  Body: ({ inviterName, role, url, expiresInHours, organisation }) => (
    <EmailLayout
      organisation={organisation}
      preview={`Join ${organisation.name} as ${ROLE_TEXT[role].noun}.`}
      heading={`Join us as ${ROLE_TEXT[role].noun}`}
      reason={`You got this email because ${inviterName} invited this address to ${organisation.name}. If you do not want to join, you can ignore it.`}
    >
      <Text style={paragraph}>Hello,</Text>
      <Text style={paragraph}>
        {inviterName} would like you to join {organisation.name} as {ROLE_TEXT[role].noun}, to {ROLE_TEXT[role].work}.
        Open the link to set up your account.
      </Text>
      <ActionLink href={url} label="Accept the invitation" />
      <Text style={smallPrint}>
        The link works once{expiresInHours ? `, for ${hoursText(expiresInHours)}` : ""}. Only open it if you know{" "}
        {inviterName}.
      </Text>
    </EmailLayout>
  ),
});
