import { Text } from "@react-email/text";
import { z } from "zod";
import { ActionLink, defineTemplate, EmailLayout, httpUrl, paragraph, smallPrint } from "./layout";

export const guardianConsentRequest = defineTemplate({
  schema: z.object({
    childName: z.string(),
    url: httpUrl,
    adultAge: z.number().int().positive().default(18),
    expiresInDays: z.number().int().positive().default(14),
  }),
  subject: ({ childName }, organisation) => `${childName} would like to join ${organisation.name}: please say if you agree`,
  short: ({ childName, url }, organisation) =>
    `${organisation.name}: ${childName} signed up and gave this number for a parent or guardian. Please read and say if you agree: ${url}`,
  whatsapp: {
    name: "guardian_consent_request",
    body: "Hello, {{1}} has signed up to {{2}}, a free programme that helps young people find work. Because they are under {{3}}, a parent or guardian must agree first. Read and answer here: {{4}}\nThe link works once, for {{5}} days. If you do not know them, ignore this message.",
    params: ({ childName, adultAge, url, expiresInDays }, organisation) => [childName, organisation.name, String(adultAge), url, String(expiresInDays)],
  },
  Body: ({ childName, url, adultAge, expiresInDays, organisation }) => (
    <EmailLayout
      organisation={organisation}
      preview={`${childName} signed up and gave this address for a parent or guardian.`}
      heading="A young person needs your consent"
      reason={`You got this email because ${childName} signed up to ${organisation.name} and gave this address for a parent or guardian. If you do not know them, ignore it: nothing is shared and the account stays closed.`}
    >
      <Text style={paragraph}>Hello,</Text>
      <Text style={paragraph}>
        {childName} has signed up to {organisation.name}, a free programme that helps young people find work through
        workshops, a 15-step course with a group, and a mentor. Because they are under {adultAge}, the law asks a parent or
        guardian to agree before we share anything about them with mentors or let them book.
      </Text>
      <Text style={paragraph}>Open the link to see what they signed up for and to say whether you agree.</Text>
      <ActionLink href={url} label="Read and answer" />
      <Text style={smallPrint}>
        The link works once, for {expiresInDays} days. You can also tell the organisers in person: they will ask you to
        sign a paper form.
      </Text>
    </EmailLayout>
  ),
});
