import { Text } from "@react-email/text";
import { z } from "zod";
import { ActionLink, defineTemplate, EmailLayout, httpUrl, paragraph, smallPrint } from "./layout";

const detailsBox = { fontSize: "17px", lineHeight: "1.5", margin: "0 0 16px", whiteSpace: "pre-line" as const };

/** The bank details as one line, for a text message. */
function oneLine(details: string): string {
  return details
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .join(", ");
}

/** Sent to a donor who pledged a bank transfer: what to send, where, and the reference to quote. */
export const bankTransferPledge = defineTemplate({
  schema: z.object({
    name: z.string(),
    campaignTitle: z.string(),
    /** Already formatted, e.g. "₦5,000". */
    amount: z.string(),
    reference: z.string(),
    bankDetails: z.string(),
    /** The pledge page with the same details and its status. */
    url: httpUrl,
  }),
  subject: ({ reference, campaignTitle }) => `Your bank transfer for ${campaignTitle}: reference ${reference}`,
  short: ({ campaignTitle, amount, reference, bankDetails, url }, organisation) =>
    `${organisation.name}: thank you for pledging ${amount} to ${campaignTitle}. ${bankDetails ? `Please transfer it to ${oneLine(bankDetails)}` : "Please transfer it"} with the reference ${reference}. ${url}`,
  whatsapp: {
    name: "bank_transfer_pledge",
    body: "Hello {{1}}, thank you for choosing to give {{2}} to {{3}}. Please write this reference on the bank transfer, so we can match it to your gift: {{4}}\nOur bank details: {{5}}\nYour pledge: {{6}}\nWhen the money arrives we send you a receipt.",
    params: ({ name, amount, campaignTitle, reference, bankDetails, url }) => [name, amount, campaignTitle, reference, bankDetails ? oneLine(bankDetails) : "on your pledge page", url],
  },
  Body: ({ name, campaignTitle, amount, reference, bankDetails, url, organisation }) => (
    <EmailLayout
      organisation={organisation}
      preview={`Send ${amount} quoting ${reference}.`}
      heading="Thank you for your pledge"
      reason={`You got this email because you pledged a gift to ${organisation.name} for ${campaignTitle}.`}
    >
      <Text style={paragraph}>Hello {name},</Text>
      <Text style={paragraph}>
        Thank you for choosing to give <strong>{amount}</strong> to <strong>{campaignTitle}</strong>. Please make the bank
        transfer and write this reference on it, so we can match it to your gift:
      </Text>
      <Text style={{ ...paragraph, fontSize: "22px", letterSpacing: "2px" }}>
        <strong>{reference}</strong>
      </Text>
      <Text style={paragraph}>Our bank details:</Text>
      <Text style={detailsBox}>{bankDetails || `Please contact ${organisation.contactEmail} for our bank details.`}</Text>
      <ActionLink href={url} label="See your pledge" />
      <Text style={smallPrint}>
        When the money arrives we mark your gift received and email you a receipt. If you change your mind, simply do not
        send the transfer.
      </Text>
    </EmailLayout>
  ),
});
