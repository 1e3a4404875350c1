import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "~db/client.server";
import {
  consentRecords,
  emailTokens,
  guardianConsents,
  invitations,
  pendingLogins,
  recoveryCodes,
  sessions,
  totpFactors,
  userRoles,
  users,
} from "~db/schema";
import { db } from "~db/client.server";
import type { ErasedPerson } from "~/utils/redact.server";
import { forgetPhoneCodes } from "./phone-codes.server";

export const ERASED_NAME = "Erased person";

// Not an argon2 hash, so no password can ever match it (verifyPassword answers false).
const UNUSABLE_PASSWORD_HASH = "!erased";

/**
 * The account as erasure leaves it: the row stays (so registrations, gifts and memberships still
 * count once), with a made-up name and an address at a domain that cannot receive mail
 * (`placeholderEmail`, unique to the person), no password, roles, sessions, second factors,
 * tokens, consents or guardian's details. Invitations sent to the address go too.
 */
export function eraseAuthData(tx: Tx, person: ErasedPerson, at: number): void {
  const { userId } = person;
  tx.update(users)
    .set({
      name: ERASED_NAME,
      email: person.placeholderEmail,
      passwordHash: UNUSABLE_PASSWORD_HASH,
      birthDate: null,
      guardianConsent: "not_needed",
      emailVerifiedAt: null,
      erasedAt: at,
      updatedAt: at,
    })
    .where(eq(users.id, userId))
    .run();
  tx.delete(userRoles).where(eq(userRoles.userId, userId)).run();
  tx.delete(sessions).where(eq(sessions.userId, userId)).run();
  tx.delete(pendingLogins).where(eq(pendingLogins.userId, userId)).run();
  tx.delete(emailTokens).where(eq(emailTokens.userId, userId)).run();
  tx.delete(totpFactors).where(eq(totpFactors.userId, userId)).run();
  tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
  // What a person agreed to matters while we process their data; after erasure there is none.
  tx.delete(consentRecords).where(eq(consentRecords.userId, userId)).run();
  tx.delete(guardianConsents).where(eq(guardianConsents.userId, userId)).run();
  forgetPhoneCodes(tx, userId);
  tx.delete(invitations).where(eq(sql`lower(${invitations.email})`, person.email.toLowerCase())).run();
}

/** True when this person is the only organiser left: the console needs one, so they cannot be erased. */
export function isLastOrganiser(userId: string): boolean {
  const organisers = db.select({ userId: userRoles.userId }).from(userRoles).where(eq(userRoles.role, "organiser")).all();
  return organisers.length === 1 && organisers[0]!.userId === userId;
}

/** The account's name and address as they are before erasure, or null when there is nothing (left) to erase. */
export function personToErase(userId: string): Omit<ErasedPerson, "placeholderEmail"> | null {
  const row = db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.id, userId), sql`${users.erasedAt} is null`))
    .get();
  return row ? { userId: row.id, name: row.name, email: row.email } : null;
}
