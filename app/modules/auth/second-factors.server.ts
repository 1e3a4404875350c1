import QRCode from "qrcode";
import { and, eq, isNotNull, isNull, lt, or } from "drizzle-orm";
import { db } from "~db/client.server";
import { recoveryCodes, sessions, totpFactors, users } from "~db/schema";
import { clock, MINUTE } from "~/utils/clock.server";
import { securityEvent } from "~/utils/logger.server";
import { refuse, type Refusal } from "~/utils/refusal";
import { enqueueMessage } from "~/modules/outbox/index.server";
import { getOrganisation, recordAudit } from "~/modules/organisation/index.server";
import { confirmIdentity, type IdentityProof } from "./confirm-identity.server";
import { findRecoveryCode, generateRecoveryCodes, spendRecoveryCode, storeRecoveryCodes, unusedRecoveryCodes } from "./recovery-codes.server";
import { assertCodeAllowed, recordCodeFailure, recordCodeSuccess } from "./rate-limit.server";
import type { SessionUser } from "./session.server";
import { displayKey, matchTotp, newTotpKey, totpUri } from "./totp.server";

// An authenticator added but not confirmed with a code is forgotten after this long.
const ENROLMENT_WINDOW = 15 * MINUTE;

export const WRONG_CODE_MESSAGE = "That code did not work. Check the code in your app, or use an unused recovery code.";
const WRONG_PASSWORD_MESSAGE = "Your password is incorrect";

type Person = Pick<SessionUser, "id" | "email" | "name">;

function confirmedFactor(userId: string) {
  return db.select().from(totpFactors).where(and(eq(totpFactors.userId, userId), isNotNull(totpFactors.confirmedAt))).get();
}

export function hasSecondFactor(userId: string): boolean {
  return !!confirmedFactor(userId);
}

export type SecondFactorStatus =
  | { state: "none" }
  | { state: "enrolling"; secret: string; qrSvg: string; accountName: string }
  | { state: "enrolled"; since: number; recoveryCodesLeft: number };

/** What the person's second-factor page shows. */
export async function secondFactorStatus(user: Person): Promise<SecondFactorStatus> {
  const row = db.select().from(totpFactors).where(eq(totpFactors.userId, user.id)).get();
  if (row?.confirmedAt) return { state: "enrolled", since: row.confirmedAt, recoveryCodesLeft: unusedRecoveryCodes(user.id).length };
  if (!row || clock.now() - row.createdAt > ENROLMENT_WINDOW) return { state: "none" };
  const key = new Uint8Array(row.key);
  const uri = totpUri(getOrganisation().name, user.email, key);
  const qrSvg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return { state: "enrolling", secret: displayKey(key), qrSvg, accountName: user.email };
}

/** After the password (or, without one, a texted code) is checked again, makes a new key to scan; it works once confirmed. */
export async function startTotpEnrolment(user: Person, proof: IdentityProof, ip: string): Promise<{ ok: true } | Refusal> {
  const confirmed = await confirmIdentity(user, proof, ip, WRONG_PASSWORD_MESSAGE);
  if (!confirmed.ok) return confirmed;
  if (hasSecondFactor(user.id)) return refuse("You already use an authenticator app. Remove it first to set up another.", { status: 409 });
  const now = clock.now();
  const key = Buffer.from(newTotpKey());
  db.insert(totpFactors)
    .values({ userId: user.id, key, createdAt: now })
    .onConflictDoUpdate({ target: totpFactors.userId, set: { key, createdAt: now, confirmedAt: null, lastUsedStep: null } })
    .run();
  return { ok: true };
}

/**
 * Confirms the new authenticator with a code from it, and returns ten recovery codes to show
 * once. The session making the request has just passed a second factor.
 */
