import { and, eq, isNull } from "drizzle-orm";
import { db, isUniqueViolation, type Tx } from "~db/client.server";
import { doorInvitations } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { securityEvent } from "~/utils/logger.server";
import { refuse, type Outcome, type Refusal } from "~/utils/refusal";
import {
  awaitsGuardian,
  checkSignupConsent,
  createSignupAccount,
  findUserByEmail,
  hashPassword,
  issueToken,
  normaliseEmail,
  signupRefusal,
  signupServerSchema,
  tokenUrl,
} from "~/modules/auth/index.server";
import { enqueueMessage } from "~/modules/outbox/index.server";
import { recordAudit } from "~/modules/organisation/index.server";
import type { OptionalUse } from "~/modules/auth";
import { joinDoorTeamSchema, joinDoorTeamWithEmailSchema } from "./door-invitation-schemas";
import { assignDoorVolunteer } from "./door-team.server";
import { lookUpDoorInvitation, type DoorInvitationView } from "./door-invitations.server";

// Accepting an invitation to the door team (ADR 0034): by a signed-in person with one button, or
// by someone new who signs up on the spot. Either way the assignment is made in the same
// transaction as the acceptance.

const UNUSABLE = {
  invalid: refuse("This invitation link does not work.", { code: "invalid", status: 404 }),
  used: refuse("This invitation has already been used.", { code: "used", status: 409 }),
  expired: refuse("This invitation has expired.", { code: "expired", status: 409 }),
};

type Accepted = Outcome<{ userId: string; eventId: string | null }>;

function pendingIn(tx: Tx, token: string, now: number): DoorInvitationView | Refusal {
  const found = lookUpDoorInvitation(tx, token, now);
  return found.status === "pending" ? found.invitation : UNUSABLE[found.status];
}

/** Marks an emailed invitation used (a link stays open for the next volunteer) and assigns the person. */
function acceptIn(tx: Tx, invitation: DoorInvitationView, userId: string, now: number, newAccount: boolean): Accepted {
  if (invitation.email !== null) {
    const marked = tx
      .update(doorInvitations)
      .set({ acceptedAt: now, acceptedBy: userId })
      .where(and(eq(doorInvitations.id, invitation.id), isNull(doorInvitations.acceptedAt)))
      .run().changes;
    if (marked !== 1) return UNUSABLE.used;
  }
  const assigned = assignDoorVolunteer(tx, { userId, eventId: invitation.eventId, actorId: invitation.invitedBy ?? userId });
  if (!assigned.ok) return assigned;
  recordAudit(tx, {
    actorId: userId,
    action: "door.invitation-accepted",
    targetType: "door-invitation",
    targetId: invitation.id,
    details: { eventId: invitation.eventId, viaLink: invitation.email === null, newAccount },
  });
  return { ok: true, userId, eventId: invitation.eventId };
}

/** The signed-in person joins; an emailed invitation only for the account with the invited address. */
export function acceptDoorInvitation(input: { token: string; user: { id: string; email: string } }): Accepted {
  return db.transaction(
    (tx): Accepted => {
      const now = clock.now();
      const invitation = pendingIn(tx, input.token, now);
      if (!("id" in invitation)) return invitation;
      if (invitation.email !== null && normaliseEmail(input.user.email) !== invitation.email) {
        return refuse(`This invitation was sent to ${invitation.email}. Log out, then log in with that address to accept it.`, { code: "wrong-account", status: 403 });
      }
      if (awaitsGuardian(input.user.id)) {
        return refuse("Your account is waiting for your parent's or guardian's agreement, so you cannot join the door team yet.", { code: "awaiting-guardian", status: 403 });
      }
      return acceptIn(tx, invitation, input.user.id, now, false);
    },
    { behavior: "immediate" },
  );
}

type NewVolunteer = { token: string; name: string; password: string; email?: string; optionalUses?: readonly OptionalUse[] };

/**
 * Someone without an account signs up through the invitation, under the sign-up's own rules and
 * limits, and joins the door team. An emailed invitation's address is proven by its link; an
 * address typed at the door is not, so it gets the usual verification email.
 */
export async function joinDoorTeamWithNewAccount(input: NewVolunteer, ip: string): Promise<Accepted> {
  const found = lookUpDoorInvitation(db, input.token, clock.now());
  if (found.status !== "pending") return UNUSABLE[found.status];
  const invited = found.invitation.email;
  const email = invited ?? normaliseEmail(input.email ?? "");
  if (!email) return refuse("Enter your email address", { field: "email" });
  const consent = checkSignupConsent({ role: "door", email, optionalUses: input.optionalUses }, clock.now());
  if (!consent.ok) return consent;
  // Spent before the address is looked up, so the page cannot be used to list who has an account.
  const throttled = await signupRefusal(ip, [email]);
  if (throttled) return throttled;
  if (findUserByEmail(email)) return accountExists(invited === null);
  const passwordHash = await hashPassword(input.password);
  let result: Accepted;
  try {
    result = db.transaction(
      (tx): Accepted => {
        const now = clock.now();
        const invitation = pendingIn(tx, input.token, now);
        if (!("id" in invitation)) return invitation;
        if (findUserByEmail(email)) return accountExists(invited === null);
        const { userId } = createSignupAccount(tx, { email, name: input.name, passwordHash, role: "door", consent, now, emailVerified: invited !== null });
        if (invited === null) {
          const token = issueToken(tx, { userId, purpose: "verify_email", email });
          enqueueMessage(tx, email, "verify-email", { name: input.name.trim(), url: tokenUrl("verify_email", token, "/door") });
        }
        return acceptIn(tx, invitation, userId, now, true);
      },
      { behavior: "immediate" },
    );
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    result = accountExists(invited === null);
  }
  securityEvent("signup", { userId: result.ok ? result.userId : null, role: "door", ip, via: "door-invitation", outcome: result.ok ? "created" : "refused" });
  return result;
}

function accountExists(typedAddress: boolean): Refusal {
  return refuse("An account already uses this email address. Log in with it, then open this link again to join.", {
    code: "account-exists",
    status: 409,
    ...(typedAddress ? { field: "email" } : {}),
  });
}

/** The volunteer's form on the server: the sign-up's rules, common passwords refused. */
export function joinDoorTeamServerSchema(withEmail: boolean) {
  const password = signupServerSchema.shape.password;
  return withEmail ? joinDoorTeamWithEmailSchema.extend({ password }) : joinDoorTeamSchema.extend({ password });
}
