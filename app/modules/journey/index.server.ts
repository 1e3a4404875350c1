// The journey area's front door for server code: outcomes, follow-ups, stories, a person's journey,
// the funnel and impact figures. Each part adds its exports here.
export {
  AGE_BANDS,
  PLACED_KINDS,
  SMALL_NUMBER,
  STAGES,
  stageCounts,
  suppressed,
  suppressedText,
  type AgeBand,
  type Scope,
  type Stage,
} from "./definitions.server";
export { compareCohorts, funnel, funnelTable, type Funnel, type FunnelStage, type StageGap } from "./funnel.server";
export { readFunnelFilters, type FunnelFilterOptions, type FunnelFilters } from "./funnel-filters.server";
export { defaultPeriod, monthsOf, monthsTableSql, readPeriod, type Month } from "./period.server";
export type { Period, PeriodKind } from "./period";
export { fundChoices, fundsOf, linkFund, unlinkFund, type Fund } from "./impact-funds.server";
export { impactReport, myImpactReports, parseReportYear, sponsorMayRead, type ImpactReport } from "./impact-reports.server";
export { createShareLink, isYearPublished, publishedYearReport, reportByToken, revokeShareLink, setYearPublished, shareLinksOf, type ShareLink } from "./impact-links.server";
export { impactReportChoices } from "./impact-console.server";
export { outcomesOf, recordOutcomeFor, recordOwnOutcome, trackerOfferFor, type OutcomeRow, type TrackerOffer } from "./outcomes.server";
export { consentedStories, saveStory, setStoryFeatured, STORIES_PAGE_SIZE, storyOf, withdrawStory, type ConsentedStory, type StoryRow } from "./stories.server";
export { answerFollowUp, followUpPage, type FollowUpPage } from "./follow-up-answers.server";
export { sendDueFollowUps, sendFollowUpReminders, LINK_LIFETIME, REMIND_AFTER } from "./follow-ups.server";
export { ensureFollowUpSweepScheduled, registerJourneyJobs, runFollowUpSweep, FOLLOW_UP_SWEEP_JOB } from "./jobs.server";
export { journeyOf, type TimelineEntry, type TimelineKind } from "./timeline.server";
export { personalDataInJourney } from "./personal-data.server";
export { eraseJourneyData } from "./erasure.server";
export { findAchievement, issueDueAchievements, myAchievements, type Achievement } from "./achievements.server";
