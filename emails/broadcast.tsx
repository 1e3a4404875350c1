import { Text } from "@react-email/text";
import { z } from "zod";
import { ActionLink, defineTemplate, EmailLayout, httpUrl, paragraph } from "./layout";

const paragraphsOf = (body: string) =>
  body
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter(Boolean);

/** The organisers' message to a group they chose (everyone checked in on Saturday, say): plain text, no markup. */
export const broadcast = defineTemplate({
  schema: z.object({
    name: z.string(),
    subject: z.string().min(1),
    body: z.string().min(1),
    link: httpUrl.optional(),
  }),
  subject: ({ subject }) => subject,
  short: ({ body, link }, organisation) => `${organisation.name}: ${body.trim()}${link ? ` ${link}` : ""}`,
  whatsapp: {
    name: "group_message",
    // Written by the organisers to many people at once, not asked for by the reader: Meta counts that as marketing.
    category: "MARKETING",
    body: "Hello {{1}}, a message from the organisers.\n*{{2}}*\n{{3}}\nLink: {{4}}\nYou can choose which messages you get on your preferences page.",
    params: ({ name, subject, body, link }) => [name, subject, body, link ?? ""],
  },
  Body: ({ name, subject, body, link, organisation }) => (
    <EmailLayout
      organisation={organisation}
      preview={paragraphsOf(body)[0] ?? subject}
      heading={subject}
      reason={`You got this email because the organisers of ${organisation.name} wrote to a group you belong to.`}
    >
      <Text style={paragraph}>Hello {name},</Text>
      {paragraphsOf(body).map((part, index) => (
        // Line breaks within a paragraph stay as typed.
        <Text key={index} style={{ ...paragraph, whiteSpace: "pre-line" }}>
          {part}
        </Text>
      ))}
      {link ? <ActionLink href={link} label="Open the link" /> : null}
    </EmailLayout>
  ),
});
