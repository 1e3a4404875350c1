import { Text } from "@react-email/text";
import { z } from "zod";
import { ActionLink, defineTemplate, EmailLayout, httpUrl, paragraph, smallPrint } from "./layout";

const quote = { ...paragraph, whiteSpace: "pre-line", borderLeft: "4px solid #b1b4b6", paddingLeft: "12px" } as const;

export const partnerEnquiry = defineTemplate({
  schema: z.object({
    organisationName: z.string(),
    contactName: z.string(),
    email: z.string(),
    phone: z.string().default(""),
    /** How they would like to work with us, in words. */
    kind: z.string(),
    message: z.string(),
    /** The partner pipeline in the organisers' console. */
    url: httpUrl,
  }),
  subject: ({ organisationName, kind }) => `Partner enquiry from ${organisationName}: ${kind}`,
  short: ({ organisationName, contactName, kind, url }, organisation) =>
    `${organisation.name}: a partner enquiry from ${contactName} of ${organisationName}: ${kind}. ${url}`,
  whatsapp: {
    name: "partner_enquiry",
    body: "A new partner enquiry: {{1}} of {{2}} is interested in {{3}}.\nEmail: {{4}}\nPhone: {{5}}\nOpen the partner pipeline: {{6}}\nReply to them from your own email.",
    params: ({ contactName, organisationName, kind, email, phone, url }) => [contactName, organisationName, kind, email, phone, url],
  },
  Body: ({ organisationName, contactName, email, phone, kind, message, url, organisation }) => (
    <EmailLayout
      organisation={organisation}
      preview={`${contactName} of ${organisationName} would like to work with ${organisation.name}.`}
      heading="A new partner enquiry"
      reason={`You got this email because you are an organiser of ${organisation.name} and someone filled in the "Partner with us" form.`}
    >
      <Text style={paragraph}>
        <strong>{contactName}</strong> of <strong>{organisationName}</strong> is interested in: {kind}.
      </Text>
      <Text style={paragraph}>
        Email: {email}
        {phone ? (
          <>
            <br />
            Phone: {phone}
          </>
        ) : null}
      </Text>
      <Text style={quote}>{message}</Text>
      <ActionLink href={url} label="Open the partner pipeline" />
      <Text style={smallPrint}>Reply to them from your own email. Move the enquiry along the pipeline as the conversation goes.</Text>
    </EmailLayout>
  ),
});