export async function confirmTotpEnrolment(
  user: Person & Pick<SessionUser, "sessionId">,
  code: string,
  ip: string,
): Promise<{ ok: true; recoveryCodes: string[] } | Refusal> {
  await assertCodeAllowed(user.id, ip);
  const now = clock.now();
  const row = db.select().from(totpFactors).where(and(eq(totpFactors.userId, user.id), isNull(totpFactors.confirmedAt))).get();
  if (!row || now - row.createdAt > ENROLMENT_WINDOW) return refuse("Setting up took too long. Start again.", { status: 409 });
  const step = matchTotp(new Uint8Array(row.key), code.replace(/\s/g, ""), now, null);
  if (step === null) {
    await recordCodeFailure(user.id);
    securityEvent("second-factor.failure", { userId: user.id, ip, during: "enrolment" });
    return refuse("That code did not work. Type the six digits your app shows now.", { field: "code" });
  }
  const { codes, hashes } = await generateRecoveryCodes();
  const confirmed = db.transaction(
    (tx) => {
      const changed = tx
        .update(totpFactors)
        .set({ confirmedAt: now, lastUsedStep: step })
        .where(and(eq(totpFactors.userId, user.id), isNull(totpFactors.confirmedAt), eq(totpFactors.createdAt, row.createdAt)))
        .run().changes;
      if (changed !== 1) return false;
      storeRecoveryCodes(tx, user.id, hashes, now);
      tx.update(sessions).set({ secondFactorAt: now }).where(eq(sessions.id, user.sessionId)).run();
      enqueueMessage(tx, user.email, "second-factor-added", { name: user.name });
      recordAudit(tx, { actorId: user.id, action: "second-factor.added", targetType: "user", targetId: user.id, details: { method: "totp" } });
      return true;
    },
    { behavior: "immediate" },
  );
  if (!confirmed) return refuse("Setting up took too long. Start again.", { status: 409 });
  await recordCodeSuccess(user.id);
  securityEvent("second-factor.added", { userId: user.id, ip });
  return { ok: true, recoveryCodes: codes };
}

/** Removes the authenticator and recovery codes after the password (or, without one, a texted code) is checked again. */
export async function removeSecondFactor(user: Person, proof: IdentityProof, ip: string): Promise<{ ok: true } | Refusal> {
  const confirmed = await confirmIdentity(user, proof, ip, WRONG_PASSWORD_MESSAGE);
  if (!confirmed.ok) return confirmed;
  const removed = db.transaction(
    (tx) => {
      const changes = tx.delete(totpFactors).where(eq(totpFactors.userId, user.id)).run().changes;
      if (!changes) return false;
      tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id)).run();
      // No session has passed a factor that no longer exists.
      tx.update(sessions).set({ secondFactorAt: null }).where(eq(sessions.userId, user.id)).run();
      enqueueMessage(tx, user.email, "second-factor-removed", { name: user.name });
      recordAudit(tx, { actorId: user.id, action: "second-factor.removed", targetType: "user", targetId: user.id });
      return true;
    },
    { behavior: "immediate" },
  );
  if (!removed) return refuse("You do not have an authenticator app set up.", { status: 409 });
  securityEvent("second-factor.removed", { userId: user.id, ip });
  return { ok: true };
}

/**
 * Checks a code from the authenticator or an unused recovery code, for log-in and step-up.
 * Throws a 429 while the account is blocked after wrong codes.
 */
export async function verifySecondFactor(userId: string, typed: string, ip: string): Promise<{ ok: true; method: "totp" | "recovery" } | Refusal> {
  await assertCodeAllowed(userId, ip);
  const now = clock.now();
  const code = typed.replace(/\s/g, "");
  const method = /^\d{6}$/.test(code) ? await spendTotp(userId, code, now) : await spendRecovery(userId, typed, now);
  if (!method) {
    const blockedForSeconds = await recordCodeFailure(userId);
    securityEvent("second-factor.failure", { userId, ip, blockedForSeconds });
    return refuse(WRONG_CODE_MESSAGE, { field: "code" });
  }
  await recordCodeSuccess(userId);
  securityEvent("second-factor.success", { userId, ip, method });
  return { ok: true, method };
}

async function spendTotp(userId: string, code: string, now: number): Promise<"totp" | null> {
  const row = confirmedFactor(userId);
  if (!row) return null;
  const step = matchTotp(new Uint8Array(row.key), code, now, row.lastUsedStep);
  if (step === null) return null;
  // Conditional, so two requests with the same code cannot both pass.
  const changed = db
    .update(totpFactors)
    .set({ lastUsedStep: step })
    .where(and(eq(totpFactors.userId, userId), or(isNull(totpFactors.lastUsedStep), lt(totpFactors.lastUsedStep, step))))
    .run().changes;
  return changed === 1 ? "totp" : null;
}

async function spendRecovery(userId: string, typed: string, now: number): Promise<"recovery" | null> {
  if (!confirmedFactor(userId)) return null;
  const id = await findRecoveryCode(userId, typed);
  if (!id) return null;
  const spent = db.transaction(
    (tx) => {
      if (!spendRecoveryCode(tx, id, now)) return false;
      const user = tx.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, userId)).get()!;
      const left = unusedRecoveryCodes(userId).length;
      enqueueMessage(tx, user.email, "recovery-code-used", { name: user.name, codesLeft: left });
      recordAudit(tx, { actorId: userId, action: "second-factor.recovery-code-used", targetType: "user", targetId: userId, details: { codesLeft: left } });
      return true;
    },
    { behavior: "immediate" },
  );
  return spent ? "recovery" : null;
}
