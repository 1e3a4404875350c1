import { eq, sql } from "drizzle-orm";
import { db, isUniqueViolation, type Tx } from "~db/client.server";
import { sessions, users, type Role } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { securityEvent } from "~/utils/logger.server";
import { passwordProblem } from "./form-schemas.server";
import { confirmIdentity, type IdentityProof } from "./confirm-identity.server";
import { hashPassword } from "./password.server";
import { assertEmailSendAllowed, signupRefusal } from "./rate-limit.server";
import type { SessionUser } from "./session.server";
import { consumeToken, issueToken, peekToken, tokenUrl } from "./tokens.server";
import { checkSignupConsent, createSignupAccount, type SignupConsent } from "./signup-consent.server";
import { normaliseEmail } from "./users.server";
import { enqueueMessage, moveEmailPreferences } from "~/modules/outbox/index.server";
import { recordAudit } from "~/modules/organisation/index.server";
import { refuse, type Refusal } from "~/utils/refusal";

/** A refusal the person can act on, with the form field it belongs to. */

/** Roles a person may give themselves by signing up; the others come by invitation. */
export type SignupRole = Extract<Role, "participant" | "mentor" | "sponsor">;


function emailTaken(tx: Tx, email: string): boolean {
  return !!tx.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, normaliseEmail(email))).get();
}

/**
 * Creates an account and queues its verification email. An address that already has an account
 * gets exactly the same outcome on screen and no new account, so the form cannot be used to find
 * out who is registered. A participant under the organisation's age of consent gets an account
 * held for a parent's or guardian's consent, whose link goes to the address they gave (ADR 0023);
 * `guardianAsked` follows from what was typed, not from whether the address had an account.
 * Refuses with a 429 when the sign-up limits of the network or an address are spent.
 */
export async function signUp(
  input: { name: string; email: string; password: string; role?: SignupRole; next?: string } & SignupConsent,
  ip: string,
): Promise<{ ok: true; created: boolean; userId: string | null; guardianAsked: boolean } | Refusal> {
  const email = normaliseEmail(input.email);
  const role = input.role ?? "participant";
  const problem = passwordProblem(input.password);
  if (problem) return refuse(problem, { field: "password" });
  const consent = checkSignupConsent({ ...input, role, email }, clock.now());
  if (!consent.ok) return consent;
  // Per address and per network, answered in the form (ADR 0008): a venue's Wi-Fi is many people.
  const throttled = await signupRefusal(ip, [email, consent.guardianEmail]);
  if (throttled) return throttled;
  // Hashed whether or not the address is taken, so both answers take the same time.
  const passwordHash = await hashPassword(input.password);

  let userId: string | null;
  try {
    userId = db.transaction(
      (tx) => {
        if (emailTaken(tx, email)) return null;
        const { userId: id } = createSignupAccount(tx, { email, name: input.name, passwordHash, role, consent, now: clock.now() });
        const token = issueToken(tx, { userId: id, purpose: "verify_email", email });
        enqueueMessage(tx, email, "verify-email", { name: input.name.trim(), url: tokenUrl("verify_email", token, input.next) });
        return id;
      },
      { behavior: "immediate" },
    );
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    userId = null;
  }
  securityEvent("signup", { userId, role, ip, outcome: userId ? "created" : "address-already-registered" });
  return { ok: true, created: userId !== null, userId, guardianAsked: consent.guardianEmail !== null };
}

/** Sends a fresh verification link to a signed-in person whose address is not yet confirmed. */
export async function resendVerification(user: SessionUser, ip: string): Promise<{ ok: true; sent: boolean }> {
  if (user.emailVerified) return { ok: true, sent: false };
  await assertEmailSendAllowed(user.email, ip);
  db.transaction(
    (tx) => {
      const token = issueToken(tx, { userId: user.id, purpose: "verify_email", email: user.email });
      enqueueMessage(tx, user.email, "verify-email", { name: user.name, url: tokenUrl("verify_email", token) });
    },
    { behavior: "immediate" },
  );
  return { ok: true, sent: true };
}

