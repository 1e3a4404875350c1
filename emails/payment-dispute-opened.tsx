import { Text } from "@react-email/text";
import { z } from "zod";
import { ActionLink, defineTemplate, EmailLayout, httpUrl, paragraph, smallPrint } from "./layout";

export const paymentDisputeOpened = defineTemplate({
  schema: z.object({
    donorName: z.string(),
    campaignTitle: z.string(),
    /** The amount disputed, formatted. */
    amount: z.string(),
    /** The bank's reason or category, as the provider gives it; may be empty. */
    reason: z.string(),
    /** The last day to send evidence, formatted; empty when the provider gave none. */
    respondBy: z.string(),
    /** The gift in the organisers' console. */
    url: httpUrl,
  }),
  subject: ({ amount, donorName }) => `A bank disputes a gift of ${amount}${donorName ? ` from ${donorName}` : ""}`,
  short: ({ donorName, amount, respondBy, url }, organisation) =>
    `${organisation.name}: a bank disputes a gift of ${amount}${donorName ? ` from ${donorName}` : ""}.${respondBy ? ` Send evidence by ${respondBy}.` : ""} ${url}`,
  whatsapp: {
    name: "payment_dispute_opened",
    body: "A bank disputes a gift of {{1}} from {{2}} to {{3}}. The reason given: {{4}}. Send evidence by: {{5}}\nOpen the gift: {{6}}\nEvidence is sent from the payment provider's dashboard.",
    params: ({ amount, donorName, campaignTitle, reason, respondBy, url }) => [
      amount,
      donorName || "a donor",
      campaignTitle || "a campaign",
      reason || "none",
      respondBy || "no date given",
      url,
    ],
  },
  Body: ({ donorName, campaignTitle, amount, reason, respondBy, url, organisation }) => (
    <EmailLayout
      organisation={organisation}
      preview={`A card payment of ${amount} is disputed.`}
      heading="A card payment is disputed"
      reason={`You got this email because it is the contact address of ${organisation.name}, which took this payment.`}
    >
      <Text style={paragraph}>
        The donor's bank disputes a gift of <strong>{amount}</strong>
        {donorName ? ` from ${donorName}` : ""}
        {campaignTitle ? ` to ${campaignTitle}` : ""}.{reason ? ` The reason given: ${reason}.` : ""}
      </Text>
      {respondBy ? (
        <Text style={paragraph}>
          Send your evidence to the payment provider by <strong>{respondBy}</strong>, or the bank may return the money to the donor.
        </Text>
      ) : null}
      <ActionLink href={url} label="Open the gift" />
      <Text style={smallPrint}>Evidence is sent from the payment provider's dashboard. The gift's page shows the dispute as it moves on.</Text>
    </EmailLayout>
  ),
});
