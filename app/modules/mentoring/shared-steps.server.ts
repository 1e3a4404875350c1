import { and, eq } from "drizzle-orm";
import { db } from "~db/client.server";
import { mentorships, sharedStepAnswers } from "~db/schema";
import { memberAnswers, memberOwner, type StoredAnswer } from "~/modules/cohorts/index.server";

/**
 * The steps of cohort member `memberId` (a membership of `memberUserId`) that `viewerId` may read
 * as their mentor: only while the mentorship is active, and only the steps shared with it.
 * Withdrawing a step deletes its row; ending the mentorship makes the join find nothing.
 */
function stepsSharedWithMentor(viewerId: string, memberUserId: string, memberId: string): string[] {
  return db
    .select({ stepId: sharedStepAnswers.stepId })
    .from(sharedStepAnswers)
    .innerJoin(mentorships, eq(mentorships.id, sharedStepAnswers.mentorshipId))
    .where(
      and(
        eq(sharedStepAnswers.memberId, memberId),
        eq(mentorships.mentorId, viewerId),
        eq(mentorships.menteeId, memberUserId),
        eq(mentorships.status, "active"),
      ),
    )
    .all()
    .map((row) => row.stepId);
}

/**
 * The answers of cohort member `memberId` that `viewerId` may read, by step id: a person reads
 * their own, and a mentor in an active mentorship with them reads only the steps shared with it.
 * This is the one door to answers for anyone but their owner.
 */
export function readableAnswersFor(viewerId: string, memberId: string): Map<string, StoredAnswer> {
  const ownerId = memberOwner(memberId);
  if (!ownerId) return new Map();
  if (ownerId === viewerId) return memberAnswers(memberId);
  return memberAnswers(memberId, stepsSharedWithMentor(viewerId, ownerId, memberId));
}