type EmailLink =
  | { kind: "verify"; email: string }
  | { kind: "change"; email: string }
  | null;

/** What an emailed address link would do, without using it (for the page that shows the button). */
export function describeEmailLink(token: string): EmailLink {
  const row = peekToken(token, ["verify_email", "change_email"]);
  if (!row) return null;
  if (row.purpose === "change_email") return { kind: "change", email: row.email };
  const user = db.select({ email: users.email }).from(users).where(eq(users.id, row.userId)).get();
  // A link for an address the account no longer has confirms nothing.
  return user && user.email === row.email ? { kind: "verify", email: row.email } : null;
}

const INVALID_LINK = refuse("This link has expired or has already been used.");

type Confirmed = { ok: true; kind: "verified" | "changed"; userId: string; email: string };

/** Confirms the address behind a verification link or a change-of-address link. */
export function confirmEmailLink(token: string): Confirmed | Refusal {
  const result = db.transaction(
    (tx): Confirmed | Refusal => {
      // A link that cannot take effect is still used up: it could never work later either.
      const row = consumeToken(tx, token, ["verify_email", "change_email"]);
      if (!row) return INVALID_LINK;
      const user = tx.select().from(users).where(eq(users.id, row.userId)).get();
      if (!user) return INVALID_LINK;
      const now = clock.now();
      if (row.purpose === "verify_email") {
        if (user.email !== row.email) return INVALID_LINK;
        if (user.emailVerifiedAt === null) {
          tx.update(users).set({ emailVerifiedAt: now, updatedAt: now }).where(eq(users.id, user.id)).run();
          // Whoever signed up with this address before its owner confirmed it, and logged in with
          // the password they chose, is signed out: the account is now the owner's.
          tx.delete(sessions).where(eq(sessions.userId, user.id)).run();
        }
        return { ok: true, kind: "verified", userId: user.id, email: user.email };
      }
      if (emailTaken(tx, row.email)) {
        return refuse("That email address is now used by another account.");
      }
      tx.update(users).set({ email: row.email, emailVerifiedAt: now, updatedAt: now }).where(eq(users.id, user.id)).run();
      moveEmailPreferences(tx, user.email, row.email);
      enqueueMessage(tx, user.email, "email-changed", { name: user.name, newEmail: row.email });
      recordAudit(tx, { actorId: user.id, action: "email.changed", targetType: "user", targetId: user.id });
      return { ok: true, kind: "changed", userId: user.id, email: row.email };
    },
    { behavior: "immediate" },
  );
  if (result.ok) securityEvent(result.kind === "verified" ? "email.verified" : "email.changed", { userId: result.userId });
  return result;
}

/**
 * Checks the password (or, for an account without one, a texted code), then emails a confirmation
 * link to the new address; the change happens when that link is opened. An address that belongs to someone else gets the same answer and no
 * email, so this cannot be used to test who has an account.
 */
export async function requestEmailChange(
  user: SessionUser,
  proof: IdentityProof,
  newEmailInput: string,
  ip: string,
): Promise<{ ok: true; newEmail: string } | Refusal> {
  const newEmail = normaliseEmail(newEmailInput);
  if (newEmail === normaliseEmail(user.email)) {
    return refuse("That is already your email address. Enter a different one", { field: "newEmail" });
  }
  const confirmed = await confirmIdentity(user, proof, ip, "Your password is incorrect");
  if (!confirmed.ok) return confirmed;
  await assertEmailSendAllowed(newEmail, ip);
  db.transaction(
    (tx) => {
      if (emailTaken(tx, newEmail)) return;
      const token = issueToken(tx, { userId: user.id, purpose: "change_email", email: newEmail });
      enqueueMessage(tx, newEmail, "change-email", { name: user.name, url: tokenUrl("change_email", token), newEmail });
    },
    { behavior: "immediate" },
  );
  return { ok: true, newEmail };
}
