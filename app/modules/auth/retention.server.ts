import { and, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import type { Tx } from "~db/client.server";
import { emailTokens, guardianConsents, invitations, pendingLogins, sessions } from "~db/schema";
import { ABSOLUTE_LIFETIME, INACTIVITY_TIMEOUT } from "./session.server";

/**
 * Deletes sign-in records that ended more than the organisation's period ago: expired sessions
 * and half-done log-ins, used or expired email links, unanswered invitations and guardians'
 * consent requests that lapsed. Returns the count by kind.
 */
export function applyAuthRetention(tx: Tx, cutoffs: { endedRecordsBefore: number }): Record<string, number> {
  const before = cutoffs.endedRecordsBefore;
  // A session ends at whichever comes first: its inactivity timeout or its absolute lifetime.
  const sessionEnd = sql`min(${sessions.lastSeenAt} + ${INACTIVITY_TIMEOUT}, ${sessions.createdAt} + ${ABSOLUTE_LIFETIME})`;
  return {
    sessions: tx.delete(sessions).where(sql`${sessionEnd} < ${before}`).run().changes,
    pendingLogins: tx.delete(pendingLogins).where(lt(pendingLogins.expiresAt, before)).run().changes,
    emailLinks: tx
      .delete(emailTokens)
      .where(or(and(isNotNull(emailTokens.usedAt), lt(emailTokens.usedAt, before)), lt(emailTokens.expiresAt, before)))
      .run().changes,
    invitations: tx.delete(invitations).where(and(isNull(invitations.acceptedAt), lt(invitations.expiresAt, before))).run().changes,
    guardianRequests: tx.delete(guardianConsents).where(and(isNull(guardianConsents.givenAt), lt(guardianConsents.expiresAt, before))).run().changes,
  };
}
