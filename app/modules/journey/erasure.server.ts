import { and, eq } from "drizzle-orm";
import type { Tx } from "~db/client.server";
import { achievements, followUps, impactReportLinks, outcomes, stories } from "~db/schema";
import type { ErasedPerson } from "~/utils/redact.server";

/**
 * What the person said goes (their story, the employer, sector and dates of each outcome) and
 * their certificates with it; each outcome's kind stays, unnamed, so the programme's figures still
 * add up, as a cohort keeps a completed step's mark. Follow-ups keep their dates (so no one is
 * asked again) but no link opens any more.
 */
export function eraseJourneyData(tx: Tx, person: ErasedPerson): void {
  tx.delete(stories).where(eq(stories.userId, person.userId)).run();
  tx.delete(achievements).where(eq(achievements.userId, person.userId)).run();
  // A sponsor's report named them: its share links stop opening anything.
  tx.delete(impactReportLinks).where(and(eq(impactReportLinks.kind, "sponsor"), eq(impactReportLinks.subject, person.userId))).run();
  tx.update(outcomes).set({ employer: "", sector: "", hours: null, startedOn: null }).where(eq(outcomes.userId, person.userId)).run();
  tx.update(followUps).set({ tokenHash: null }).where(eq(followUps.userId, person.userId)).run();
}
