// The cohorts area's front door for code that also runs in the browser: schemas, labels, types.
export { APPLICATION_STATUS_LABELS, APPLICATION_STATUS_OPTIONS, addApplicationSchema, deleteApplicationSchema, updateApplicationSchema } from "./application-schemas";
export { WEEKDAYS, describeSchedule, hourLabel, localDateOf, localDateTime } from "./schedule";
export { SCHEDULE_KINDS, SCHEDULE_LABELS, addFromEventSchema, cohortSettingsSchema, createCohortSchema, inviteMembersSchema, joinSchema, normaliseJoinCode } from "./schemas";
