import type { Tx } from "~db/client.server";
import type { Role } from "~db/schema";
import { refuse, type Refusal } from "~/utils/refusal";
import { getOrganisation } from "~/modules/organisation/index.server";
import { ageOn, isInFuture } from "./age.server";
import { normaliseBirthDate } from "./consent-schemas";
import type { OptionalUse } from "./consent-uses";
import { agreeToEverything } from "./consents.server";
import { sendGuardianRequest } from "./guardian-consent.server";
import { insertUser, normaliseEmail } from "./users.server";

// What every sign-up form shares (ADR 0023): participants say when they were born; under the
// organisation's age of consent the account waits for a parent or guardian; everyone's agreement
// to the notice, the terms and each optional use is recorded with the account.

export type SignupConsent = {
  /** Participants only: YYYY-MM-DD (or DD/MM/YYYY), as typed. */
  birthDate?: string;
  guardianEmail?: string;
  /** The optional uses ticked. The caller has checked that the notice and the terms were agreed: the forms require both. */
  optionalUses?: readonly OptionalUse[];
};

export type CheckedSignup = { ok: true; birthDate: string | null; guardianEmail: string | null; optionalUses: readonly OptionalUse[] };

/**
 * Checks the age rules against what was typed (never against who has an account, so the answer
 * tells nothing about registered addresses): a refusal at the field to fix, or what to store.
 */
export function checkSignupConsent(input: SignupConsent & { role: Role; email: string }, now: number): CheckedSignup | Refusal {
  const optionalUses = input.optionalUses ?? [];
  if (input.role !== "participant") return { ok: true, birthDate: null, guardianEmail: null, optionalUses };
  if (!input.birthDate) return refuse("Enter your date of birth", { field: "birthDate" });
  const birthDate = normaliseBirthDate(input.birthDate);
  if (!birthDate) return refuse("Enter your date of birth as a real date, like 27/03/2009", { field: "birthDate" });
  const { adultAge, under16Allowed, timeZone, name } = getOrganisation();
  if (isInFuture(birthDate, now, timeZone)) return refuse("Your date of birth must be in the past", { field: "birthDate" });
  const age = ageOn(birthDate, now, timeZone);
  if (age > 120) return refuse("Check the year of your date of birth", { field: "birthDate" });
  if (age < 16 && !under16Allowed) {
    return refuse(`Sorry, ${name} can only take people aged 16 or over. Ask the organisers about programmes for younger people.`, { field: "birthDate", status: 403 });
  }
  if (age >= adultAge) return { ok: true, birthDate, guardianEmail: null, optionalUses };
  const guardianEmail = input.guardianEmail ? normaliseEmail(input.guardianEmail) : "";
  if (!guardianEmail) {
    return refuse(`You are under ${adultAge}, so a parent or guardian needs to agree before your account opens. Enter their email.`, { field: "guardianEmail" });
  }
  if (guardianEmail === normaliseEmail(input.email)) {
    return refuse("Enter your parent's or guardian's own email, not yours", { field: "guardianEmail" });
  }
  return { ok: true, birthDate, guardianEmail, optionalUses };
}

/**
 * Creates the account with what the person agreed to, in the caller's transaction; under age,
 * it is held and the parent or guardian is emailed a link.
 */
export function createSignupAccount(
  tx: Tx,
  input: { email: string; name: string; passwordHash: string; role: Role; consent: CheckedSignup; now: number; emailVerified?: boolean },
): { userId: string; awaitingGuardian: boolean } {
  const { consent, now } = input;
  const awaitingGuardian = consent.guardianEmail !== null;
  const userId = insertUser(tx, {
    email: input.email,
    name: input.name,
    passwordHash: input.passwordHash,
    roles: [input.role],
    birthDate: consent.birthDate,
    guardianConsent: awaitingGuardian ? "waiting" : "not_needed",
    // An emailed invitation's link proves the address.
    emailVerified: input.emailVerified ?? false,
  });
  agreeToEverything(tx, { userId, optionalUses: consent.optionalUses, source: "signup", now });
  if (consent.guardianEmail) sendGuardianRequest(tx, { userId, childName: input.name.trim(), guardianEmail: consent.guardianEmail, now });
  return { userId, awaitingGuardian };
}
