// The mentoring area's front door for server code (routes, other areas, scripts).
export { checkInForToken, recordCheckInRating, scheduleFirstCheckIn } from "./check-ins.server";
export { mentoringFigures } from "./figures.server";
export { createMatchRun, listRuns, waitingMenteeIds, type MenteePool } from "./group-matching.server";
export { eraseMentoringData } from "./erasure.server";
export { registerMentoringJobs } from "./jobs.server";
export { endMentorship, endPageFor, mentorshipsOf, rateEndedMentorship, type MentorshipListItem } from "./lifecycle.server";
export { changeProposal, discardRun, eligibleMentorsFor, findRun, publishRun, runProposals } from "./match-review.server";
export { activeMenteeCount, openPairsOf, requireOwnMentorship } from "./mentorships.server";
export { addNote, deleteNote, setActionDone } from "./notes.server";
export { mentoringOverview } from "./overview.server";
export { getMenteeProfile, getMentorProfile, listMentorProfiles, personTimeZone, profileFormValues, reviewMentorProfile, saveMenteeProfile, saveMentorProfile } from "./profiles.server";
export { REQUEST_LAPSE_JOB, RESPOND_WITHIN, acceptRequest, declineRequest, requestMentor, withdrawRequest } from "./requests.server";
export { SESSION_CALENDAR_CONTENT_TYPE, sessionIcs, zoneLabel } from "./session-calendar.server";
export { answerSession, proposeSession, rateSession, recordOutcome, sessionForViewer } from "./sessions.server";
export { shareStep, withdrawStep } from "./shared-answers.server";
export { mentorCard, suggestMentorsFor } from "./suggestions.server";
export { workspaceFor, type Workspace, type WorkspaceSession } from "./workspace.server";
export { personalDataInMentoring } from "./personal-data.server";
