import { eq, sql } from "drizzle-orm";
import { db, isUniqueViolation } from "~db/client.server";
import { users, type GuardianConsentState } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { securityEvent } from "~/utils/logger.server";
import { refuse, type Outcome } from "~/utils/refusal";
import { enqueueMessage, moveEmailPreferences } from "~/modules/outbox/index.server";
import { getOrganisation, recordAudit } from "~/modules/organisation/index.server";
import { isInFuture } from "./age.server";
import { isUnderAge } from "./consents.server";
import { closeOpenRequests } from "./guardian-consent.server";
import type { SessionUser } from "./session.server";
import { issueToken, tokenUrl } from "./tokens.server";
import { normaliseEmail } from "./users.server";

// Rectification (NDPA s.35): a person corrects what they gave, or an organiser does it for them
// when asked. The audit log says which fields changed, never the values.

/** A person correcting the name on their own account. */
export function changeOwnName(user: SessionUser, nameInput: string): Outcome<{ changed: boolean }> {
  const name = nameInput.trim();
  if (!name) return refuse("Enter your name", { field: "name" });
  if (name === user.name) return { ok: true, changed: false };
  db.transaction((tx) => {
    tx.update(users).set({ name, updatedAt: clock.now() }).where(eq(users.id, user.id)).run();
    recordAudit(tx, { actorId: user.id, action: "name.changed", targetType: "user", targetId: user.id });
  });
  return { ok: true, changed: true };
}

type RectifiedField = "name" | "email" | "birthDate";
type Rectified = Outcome<{ fields: RectifiedField[] }>;

/**
 * What a corrected date of birth means for a guardian's consent (ADR 0023): of age, a wait ends;
 * under age, an account that never needed consent now waits for it. Consent already given stands.
 */
function consentStateAfter(state: GuardianConsentState, birthDate: string | null, now: number): GuardianConsentState {
  const under = isUnderAge(birthDate, now);
  if (state === "waiting" && !under) return "not_needed";
  if (state === "not_needed" && under) return "waiting";
  return state;
}

/**
 * An organiser correcting a person's name and email address on their request. A new address must
 * not belong to another account (in any letter case); it is unconfirmed until the person opens
 * the link sent to it, and the old address is told of the change.
 */
export function rectifyPerson(input: { actorId: string; userId: string; name: string; email: string; birthDate?: string }): Rectified {
  const { actorId, userId, name: nameInput, email: emailInput } = input;
  const name = nameInput.trim();
  const email = normaliseEmail(emailInput);
  let result: Rectified;
  try {
    result = db.transaction(
      (tx): Rectified => {
        const user = tx.select().from(users).where(eq(users.id, userId)).get();
        if (!user) return refuse("There is no person with that id.", { status: 404, code: "not-found" });
        if (user.erasedAt !== null) return refuse("This person's data has been erased: there is nothing to correct.", { status: 409, code: "erased" });
        const now = clock.now();
        const birthDate = input.birthDate ?? user.birthDate;
        if (birthDate && isInFuture(birthDate, now, getOrganisation().timeZone)) return refuse("A date of birth must be in the past", { field: "birthDate" });
        const fields: RectifiedField[] = [];
        if (name !== user.name) fields.push("name");
        if (email !== normaliseEmail(user.email)) fields.push("email");
        if (birthDate !== user.birthDate) fields.push("birthDate");
        if (!fields.length) return { ok: true, fields };
        if (fields.includes("email")) {
          const taken = tx.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, email)).get();
          if (taken) return refuse("Another account already uses that email address", { field: "email", code: "email-taken" });
        }
        const emailChanged = fields.includes("email");
        const guardianConsent = consentStateAfter(user.guardianConsent, birthDate, now);
        if (guardianConsent === "not_needed" && user.guardianConsent === "waiting") closeOpenRequests(tx, userId, now);
        tx.update(users)
          .set({ name, email, birthDate, guardianConsent, updatedAt: now, ...(emailChanged ? { emailVerifiedAt: null } : {}) })
          .where(eq(users.id, userId))
          .run();
        if (emailChanged) {
          moveEmailPreferences(tx, user.email, email);
          enqueueMessage(tx, user.email, "email-changed", { name, newEmail: email });
          const token = issueToken(tx, { userId, purpose: "verify_email", email });
          enqueueMessage(tx, email, "verify-email", { name, url: tokenUrl("verify_email", token) });
        }
        const consentChange = guardianConsent === user.guardianConsent ? {} : { guardianConsent: { from: user.guardianConsent, to: guardianConsent } };
        recordAudit(tx, { actorId, action: "person.rectified", targetType: "user", targetId: userId, details: { fields, ...consentChange } });
        return { ok: true, fields };
      },
      { behavior: "immediate" },
    );
  } catch (error) {
    // Another account took the address between the check and the write.
    if (!isUniqueViolation(error)) throw error;
    return refuse("Another account already uses that email address", { field: "email", code: "email-taken" });
  }
  if (result.ok && result.fields.includes("email")) securityEvent("email.changed", { userId, actorId, by: "organiser" });
  return result;
}
