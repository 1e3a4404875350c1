// The cohorts area's front door for server code (routes, other areas, scripts).
export { addJournalEntry, memberAnswers, memberOwner, saveAnswer, type StoredAnswer } from "./answers.server";
export { addApplication, countApplications, deleteApplication, listApplications, updateApplication } from "./applications.server";
export { findCertificate } from "./certificates.server";
export {
  cohortChoicesWithMembers,
  COHORTS_PAGE_SIZE,
  createCohort,
  facilitatorOptions,
  findCohort,
  findCohortByCode,
  generateJoinCode,
  listCohorts,
  memberCount,
  memberUserIds,
  recentCohortChoices,
  updateCohort,
} from "./cohorts.server";
export { addStep, answerCounts, curriculaWithCohortCounts, moveStep, removeStep } from "./curriculum-edits.server";
export { cohortGrid } from "./dashboard.server";
export { eraseCohortsData } from "./erasure.server";
export { programmeFigures } from "./figures.server";
export { announceRelease, registerCohortJobs, sendDueNudges } from "./jobs.server";
export { membersExport } from "./members-csv.server";
export { addEventAttendees, inviteToCohort, joinCohort, joinUrl, membershipOf, membershipsOf, pendingInvitations } from "./membership.server";
export { cohortSteps, isReleased, todayForCohorts, programmeFor, programmeSummary, stepPageFor } from "./progress.server";
export { syncReleases } from "./releases.server";
export { stepView } from "./step-view.server";
export { personalDataInCohorts } from "./personal-data.server";
export { cohortHistoryOf, holdsProgrammeCertificate, membersOfCohortsEndedBetween, type CohortStop } from "./journey-reads.server";
export { cohortMembersAudience, stuckOnStepAudience } from "./audiences.server";
