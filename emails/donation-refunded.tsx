import { Text } from "@react-email/text";
import { z } from "zod";
import { defineTemplate, EmailLayout, paragraph, smallPrint } from "./layout";

export const donationRefunded = defineTemplate({
  schema: z.object({
    name: z.string(),
    receiptNumber: z.string(),
    /** This refund's amount, formatted. */
    amount: z.string(),
    /** What the gift was originally, formatted. */
    originalAmount: z.string(),
    campaignTitle: z.string(),
    full: z.boolean(),
  }),
  subject: ({ amount, receiptNumber }) => `We refunded ${amount} of your gift (receipt ${receiptNumber})`,
  short: ({ receiptNumber, amount, originalAmount }, organisation) =>
    `${organisation.name}: we refunded ${amount} of your ${originalAmount} gift (receipt ${receiptNumber}). Banks usually take 5 to 10 working days to show it.`,
  whatsapp: {
    name: "donation_refunded",
    body: "Hello {{1}}, we refunded {{2}} of your {{3}} gift to {{4}} (receipt {{5}}). The money goes back to the card you paid with; banks usually take 5 to 10 working days to show it.",
    params: ({ name, amount, originalAmount, campaignTitle, receiptNumber }) => [name, amount, originalAmount, campaignTitle, receiptNumber],
  },
  Body: ({ name, receiptNumber, amount, originalAmount, campaignTitle, full, organisation }) => (
    <EmailLayout
      organisation={organisation}
      preview="The money goes back to the card you paid with."
      heading={full ? "Your gift was refunded" : "Part of your gift was refunded"}
      reason={`You got this email because ${organisation.name} refunded a gift you made.`}
    >
      <Text style={paragraph}>Hello {name},</Text>
      <Text style={paragraph}>
        We refunded <strong>{amount}</strong> of your {originalAmount} gift to {campaignTitle} (receipt {receiptNumber}).
      </Text>
      <Text style={smallPrint}>
        The money goes back to the card you paid with; banks usually take 5 to 10 working days to show it.
      </Text>
    </EmailLayout>
  ),
});
