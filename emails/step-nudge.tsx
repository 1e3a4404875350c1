import { Text } from "@react-email/text";
import { z } from "zod";
import { ActionLink, defineTemplate, EmailLayout, httpUrl, paragraph } from "./layout";

/** One gentle reminder to a member who has not yet done an open step. */
export const stepNudge = defineTemplate({
  schema: z.object({
    name: z.string(),
    cohortName: z.string(),
    stepNumber: z.number().int().positive(),
    stepTitle: z.string(),
    url: httpUrl,
    // Other open steps also waiting, included in this one reminder.
    moreWaiting: z.number().int().min(0).default(0),
  }),
  subject: ({ stepNumber }) => `Step ${stepNumber} is waiting for you`,
  short: ({ stepNumber, stepTitle, url }, organisation) =>
    `${organisation.name}: step ${stepNumber}, ${stepTitle}, is waiting for you. Five minutes is enough: ${url}`,
  whatsapp: {
    name: "step_nudge",
    body: "Hello {{1}}, step {{2}}, {{3}}, is open and ready when you are: {{4}}\nGo at your own pace: five minutes today is enough to keep going.",
    params: ({ name, stepNumber, stepTitle, url }) => [name, String(stepNumber), stepTitle, url],
  },
  Body: ({ name, cohortName, stepNumber, stepTitle, url, moreWaiting, organisation }) => (
    <EmailLayout
      organisation={organisation}
      preview="Five minutes is enough. Pick up where you left off."
      heading={`Step ${stepNumber} is still waiting for you`}
      reason={`You got this email because you are in the cohort ${cohortName} with ${organisation.name}. We send one reminder per step, never more.`}
    >
      <Text style={paragraph}>Hello {name},</Text>
      <Text style={paragraph}>
        Step {stepNumber}, “{stepTitle}”, is open and ready when you are.
        {moreWaiting > 0 ? ` ${moreWaiting === 1 ? "One more step is" : `${moreWaiting} more steps are`} open after it too.` : ""} Job
        hunting is tiring, and it is fine to go at your own pace: five minutes today is enough to keep going.
      </Text>
      <ActionLink href={url} label={`Open step ${stepNumber}`} />
    </EmailLayout>
  ),
});
