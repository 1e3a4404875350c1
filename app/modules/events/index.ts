// The events area's front door for code that also runs in the browser: schemas, labels, types.
export { addDoorVolunteerSchema, removeDoorVolunteerSchema } from "./door-team-schemas";
export { normaliseShortCode, ticketInScan, type ScannedTicket } from "./check-in/ticket-scan";
export { DEVICE_SYNC_LIMIT, WALK_IN_CONTACT_MESSAGE, deviceSyncSchema, walkInSchema, type DeviceItemResult, type DevicePerson, type DeviceQuestion, type DeviceSync, type DeviceSyncReply, type DoorListForDevice } from "./door-device";
export { acceptDoorInvitationSchema, createDoorLinkSchema, endDoorLinkSchema, joinDoorTeamSchema, joinDoorTeamWithEmailSchema, withdrawDoorInvitationSchema } from "./door-invitation-schemas";
export { ANSWER_MAX, YES_NO_OPTIONS, answerLabel, answersSchema, correctAnswersSchema, feedbackSchema, registerSchema, ticketActionSchema, type FormQuestion } from "./booking/schemas";
export { BLANK_QUESTION_ROWS, KIND_LABELS, KIND_OPTIONS, MAX_SERIES_SESSIONS, MIN_QUESTION_ROWS, QR_CHECK_IN_INTENT, QUESTION_KIND_LABELS, QUESTION_KIND_OPTIONS, REGISTRATION_STATUS_LABELS, STATUS_LABELS, cancelEventSchema, checkInCodeSchema, checkInPersonSchema, createEventSchema, editEventSchema, eventActionSchema, type EventFormInput, type QuestionFormInput } from "./publishing/schemas";
export type { EventKind, EventStatus, RegistrationStatus } from "~db/schema";
