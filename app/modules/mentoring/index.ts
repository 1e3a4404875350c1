// The mentoring area's front door for code that also runs in the browser: schemas, labels, types.
export { UNASSIGNED, changeProposalSchema, runDecisionSchema, runMatchSchema } from "./match-schemas";
export { MAX_OPEN_REQUESTS, RATING_LABELS, checkInSchema, declineSchema, endMentorshipSchema, endPageSchema, myMentoringSchema, rateMentorshipSchema, requestMentorSchema, whatsAppSharingSchema } from "./mentorship-schemas";
export { DAY_NAMES, DAY_PARTS, FORMAT_LABELS, FORMAT_OPTIONS, LANGUAGES, describeAvailability, formatList, slotValue } from "./options";
export { MAX_CAPACITY, menteeProfileSchema, mentorProfileSchema, reviewMentorSchema } from "./profile-schemas";
export { DURATION_OPTIONS, NOTE_TYPES, NOTE_TYPE_LABELS, OUTCOME_LABELS, addNoteSchema, noteActionSchema, proposeSessionSchema, rateSessionSchema, sessionAnswerSchema, sessionOutcomeSchema, shareStepSchema, type NoteType } from "./session-schemas";
export type { Workspace, WorkspaceSession } from "./workspace.server";
export type { MentoringFormat } from "~db/schema";
