import { Text } from "@react-email/text";
import { z } from "zod";
import { ActionLink, defineTemplate, EmailLayout, httpUrl, paragraph, smallPrint } from "./layout";

export const monthlyGiftPaymentFailed = defineTemplate({
  schema: z.object({
    name: z.string(),
    amount: z.string(),
    campaignTitle: z.string(),
    /** The first gift's receipt page, where the donor can update their card. */
    url: httpUrl,
  }),
  subject: ({ amount }) => `Your monthly gift of ${amount} did not go through`,
  short: ({ amount, url }, organisation) =>
    `${organisation.name}: your monthly gift of ${amount} did not go through, so nothing was taken. Update your card: ${url}`,
  whatsapp: {
    name: "monthly_gift_payment_failed",
    body: "Hello {{1}}, this month's payment of {{2}} for {{3}} was declined, so nothing was taken. Your card may have expired or been replaced. Update it here: {{4}}\nWe will try the payment again over the next days.",
    params: ({ name, amount, campaignTitle, url }) => [name, amount, campaignTitle, url],
  },
  Body: ({ name, amount, campaignTitle, url, organisation }) => (
    <EmailLayout
      organisation={organisation}
      preview="Your card was declined. You can update it in a minute."
      heading="Your monthly gift did not go through"
      reason={`You got this email because you give ${amount} each month to ${campaignTitle} with ${organisation.name}.`}
    >
      <Text style={paragraph}>Hello {name},</Text>
      <Text style={paragraph}>
        This month&rsquo;s payment of <strong>{amount}</strong> for {campaignTitle} was declined, so nothing was taken.
        Your card may have expired or been replaced.
      </Text>
      <ActionLink href={url} label="Update your card" />
      <Text style={smallPrint}>
        The payment will be tried again over the next days. If you would rather stop giving, you can cancel on the same
        page; thank you for what you have given.
      </Text>
    </EmailLayout>
  ),
});
