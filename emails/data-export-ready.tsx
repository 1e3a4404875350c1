import { Text } from "@react-email/text";
import { z } from "zod";
import { ActionLink, defineTemplate, EmailLayout, httpUrl, paragraph, smallPrint } from "./layout";

export const dataExportReady = defineTemplate({
  schema: z.object({ name: z.string(), url: httpUrl, expiresOn: z.string() }),
  subject: (_props, organisation) => `Your data from ${organisation.name} is ready to download`,
  short: ({ url, expiresOn }, organisation) => `${organisation.name}: your data is ready to download until ${expiresOn}. Log in to open it: ${url}`,
  whatsapp: {
    name: "data_export_ready",
    body: "Hello {{1}}, the copy of your data you asked for is ready. Download it while logged in, until {{2}}: {{3}}\nIf you did not ask for this, change your password and tell us.",
    params: ({ name, expiresOn, url }) => [name, expiresOn, url],
  },
  Body: ({ name, url, expiresOn, organisation }) => (
    <EmailLayout
      organisation={organisation}
      preview="A ZIP file with everything we hold about you."
      heading="Your data is ready"
      reason={`You got this email because you asked ${organisation.name} for a copy of your data. We always send it to the address on your account.`}
    >
      <Text style={paragraph}>Hello {name},</Text>
      <Text style={paragraph}>
        The copy of your data you asked for is ready: a ZIP file with a page you can read, and the same information for
        spreadsheets and other programs.
      </Text>
      <ActionLink href={url} label="Download your data" />
      <Text style={smallPrint}>
        The link works until {expiresOn}, and only when you are logged in to your account. After that, ask for a new
        copy on your privacy page. If you did not ask for this, change your password and tell us.
      </Text>
    </EmailLayout>
  ),
});
