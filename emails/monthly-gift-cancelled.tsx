import { Text } from "@react-email/text";
import { z } from "zod";
import { defineTemplate, EmailLayout, paragraph } from "./layout";

export const monthlyGiftCancelled = defineTemplate({
  schema: z.object({
    name: z.string(),
    amount: z.string(),
    campaignTitle: z.string(),
    /** How many monthly payments were received. */
    paymentsMade: z.number().int().min(0),
  }),
  subject: ({ campaignTitle }) => `Your monthly gift to ${campaignTitle} has stopped`,
  short: ({ amount, campaignTitle }, organisation) =>
    `${organisation.name}: your monthly gift of ${amount} to ${campaignTitle} has stopped, and no further payments will be taken. Thank you.`,
  whatsapp: {
    name: "monthly_gift_cancelled",
    body: "Hello {{1}}, your monthly gift of {{2}} to {{3}} has been cancelled, and no further payments will be taken. Thank you for thinking of us: you are welcome to start a new gift at any time.",
    params: ({ name, amount, campaignTitle }) => [name, amount, campaignTitle],
  },
  Body: ({ name, amount, campaignTitle, paymentsMade, organisation }) => (
    <EmailLayout
      organisation={organisation}
      preview="No further payments will be taken."
      heading="Your monthly gift has stopped"
      reason={`You got this email because your monthly gift to ${organisation.name} was cancelled.`}
    >
      <Text style={paragraph}>Hello {name},</Text>
      <Text style={paragraph}>
        Your monthly gift of <strong>{amount}</strong> to {campaignTitle} has been cancelled, and no further payments will
        be taken.
      </Text>
      <Text style={paragraph}>
        {paymentsMade > 0
          ? `You gave ${paymentsMade} ${paymentsMade === 1 ? "time" : "times"}. Thank you: it made a real difference.`
          : "Thank you for thinking of us."}{" "}
        If you did not mean to stop, you are welcome to start a new gift on our donate page at any time.
      </Text>
    </EmailLayout>
  ),
});
