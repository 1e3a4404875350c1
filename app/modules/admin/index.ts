// The admin area's front door for code that also runs in the browser: schemas, labels, types.
export {
  AUDIENCE_GROUP_LABELS,
  AUDIENCE_GROUPS,
  BODY_MAX,
  LONGEST_FIND,
  MAX_DAYS,
  MAX_STEP,
  MAX_WEEKS,
  SUBJECT_MAX,
  audienceField,
  audienceFromForm,
  cancelBroadcastSchema,
  messageFormSchema,
  readMessageQuery,
  type Audience,
  type AudienceGroup,
  type MessageForm,
  type MessageFormValues,
} from "./broadcasts/schemas";
export { CHART_IDS, isChartId, type ChartData, type ChartId, type ChartKind, type ChartSeries } from "./charts";
