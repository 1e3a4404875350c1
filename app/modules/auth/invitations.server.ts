import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { absoluteUrl } from "~/utils/urls.server";
import { db, type Db, type Tx } from "~db/client.server";
import { invitations, userRoles, users, type Role } from "~db/schema";
import { insertUser, normaliseEmail } from "~/modules/auth/users.server";
import { agreeToEverything } from "./consents.server";
import type { OptionalUse } from "./consent-uses";
import { clock, DAY, HOUR } from "~/utils/clock.server";
import { hashToken, randomId } from "~/utils/ids.server";
import { securityEvent } from "~/utils/logger.server";
import type { InvitableRole } from "~/modules/auth/roles";
import { enqueueMessage } from "~/modules/outbox/index.server";
import { recordAudit } from "~/modules/organisation/index.server";
import { refuse, type Outcome } from "~/utils/refusal";

export const INVITATION_LIFETIME = 7 * DAY;


// randomId(20): 160 bits, lower-case base32 without padding.
const TOKEN_PATTERN = /^[a-z2-7]{32}$/;

function invitationUrl(token: string): string {
  return absoluteUrl(`/invitations/${token}`);
}

function userWithEmail(tx: Tx | Db, email: string) {
  return tx
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.email})`, normaliseEmail(email)))
    .get();
}

function holdsRole(tx: Tx | Db, userId: string, role: Role): boolean {
  return !!tx.select().from(userRoles).where(and(eq(userRoles.userId, userId), eq(userRoles.role, role))).get();
}

function problemWith(tx: Tx | Db, email: string, role: InvitableRole): string | null {
  const user = userWithEmail(tx, email);
  if (user && holdsRole(tx, user.id, role)) return `${normaliseEmail(email)} is already ${role === "organiser" ? "an organiser" : "a mentor"}.`;
  return null;
}

/** Why inviting this address to this role makes no sense, or null when it does. */
export function invitationProblem(email: string, role: InvitableRole): string | null {
  return problemWith(db, email, role);
}

type CreateInvitationResult = Outcome<{ id: string }>;

/**
 * Stores a single-use invitation (only the token's hash) and queues its email in the same
 * transaction. A newer invitation to the same address and role replaces a pending older one,
 * so only the latest link works.
 */
export function createInvitation(input: { inviter: { id: string; name: string }; email: string; role: InvitableRole }): CreateInvitationResult {
  const email = normaliseEmail(input.email);
  const token = randomId(20);
  const result = db.transaction(
    (tx): CreateInvitationResult => {
      const problem = problemWith(tx, email, input.role);
      if (problem) return refuse(problem, { field: "email" });
      const now = clock.now();
      const replaced = tx
        .delete(invitations)
        .where(
          and(
            eq(invitations.email, email),
            eq(invitations.role, input.role),
            isNull(invitations.acceptedAt),
            gt(invitations.expiresAt, now),
          ),
        )
        .run().changes;
      const id = randomId(16);
      tx.insert(invitations)
        .values({
          id,
          email,
          role: input.role,
          tokenHash: hashToken(token),
          invitedBy: input.inviter.id,
          createdAt: now,
          expiresAt: now + INVITATION_LIFETIME,
        })
        .run();
      enqueueMessage(tx, email, "invitation", {
        inviterName: input.inviter.name,
        role: input.role,
        url: invitationUrl(token),
        expiresInHours: INVITATION_LIFETIME / HOUR,
      });
      recordAudit(tx, {
        actorId: input.inviter.id,
        action: "invitation.sent",
        targetType: "invitation",
        targetId: id,
        details: replaced ? { email, role: input.role, replacedPending: replaced } : { email, role: input.role },
      });
      return { ok: true, id };
    },
    { behavior: "immediate" },
  );
  if (result.ok) securityEvent("invitation.sent", { actorId: input.inviter.id, invitationId: result.id, role: input.role });
  return result;
}

export type InvitationStatus = "pending" | "accepted" | "expired";

function invitationStatus(row: { acceptedAt: number | null; expiresAt: number }, now: number): InvitationStatus {
  if (row.acceptedAt !== null) return "accepted";
  return row.expiresAt > now ? "pending" : "expired";
}

export const INVITATION_LIST_LIMIT = 200;

/** The most recent invitations, newest first, with who sent and who accepted them. */
export function listInvitations() {
  const now = clock.now();
  const rows = db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      inviterName: users.name,
    })
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .orderBy(desc(invitations.createdAt), desc(invitations.id))
    .limit(INVITATION_LIST_LIMIT)
    .all();
  return rows.map((row) => ({ ...row, status: invitationStatus(row, now) }));
}

/** Withdraws a pending invitation: its link stops working; the audit log keeps the record. */
export function revokeInvitation({ actorId, id }: { actorId: string; id: string }): "revoked" | "not-pending" {
  return db.transaction(
    (tx) => {
      const row = tx.select().from(invitations).where(eq(invitations.id, id)).get();
      if (!row || invitationStatus(row, clock.now()) !== "pending") return "not-pending";
      tx.delete(invitations).where(eq(invitations.id, id)).run();
      recordAudit(tx, { actorId, action: "invitation.revoked", targetType: "invitation", targetId: id, details: { email: row.email, role: row.role } });
      return "revoked";
    },
    { behavior: "immediate" },
  );
}

export type InvitationView = {
  id: string;
  email: string;
  role: InvitableRole;
  invitedBy: string | null;
  inviterName: string | null;
  expiresAt: number;
};

export type InvitationLookup =
  | { status: "invalid" }
  | { status: "used" }
  | { status: "expired" }
  | { status: "pending"; invitation: InvitationView };

function lookup(tx: Tx | Db, token: string, now: number): InvitationLookup {
  if (!TOKEN_PATTERN.test(token)) return { status: "invalid" };
  const row = tx
    .select({ invitation: invitations, inviterName: users.name })
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(eq(invitations.tokenHash, hashToken(token)))
    .get();
  if (!row) return { status: "invalid" };
  const { invitation } = row;
  const status = invitationStatus(invitation, now);
  if (status === "accepted") return { status: "used" };
  if (status === "expired") return { status: "expired" };
  return {
    status: "pending",
    invitation: {
      id: invitation.id,
      email: invitation.email,
      role: invitation.role as InvitableRole,
      invitedBy: invitation.invitedBy,
      inviterName: row.inviterName,
      expiresAt: invitation.expiresAt,
    },
  };
}

export function findInvitation(token: string): InvitationLookup {
  return lookup(db, token, clock.now());
}

export function accountExistsFor(email: string): boolean {
  return !!userWithEmail(db, email);
}

export type AcceptResult =
  | { status: "accepted"; userId: string; role: InvitableRole }
  | { status: "invalid" | "used" | "expired" }
  | { status: "wrong-account"; invitedEmail: string }
  | { status: "account-exists" };

/** Marks the invitation used; the `accepted_at is null` guard makes a second acceptance impossible. */
function markAccepted(tx: Tx, invitationId: string, userId: string, now: number): boolean {
  return (
    tx
      .update(invitations)
      .set({ acceptedAt: now, acceptedBy: userId })
      .where(and(eq(invitations.id, invitationId), isNull(invitations.acceptedAt)))
      .run().changes === 1
  );
}

function acceptedEvent(userId: string, invitation: InvitationView, newAccount: boolean) {
  securityEvent("invitation.accepted", { userId, invitationId: invitation.id, role: invitation.role, newAccount });
  securityEvent("role.changed", { actorId: userId, userId, added: [invitation.role], via: "invitation" });
}

/** The signed-in person accepts: only when the invitation was sent to their own address. */
export function acceptInvitationAsUser({ token, user }: { token: string; user: { id: string; email: string } }): AcceptResult {
  const result = db.transaction(
    (tx): AcceptResult & { invitation?: InvitationView } => {
      const now = clock.now();
      const found = lookup(tx, token, now);
      if (found.status !== "pending") return found;
      const { invitation } = found;
      if (normaliseEmail(user.email) !== invitation.email) return { status: "wrong-account", invitedEmail: invitation.email };
      if (!markAccepted(tx, invitation.id, user.id, now)) return { status: "used" };
      tx.insert(userRoles).values({ userId: user.id, role: invitation.role, grantedAt: now, grantedBy: invitation.invitedBy }).onConflictDoNothing().run();
      // The emailed link proves the address is theirs.
      tx.update(users).set({ emailVerifiedAt: now, updatedAt: now }).where(and(eq(users.id, user.id), isNull(users.emailVerifiedAt))).run();
      recordAudit(tx, {
        actorId: user.id,
        action: "invitation.accepted",
        targetType: "user",
        targetId: user.id,
        details: { role: invitation.role, invitation: invitation.id },
      });
      return { status: "accepted", userId: user.id, role: invitation.role, invitation };
    },
    { behavior: "immediate" },
  );
  if (result.status === "accepted" && result.invitation) acceptedEvent(result.userId, result.invitation, false);
  return stripInvitation(result);
}

/** Creates the invited person's account (email verified by the link) holding the invited role. */
export function acceptInvitationWithNewAccount(input: { token: string; name: string; passwordHash: string; optionalUses: readonly OptionalUse[] }): AcceptResult {
  const result = db.transaction(
    (tx): AcceptResult & { invitation?: InvitationView } => {
      const now = clock.now();
      const found = lookup(tx, input.token, now);
      if (found.status !== "pending") return found;
      const { invitation } = found;
      if (userWithEmail(tx, invitation.email)) return { status: "account-exists" };
      const userId = insertUser(tx, {
        email: invitation.email,
        name: input.name,
        passwordHash: input.passwordHash,
        roles: [invitation.role],
        emailVerified: true,
        grantedBy: invitation.invitedBy,
      });
      if (!markAccepted(tx, invitation.id, userId, now)) throw new Error("invitation accepted twice in one transaction");
      agreeToEverything(tx, { userId, optionalUses: input.optionalUses, source: "signup", now });
      recordAudit(tx, {
        actorId: userId,
        action: "invitation.accepted",
        targetType: "user",
        targetId: userId,
        details: { role: invitation.role, invitation: invitation.id, newAccount: true },
      });
      return { status: "accepted", userId, role: invitation.role, invitation };
    },
    { behavior: "immediate" },
  );
  if (result.status === "accepted" && result.invitation) acceptedEvent(result.userId, result.invitation, true);
  return stripInvitation(result);
}

function stripInvitation(result: AcceptResult & { invitation?: InvitationView }): AcceptResult {
  if (result.status !== "accepted") return result;
  return { status: "accepted", userId: result.userId, role: result.role };
}
