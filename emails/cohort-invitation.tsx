import { Text } from "@react-email/text";
import { z } from "zod";
import { ActionLink, defineTemplate, EmailLayout, httpUrl, paragraph, smallPrint } from "./layout";

/** An invitation to join a cohort (a join link), or word that an organiser added the person to one. */
export const cohortInvitation = defineTemplate({
  schema: z.object({
    inviterName: z.string(),
    cohortName: z.string(),
    curriculumTitle: z.string(),
    startsOn: z.string(),
    url: httpUrl,
    added: z.boolean().default(false),
  }),
  subject: ({ cohortName, added }, organisation) =>
    added ? `You are in the cohort ${cohortName} at ${organisation.name}` : `Join the cohort ${cohortName} at ${organisation.name}`,
  short: ({ inviterName, cohortName, curriculumTitle, startsOn, url, added }, organisation) =>
    `${organisation.name}: ${inviterName} ${added ? "added you to" : "invites you to join"} ${cohortName}: ${curriculumTitle}, from ${startsOn}. ${url}`,
  whatsapp: {
    name: "cohort_invitation",
    body: "Hello, {{1}} {{2}} {{3}}: a group walking through {{4}} together from {{5}}. See it here: {{6}}\nEach step takes about five minutes, and we tell you when the next one opens.",
    params: ({ inviterName, added, cohortName, curriculumTitle, startsOn, url }) => [inviterName, added ? "has added you to" : "invites you to join", cohortName, curriculumTitle, startsOn, url],
  },
  Body: ({ inviterName, cohortName, curriculumTitle, startsOn, url, added, organisation }) => (
    <EmailLayout
      organisation={organisation}
      preview={`${curriculumTitle}, one short step at a time, from ${startsOn}.`}
      heading={added ? `Welcome to ${cohortName}` : `Join ${cohortName}`}
      reason={
        added
          ? `You got this email because ${inviterName} at ${organisation.name} added you to the cohort after an event you attended.`
          : `You got this email because ${inviterName} at ${organisation.name} invited this address. If you do not want to join, you can ignore it.`
      }
    >
      <Text style={paragraph}>Hello,</Text>
      <Text style={paragraph}>
        {added ? `${inviterName} has added you to ${cohortName}` : `${inviterName} invites you to join ${cohortName}`}: a group
        walking through “{curriculumTitle}” together from {startsOn}. Each step takes about five minutes to read and ends
        with one small exercise, and we email you when the next step opens.
      </Text>
      <ActionLink href={url} label={added ? "See your programme" : "Join the cohort"} />
      <Text style={smallPrint}>
        {added ? "Log in with this email address to see your steps." : "You will need an account with this email address, or you can create one for free."}
      </Text>
    </EmailLayout>
  ),
});
