import { Text } from "@react-email/components";
import { z } from "zod";
import { ActionLink, defineTemplate, EmailLayout, httpUrl, paragraph, smallPrint } from "./layout";

export const donationReceipt = defineTemplate({
  schema: z.object({
    name: z.string(),
    receiptNumber: z.string(),
    /** When the gift was received, written out in the organisation's time zone. */
    date: z.string(),
    /** Already formatted with its currency, e.g. "₦5,000". */
    amount: z.string(),
    campaignTitle: z.string(),
    monthly: z.boolean().default(false),
    method: z.enum(["card", "bank_transfer", "cash", "in_kind"]).default("card"),
    /** The receipt page; for monthly gifts it also has the button to manage the gift. */
    url: httpUrl,
  }),
  subject: ({ receiptNumber, amount }, organisation) => `Thank you: your ${amount} gift to ${organisation.name} (receipt ${receiptNumber})`,
  Body: ({ name, receiptNumber, date, amount, campaignTitle, monthly, method, url, organisation }) => (
    <EmailLayout
      organisation={organisation}
      preview={`Receipt ${receiptNumber} for ${amount} to ${campaignTitle}.`}
      heading="Thank you for your gift"
      reason={`You got this email because you gave to ${organisation.name}. Keep it as your receipt.`}
    >
      <Text style={paragraph}>Hello {name},</Text>
      <Text style={paragraph}>
        We received your {monthly ? "monthly " : ""}gift of <strong>{amount}</strong> to {campaignTitle}. Thank you.
      </Text>
      <Text style={paragraph}>
        Receipt number: <strong>{receiptNumber}</strong>
        <br />
        Date: {date}
        <br />
        Paid by: {{ card: "card", bank_transfer: "bank transfer", cash: "cash", in_kind: "a gift in kind" }[method]}
        <br />
        Received by: {organisation.name}
        {organisation.contactEmail ? `, ${organisation.contactEmail}` : ""}
      </Text>
      <ActionLink href={url} label={monthly ? "See your receipt or manage your monthly gift" : "See your receipt"} />
      {monthly ? (
        <Text style={smallPrint}>
          To change your card, change the amount or stop your monthly gift, open the receipt and press &ldquo;Manage your
          monthly gift&rdquo;. Each month you will get a new receipt.
        </Text>
      ) : (
        <Text style={smallPrint}>The link opens a printable receipt. Keep this email: anyone with the link can see it.</Text>
      )}
    </EmailLayout>
  ),
});
