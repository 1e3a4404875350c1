import type { Tx } from "~db/client.server";
import { absoluteUrl } from "~/utils/urls.server";
import { randomId } from "~/utils/ids.server";
import { placeholderAddress } from "~/utils/redact.server";
import { noteUnverifiedPhone, userIdByPhone, userIdByUnverifiedPhone } from "~/modules/outbox/index.server";
import { NO_PASSWORD_HASH } from "./password.server";
import { findUserByEmail, insertUser } from "./users.server";

// People who turn up without registering: the door team adds them with a name and an email address
// or a mobile number. They get an account with no password, which they claim later: by setting a
// password through the emailed link, or by signing in with a code texted to the number.

export type WalkInAccount = {
  userId: string;
  /** The address the welcome goes to: the email, or the number (by SMS only). */
  sendTo: { address: string; sms: boolean };
  /** The account was made now, so the welcome says how to claim it. */
  created: boolean;
  claimUrl: string;
};

type WalkInPerson = { name: string; email: string | null; phone: string | null; now: number };

/**
 * The account a walk-in's details point at (the address's account, or the number's), or a new one
 * with no password. Nothing about an existing account is changed or revealed to the door team.
 */
export function accountForWalkIn(tx: Tx, person: WalkInPerson): WalkInAccount {
  const sendTo = person.email ? { address: person.email, sms: false } : { address: person.phone!, sms: true };
  const claimUrl = absoluteUrl(person.email ? "/forgot-password" : "/login/phone");
  const known = person.email ? (findUserByEmail(person.email)?.id ?? null) : (userIdByPhone(person.phone!) ?? userIdByUnverifiedPhone(person.phone!));
  if (known) return { userId: known, sendTo, created: false, claimUrl: absoluteUrl("/me") };
  const email = person.email ?? placeholderAddress("phone", randomId(10));
  const userId = insertUser(tx, { email, name: person.name, passwordHash: NO_PASSWORD_HASH, roles: ["participant"] });
  if (person.phone) noteUnverifiedPhone(tx, { userId, email, phone: person.phone, now: person.now });
  return { userId, sendTo, created: true, claimUrl };
}
