// The journey area's front door for code that also runs in the browser: schemas, labels, types.
export {
  AGE_BAND_LABELS,
  AGE_BANDS,
  CHOICES_SHOWN,
  MOST_COHORTS_COMPARED,
  SMALL_NUMBER,
  STAGE_LABELS,
  STAGES,
  suppressed,
  suppressedText,
  type AgeBand,
  type Scope,
  type Stage,
} from "./figures";
export { PERIOD_KINDS, PERIOD_LABELS, type Period, type PeriodInput, type PeriodKind } from "./period";
export { FEWER_THAN_FIVE, IMPACT_REPORT_LABELS, isReportKind, linkFundSchema, REPORT_KINDS, unlinkFundSchema, type ReportKind } from "./impact-schemas";
export {
  JOB_HOURS,
  OUTCOME_KINDS,
  JOB_HOURS_LABELS,
  JOB_HOURS_OPTIONS,
  OUTCOME_KIND_LABELS,
  OUTCOME_KIND_OPTIONS,
  OUTCOME_SOURCE_LABELS,
  STORY_MAX,
  featureStorySchema,
  followUpAnswerSchema,
  followUpMonthsSchema,
  outcomeSchema,
  storySchema,
  withdrawStorySchema,
  type OutcomeValues,
  type StoryValues,
} from "./schemas";
