import { asc, eq } from "drizzle-orm";
import { db } from "~db/client.server";
import { achievements, followUps, outcomes, stories } from "~db/schema";
import { instantFor, type DataSubject, type PersonalDataSection } from "~/utils/personal-data";
import { OUTCOME_SOURCE_LABELS } from "./schemas";

/** Where the person said they are, the "where are you now?" questions they were sent, their story and their certificates. */
export function personalDataInJourney(subject: DataSubject): PersonalDataSection {
  const { userId } = subject;
  const at = (instant: number | null) => instantFor(subject, instant);
  return {
    area: "journey",
    title: "Your journey after the programme",
    description: "Where you told us you are now (or an organiser recorded for you), the follow-up questions we sent, your story and how far you let us share it, and your certificates.",
    tables: [
      {
        name: "outcomes",
        title: "Where you are now",
        sources: ["outcomes"],
        rows: db
          .select()
          .from(outcomes)
          .where(eq(outcomes.userId, userId))
          .orderBy(asc(outcomes.recordedAt))
          .all()
          .map((row) => ({
            kind: row.kind,
            employer: row.employer,
            sector: row.sector,
            hours: row.hours,
            startedOn: row.startedOn,
            how: OUTCOME_SOURCE_LABELS[row.source],
            recordedAt: at(row.recordedAt),
          })),
      },
      {
        name: "follow-ups",
        title: "Where-are-you-now questions",
        sources: ["follow_ups"],
        rows: db
          .select()
          .from(followUps)
          .where(eq(followUps.userId, userId))
          .orderBy(asc(followUps.dueAt))
          .all()
          .map((row) => ({ after: row.trigger, monthsAfter: row.monthsAfter, dueAt: at(row.dueAt), sentAt: at(row.sentAt), remindedAt: at(row.remindedAt), answeredAt: at(row.answeredAt) })),
      },
      {
        name: "story",
        title: "Your story",
        sources: ["stories"],
        rows: db
          .select()
          .from(stories)
          .where(eq(stories.userId, userId))
          .orderBy(asc(stories.createdAt))
          .all()
          .map((row) => ({
            text: row.text,
            mayQuote: row.mayQuote,
            byName: row.byName,
            consentedAt: at(row.consentedAt),
            withdrawnAt: at(row.withdrawnAt),
            featuredAt: at(row.featuredAt),
            writtenAt: at(row.createdAt),
            changedAt: at(row.updatedAt),
          })),
      },
      {
        name: "achievements",
        title: "Certificates of attendance and of your journey",
        sources: ["achievements"],
        rows: db
          .select()
          .from(achievements)
          .where(eq(achievements.userId, userId))
          .orderBy(asc(achievements.earnedAt))
          .all()
          .map((row) => ({ kind: row.kind, recipientName: row.recipientName, statement: row.statement, organisation: row.organisationName, earnedAt: at(row.earnedAt) })),
      },
    ],
  };
}
