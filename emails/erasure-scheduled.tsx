import { Text } from "@react-email/text";
import { z } from "zod";
import { ActionLink, defineTemplate, EmailLayout, httpUrl, paragraph } from "./layout";

export const erasureScheduled = defineTemplate({
  schema: z.object({ name: z.string(), eraseOn: z.string(), url: httpUrl }),
  subject: (_props, organisation) => `Your ${organisation.name} account will be deleted`,
  short: ({ eraseOn, url }, organisation) => `${organisation.name}: your account will be deleted on ${eraseOn}. Changed your mind? Log in before then: ${url}`,
  whatsapp: {
    name: "erasure_scheduled",
    body: "Hello {{1}}, we will delete your {{2}} account on {{3}}. Changed your mind? Log in before then and your account stays: {{4}}\nIf you did not ask for this, log in straight away and change your password.",
    params: ({ name, eraseOn, url }, organisation) => [name, organisation.name, eraseOn, url],
  },
  Body: ({ name, eraseOn, url, organisation }) => (
    <EmailLayout
      organisation={organisation}
      preview={`Changed your mind? Log in before ${eraseOn}.`}
      heading="Your account will be deleted"
      reason={`You got this email because someone asked to delete your ${organisation.name} account. We always tell you when that happens.`}
    >
      <Text style={paragraph}>Hello {name},</Text>
      <Text style={paragraph}>
        We will delete your account and erase your personal data on {eraseOn}. Gift amounts, receipt numbers and
        attendance totals are kept without your name, because the organisation&apos;s accounts need them.
      </Text>
      <Text style={paragraph}>
        Changed your mind? Log in before then and your account stays.
      </Text>
      <ActionLink href={url} label="Log in and keep my account" />
      <Text style={paragraph}>If you did not ask for this, log in straight away and change your password.</Text>
    </EmailLayout>
  ),
});
