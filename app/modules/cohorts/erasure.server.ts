import { eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "~db/client.server";
import { certificates, cohortInvitations, cohortMembers, exerciseAnswers, jobApplications, stepNudges } from "~db/schema";
import { REMOVED, type ErasedPerson } from "~/utils/redact.server";

// Shown on a certificate's public page after its holder was erased.
const ERASED_HOLDER = "Erased person";

/**
 * Memberships stay, and each answer's "completed" mark, so a cohort's completion counts hold; what
 * the person wrote goes (the answers, the companies and roles they applied to), with their
 * reminders and invitations. A certificate keeps counting but no longer names anyone.
 */
export function eraseCohortsData(tx: Tx, person: ErasedPerson, at: number): void {
  const memberIds = tx.select({ id: cohortMembers.id }).from(cohortMembers).where(eq(cohortMembers.userId, person.userId)).all().map((row) => row.id);
  if (memberIds.length) {
    tx.update(exerciseAnswers).set({ answer: {}, updatedAt: at }).where(inArray(exerciseAnswers.memberId, memberIds)).run();
    tx.delete(stepNudges).where(inArray(stepNudges.memberId, memberIds)).run();
  }
  tx.update(jobApplications).set({ company: REMOVED, role: REMOVED, updatedAt: at }).where(eq(jobApplications.userId, person.userId)).run();
  tx.update(certificates).set({ recipientName: ERASED_HOLDER }).where(eq(certificates.userId, person.userId)).run();
  tx.delete(cohortInvitations).where(eq(sql`lower(${cohortInvitations.email})`, person.email.trim().toLowerCase())).run();
}
