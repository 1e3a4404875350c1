import { Text } from "@react-email/components";
import { z } from "zod";
import { ActionLink, defineTemplate, EmailLayout, httpUrl, paragraph, smallPrint } from "./layout";

const detailsBox = { fontSize: "17px", lineHeight: "1.5", margin: "0 0 16px", whiteSpace: "pre-line" as const };

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
