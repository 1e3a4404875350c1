import { Text } from "@react-email/text";
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
    /** "Card, through Paystack", "In kind: 10 laptops"; older messages fall back to the method. */
    paidBy: z.string().optional(),
    /** What an in-kind gift was; its amount is then the fair value. */
    giftDescription: z.string().default(""),
    /** "₦5,000 gift and ₦177.67 to cover the card fee", when the donor covered the fee. */
    feeCovered: z.string().optional(),
    inReturn: z.string().default("Nothing was given in return for this gift."),
    /** The organisation as a finance team needs it, as it stood when the receipt was issued. */
    issuer: z
      .object({ legalName: z.string(), registrationNumber: z.string(), postalAddress: z.string(), taxWording: z.string() })
      .optional(),
    /** The receipt page; for monthly gifts it also has the button to manage the gift. */
    url: httpUrl,
  }),
  subject: ({ receiptNumber, amount }, organisation) => `Thank you: your ${amount} gift to ${organisation.name} (receipt ${receiptNumber})`,
  short: ({ receiptNumber, amount, campaignTitle, monthly, method, url }, organisation) =>
    `${organisation.name}: thank you for your ${method === "in_kind" ? "gift in kind" : `${monthly ? "monthly " : ""}gift of ${amount}`} to ${campaignTitle}. Receipt ${receiptNumber}: ${url}`,
  whatsapp: {
    name: "donation_receipt",
    body: "Hello {{1}}, thank you for your gift of {{2}} to {{3}}. Your receipt, number {{4}}: {{5}}\nKeep this message: anyone with the link can see the receipt.",
    params: ({ name, amount, campaignTitle, receiptNumber, url }) => [name, amount, campaignTitle, receiptNumber, url],
  },
  Body: ({ name, receiptNumber, date, amount, campaignTitle, monthly, method, paidBy, giftDescription, feeCovered, inReturn, issuer, url, organisation }) => (
    <EmailLayout
      organisation={organisation}
      preview={`Receipt ${receiptNumber} for ${amount} to ${campaignTitle}.`}
      heading="Thank you for your gift"
      reason={`You got this email because you gave to ${organisation.name}. Keep it as your receipt.`}
    >
      <Text style={paragraph}>Hello {name},</Text>
      <Text style={paragraph}>
        {method === "in_kind" ? (
          <>
            We received your gift in kind{giftDescription ? <>: {giftDescription}</> : null}, with a fair value of <strong>{amount}</strong>, for{" "}
            {campaignTitle}. Thank you.
          </>
        ) : (
          <>
            We received your {monthly ? "monthly " : ""}gift of <strong>{amount}</strong> to {campaignTitle}. Thank you.
          </>
        )}
      </Text>
      <Text style={paragraph}>
        Receipt number: <strong>{receiptNumber}</strong>
        <br />
        Date: {date}
        <br />
        {method === "in_kind" ? "Fair value" : "Amount"}: {amount}
        {feeCovered ? ` (${feeCovered})` : null}
        <br />
        Paid by: {paidBy ?? { card: "card", bank_transfer: "bank transfer", cash: "cash", in_kind: "a gift in kind" }[method]}
        <br />
        Received by: {issuer?.legalName || organisation.name}
        {organisation.contactEmail ? `, ${organisation.contactEmail}` : ""}
        {issuer?.registrationNumber ? (
          <>
            <br />
            Registration number: {issuer.registrationNumber}
          </>
        ) : null}
        {issuer?.postalAddress ? (
          <>
            <br />
            Address: {issuer.postalAddress.split("\n").join(", ")}
          </>
        ) : null}
      </Text>
      <Text style={paragraph}>{inReturn}</Text>
      {issuer?.taxWording ? <Text style={smallPrint}>{issuer.taxWording}</Text> : null}
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
