import { Link } from "@react-email/link";
import { Section } from "@react-email/section";
import { Text } from "@react-email/text";
import { z } from "zod";
import { defineTemplate, EmailLayout, httpUrl, paragraph, smallPrint } from "./layout";

const LABELS = ["1: poorly", "2: not well", "3: all right", "4: well", "5: very well"];

const linkStyle = { display: "inline-block", padding: "10px 14px", margin: "0 8px 8px 0", border: "1px solid #0b5e55", borderRadius: "4px", fontSize: "17px", fontWeight: 700, color: "#0b5e55", textDecoration: "none" };

export const mentorshipCheckIn = defineTemplate({
  schema: z.object({
    name: z.string(),
    otherName: z.string(),
    /** Five links, rating 1 to 5; each opens a page with one button to record it (no log-in needed). */
    links: z.array(httpUrl).length(5),
  }),
  subject: ({ otherName }) => `How is your mentorship with ${otherName} going?`,
  short: ({ otherName, links }, organisation) =>
    `${organisation.name}: how is your mentorship with ${otherName} going? Tap a number, 1 (poorly) to 5 (very well):${links.map((href, index) => `\n${index + 1} ${href}`).join("")}`,
  whatsapp: {
    name: "mentorship_check_in",
    body: "Hello {{1}}, how is your mentorship with {{2}} going? Tap a number from 1 (poorly) to 5 (very well):\n1: {{3}}\n2: {{4}}\n3: {{5}}\n4: {{6}}\n5: {{7}}\nOnly the organisers see ratings, and only as figures.",
    params: ({ name, otherName, links }) => [name, otherName, ...links],
  },
  Body: ({ name, otherName, links, organisation }) => (
    <EmailLayout
      organisation={organisation}
      preview="One click: rate it from 1 to 5."
      heading="How is it going?"
      reason={`You got this email because you are in a mentorship with ${otherName} through ${organisation.name}; we ask every couple of months.`}
    >
      <Text style={paragraph}>Hello {name},</Text>
      <Text style={paragraph}>How is your mentorship with {otherName} going? Choose a number from 1 to 5.</Text>
      <Section style={{ margin: "8px 0 16px" }}>
        {links.map((href, index) => (
          <Text key={href} style={{ margin: "0 0 8px" }}>
            <Link href={href} style={linkStyle}>
              {LABELS[index]}
            </Link>
          </Text>
        ))}
      </Section>
      <Text style={smallPrint}>
        Each link opens a page where you confirm your answer with one button. You can change it later. Only the organisers
        see ratings, and only as figures.
      </Text>
    </EmailLayout>
  ),
});
