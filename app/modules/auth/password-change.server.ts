import { and, eq, ne } from "drizzle-orm";
import { db } from "~db/client.server";
import { pendingLogins, sessions, users } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { securityEvent } from "~/utils/logger.server";
import { passwordProblem } from "./form-schemas.server";
import { checkCurrentPassword } from "./login.server";
import { hashPassword } from "./password.server";
import { assertEmailSendAllowed, recordLoginSuccess } from "./rate-limit.server";
import type { SessionUser } from "./session.server";
import { consumeToken, issueToken, peekToken, tokenUrl } from "./tokens.server";
import { findUserByEmail, findUserById, normaliseEmail } from "./users.server";
import { INVALID_RESET_LINK } from "./schemas";
import { enqueueMessage } from "~/modules/outbox/index.server";
import { recordAudit } from "~/modules/organisation/index.server";
import { refuse, type Refusal } from "~/utils/refusal";


/**
 * Emails a reset link when the address has an account, and does nothing visible otherwise: the
 * caller always says "if an account exists, we sent a link". Throws a 429 past the email limits,
 * counted whether or not the account exists so the limit reveals nothing either.
 */
export async function requestPasswordReset(email: string, ip: string): Promise<void> {
  const address = normaliseEmail(email);
  await assertEmailSendAllowed(address, ip);
  const user = findUserByEmail(address);
  if (!user) return;
  db.transaction(
    (tx) => {
      const token = issueToken(tx, { userId: user.id, purpose: "reset_password", email: user.email });
      enqueueMessage(tx, user.email, "reset-password", { name: user.name, url: tokenUrl("reset_password", token) });
    },
    { behavior: "immediate" },
  );
}

/** True while the link can still be used (to choose between the form and the "expired" page). */
export function resetLinkIsValid(token: string): boolean {
  const row = peekToken(token, ["reset_password"]);
  if (!row) return false;
  // A link sent to an address the account has since left must not work.
  return findUserById(row.userId)?.email === row.email;
}

/**
 * Sets a new password from an emailed link and ends every session of the account: whoever may
 * have been signed in with the old password is signed out. The person then logs in afresh.
 */
export async function resetPassword(token: string, newPassword: string): Promise<{ ok: true; userId: string } | Refusal> {
  const problem = passwordProblem(newPassword);
  if (problem) return refuse(problem, { field: "password" });
  if (!resetLinkIsValid(token)) return refuse(INVALID_RESET_LINK);
  const passwordHash = await hashPassword(newPassword);
  const now = clock.now();
  const result = db.transaction(
    (tx) => {
      const row = consumeToken(tx, token, ["reset_password"]);
      if (!row) return null;
      const user = tx.select().from(users).where(eq(users.id, row.userId)).get();
      if (!user || user.email !== row.email) return null;
      // The link reached this inbox, which also proves the address.
      tx.update(users)
        .set({ passwordHash, emailVerifiedAt: user.emailVerifiedAt ?? now, updatedAt: now })
        .where(eq(users.id, user.id))
        .run();
      const ended = tx.delete(sessions).where(eq(sessions.userId, user.id)).run().changes;
      // A log-in halfway through, with the old password, does not finish either.
      tx.delete(pendingLogins).where(eq(pendingLogins.userId, user.id)).run();
      enqueueMessage(tx, user.email, "password-changed", { name: user.name });
      recordAudit(tx, { actorId: user.id, action: "password.reset", targetType: "user", targetId: user.id });
      return { user, ended };
    },
    { behavior: "immediate" },
  );
  if (!result) return refuse(INVALID_RESET_LINK);
  // Whoever controls the inbox may sign in again at once, even after a run of failed guesses.
  await recordLoginSuccess(result.user.email);
  securityEvent("password.reset", { userId: result.user.id });
  securityEvent("sessions.revoked", { userId: result.user.id, count: result.ended, reason: "password-reset" });
  return { ok: true, userId: result.user.id };
}

/** Changes the password of a signed-in person; every other session ends, this one stays. */
export async function changePassword(
  user: SessionUser,
  currentPassword: string,
  newPassword: string,
  ip: string,
): Promise<{ ok: true; endedSessions: number } | Refusal> {
  const problem = passwordProblem(newPassword);
  if (problem) return refuse(problem, { field: "newPassword" });
  if (!(await checkCurrentPassword(user, currentPassword, ip))) {
    return refuse("Your current password is incorrect", { field: "currentPassword" });
  }
  const passwordHash = await hashPassword(newPassword);
  const now = clock.now();
  const ended = db.transaction(
    (tx) => {
      tx.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, user.id)).run();
      const count = tx
        .delete(sessions)
        .where(and(eq(sessions.userId, user.id), ne(sessions.id, user.sessionId)))
        .run().changes;
      tx.delete(pendingLogins).where(eq(pendingLogins.userId, user.id)).run();
      enqueueMessage(tx, user.email, "password-changed", { name: user.name });
      recordAudit(tx, { actorId: user.id, action: "password.changed", targetType: "user", targetId: user.id });
      return count;
    },
    { behavior: "immediate" },
  );
  securityEvent("password.changed", { userId: user.id });
  securityEvent("sessions.revoked", { userId: user.id, count: ended, reason: "password-changed" });
  return { ok: true, endedSessions: ended };
}
