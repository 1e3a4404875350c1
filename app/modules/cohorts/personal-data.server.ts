import { asc, eq, sql } from "drizzle-orm";
import { db } from "~db/client.server";
import { certificates, cohortInvitations, cohortMembers, cohorts, curriculumSteps, exerciseAnswers, jobApplications, stepNudges } from "~db/schema";
import { instantFor, jsonText, type DataSubject, type PersonalDataSection } from "~/utils/personal-data";

/** The person's cohorts, their own answers to the exercises, reminders, job applications and certificates. */
export function personalDataInCohorts(subject: DataSubject): PersonalDataSection {
  const at = (instant: number | null) => instantFor(subject, instant);
  const { userId } = subject;
  const memberships = db
    .select({ cohort: cohorts.name, joinedAt: cohortMembers.joinedAt, joinedVia: cohortMembers.joinedVia })
    .from(cohortMembers)
    .innerJoin(cohorts, eq(cohorts.id, cohortMembers.cohortId))
    .where(eq(cohortMembers.userId, userId))
    .orderBy(asc(cohortMembers.joinedAt))
    .all();
  const invited = db
    .select({ cohort: cohorts.name, email: cohortInvitations.email, createdAt: cohortInvitations.createdAt, acceptedAt: cohortInvitations.acceptedAt })
    .from(cohortInvitations)
    .innerJoin(cohorts, eq(cohorts.id, cohortInvitations.cohortId))
    .where(sql`lower(${cohortInvitations.email}) = ${subject.email.trim().toLowerCase()}`)
    .all();
  const facilitated = db.select({ cohort: cohorts.name, startDate: cohorts.startDate }).from(cohorts).where(eq(cohorts.facilitatorId, userId)).all();
  const answers = db
    .select({ cohort: cohorts.name, position: curriculumSteps.position, step: curriculumSteps.title, answer: exerciseAnswers.answer, completedAt: exerciseAnswers.completedAt, updatedAt: exerciseAnswers.updatedAt })
    .from(exerciseAnswers)
    .innerJoin(cohortMembers, eq(cohortMembers.id, exerciseAnswers.memberId))
    .innerJoin(cohorts, eq(cohorts.id, cohortMembers.cohortId))
    .innerJoin(curriculumSteps, eq(curriculumSteps.id, exerciseAnswers.stepId))
    .where(eq(cohortMembers.userId, userId))
    .orderBy(asc(cohorts.name), asc(curriculumSteps.position))
    .all();
  const nudges = db
    .select({ cohort: cohorts.name, step: curriculumSteps.title, sentAt: stepNudges.sentAt })
    .from(stepNudges)
    .innerJoin(cohortMembers, eq(cohortMembers.id, stepNudges.memberId))
    .innerJoin(cohorts, eq(cohorts.id, cohortMembers.cohortId))
    .innerJoin(curriculumSteps, eq(curriculumSteps.id, stepNudges.stepId))
    .where(eq(cohortMembers.userId, userId))
    .all();
  return {
    area: "cohorts",
    title: "The programme",
    description: "The cohorts you joined, your answers to the programme's exercises, the reminders we sent, your job applications and certificates.",
    tables: [
      {
        name: "cohorts",
        title: "Cohorts",
        sources: ["cohort_members", "cohort_invitations", "cohorts"],
        rows: [
          ...memberships.map((row) => ({ cohort: row.cohort, role: "member", how: row.joinedVia, at: at(row.joinedAt), invitedAddress: null })),
          ...invited.map((row) => ({ cohort: row.cohort, role: row.acceptedAt ? "invited, joined" : "invited", how: "invitation", at: at(row.createdAt), invitedAddress: row.email })),
          ...facilitated.map((row) => ({ cohort: row.cohort, role: "facilitator", how: "organiser", at: row.startDate, invitedAddress: null })),
        ],
      },
      {
        name: "exercise-answers",
        title: "Your answers",
        sources: ["exercise_answers"],
        rows: answers.map((row) => ({ cohort: row.cohort, step: `${row.position}. ${row.step}`, answer: jsonText(row.answer), completedAt: at(row.completedAt), updatedAt: at(row.updatedAt) })),
      },
      {
        name: "step-reminders",
        title: "Reminders we sent",
        sources: ["step_nudges"],
        rows: nudges.map((row) => ({ cohort: row.cohort, step: row.step, sentAt: at(row.sentAt) })),
      },
      {
        name: "job-applications",
        title: "Job applications",
        sources: ["job_applications"],
        rows: db
          .select()
          .from(jobApplications)
          .where(eq(jobApplications.userId, userId))
          .orderBy(asc(jobApplications.appliedOn))
          .all()
          .map((row) => ({ company: row.company, role: row.role, appliedOn: row.appliedOn, status: row.status, updatedAt: at(row.updatedAt) })),
      },
      {
        name: "certificates",
        title: "Certificates",
        sources: ["certificates"],
        rows: db
          .select()
          .from(certificates)
          .where(eq(certificates.userId, userId))
          .all()
          .map((row) => ({ verificationId: row.id, name: row.recipientName, curriculum: row.curriculumTitle, cohort: row.cohortName, organisation: row.organisationName, completedAt: at(row.completedAt) })),
      },
    ],
  };
}
