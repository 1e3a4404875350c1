import { Text } from "@react-email/text";
import { z } from "zod";
import { ActionLink, defineTemplate, EmailLayout, httpUrl, paragraph } from "./layout";

/** To the organisers when SMS spending reaches the warning share of the monthly budget, and when it stops sending. */
export const smsBudgetWarning = defineTemplate({
  schema: z.object({
    /** Already formatted with its currency, e.g. "₦8,000". */
    spent: z.string(),
    budget: z.string(),
    percent: z.number().int().min(0),
    /** The budget is spent: no more SMS this month. */
    stopped: z.boolean(),
    /** The organisation's channel settings. */
    url: httpUrl,
  }),
  subject: ({ percent, budget, stopped }) =>
    stopped ? `SMS stopped: this month's budget of ${budget} is spent` : `SMS spending has reached ${percent}% of this month's budget`,
  short: ({ spent, budget, percent, stopped, url }, organisation) =>
    stopped
      ? `${organisation.name}: SMS sending has stopped: ${spent} of this month's ${budget} budget is spent. Raise the budget to send more: ${url}`
      : `${organisation.name}: SMS spending is at ${percent}% of this month's budget (${spent} of ${budget}). ${url}`,
  whatsapp: {
    name: "sms_budget_warning",
    body: "SMS spending has reached {{1}}% of this month's budget: {{2}} of {{3}}. {{4}} Settings: {{5}}\nOnly organisers get this message.",
    params: ({ percent, spent, budget, stopped, url }) => [
      String(percent),
      spent,
      budget,
      stopped ? "No more SMS will be sent this month unless you raise the budget." : "At the full budget, SMS stop until next month.",
      url,
    ],
  },
  Body: ({ spent, budget, percent, stopped, url, organisation }) => (
    <EmailLayout
      organisation={organisation}
      preview={`${spent} of ${budget} spent on SMS this month.`}
      heading={stopped ? "SMS sending has stopped" : "SMS spending is nearing the budget"}
      reason={`You got this email because you are an organiser of ${organisation.name}, which sends text messages within a monthly budget.`}
    >
      <Text style={paragraph}>
        This month {organisation.name} has spent <strong>{spent}</strong> of its <strong>{budget}</strong> SMS budget ({percent}%).
      </Text>
      <Text style={paragraph}>
        {stopped
          ? "No more SMS will be sent this month unless you raise the budget. People who also allow email or WhatsApp still get their messages that way."
          : "When the budget is spent, no more SMS are sent until next month. People who also allow email or WhatsApp then get their messages that way."}
      </Text>
      <ActionLink href={url} label="Open the channel settings" />
    </EmailLayout>
  ),
});
