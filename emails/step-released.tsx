import { Text } from "@react-email/text";
import { z } from "zod";
import { ActionLink, defineTemplate, EmailLayout, httpUrl, paragraph } from "./layout";

/** To each member of a cohort when the next step of the programme opens. */
export const stepReleased = defineTemplate({
  schema: z.object({
    name: z.string(),
    cohortName: z.string(),
    stepNumber: z.number().int().positive(),
    stepTitle: z.string(),
    stepSummary: z.string().default(""),
    url: httpUrl,
  }),
  subject: ({ stepNumber, stepTitle }) => `Step ${stepNumber} is open: ${stepTitle}`,
  short: ({ stepNumber, stepTitle, url }, organisation) => `${organisation.name}: step ${stepNumber} of your programme is open: ${stepTitle}. ${url}`,
  whatsapp: {
    name: "step_released",
    body: "Hello {{1}}, step {{2}} of your programme is open: {{3}}. Read it here: {{4}}\nIt takes about five minutes and ends with one small exercise.",
    params: ({ name, stepNumber, stepTitle, url }) => [name, String(stepNumber), stepTitle, url],
  },
  Body: ({ name, cohortName, stepNumber, stepTitle, stepSummary, url, organisation }) => (
    <EmailLayout
      organisation={organisation}
      preview={stepSummary || `Step ${stepNumber} of your programme is ready for you.`}
      heading={`Step ${stepNumber}: ${stepTitle}`}
      reason={`You got this email because you are in the cohort ${cohortName} with ${organisation.name}. We write once when each step opens.`}
    >
      <Text style={paragraph}>Hello {name},</Text>
      <Text style={paragraph}>The next step of your programme is open. It takes about five minutes to read, and ends with one small exercise.</Text>
      {stepSummary ? <Text style={paragraph}>{stepSummary}</Text> : null}
      <ActionLink href={url} label={`Open step ${stepNumber}`} />
    </EmailLayout>
  ),
});
