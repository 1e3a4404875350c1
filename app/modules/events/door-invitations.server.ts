import { and, asc, eq, gt, isNotNull, isNull, or, sql } from "drizzle-orm";
import { db, type Db, type Tx } from "~db/client.server";
import { doorInvitations, events, users } from "~db/schema";
import { clock, DAY, HOUR } from "~/utils/clock.server";
import { hashToken, randomId } from "~/utils/ids.server";
import { refuse, type Outcome } from "~/utils/refusal";
import { absoluteUrl } from "~/utils/urls.server";
import { assertEmailSendAllowed, findUserByEmail, normaliseEmail } from "~/modules/auth/index.server";
import { enqueueMessage } from "~/modules/outbox/index.server";
import { recordAudit } from "~/modules/organisation/index.server";
import { qrSvg } from "./booking/tickets.server";
import { assignDoorVolunteerByEmail } from "./door-team.server";

// Invitations to the door team (ADR 0034): by email, single use, for a week; or a link shown as a
// QR code at the door, for anyone holding it, for two hours. Only the token's hash is stored.

export const DOOR_INVITATION_LIFETIME = 7 * DAY;
export const DOOR_LINK_LIFETIME = 2 * HOUR;

// randomId(20): 160 bits, lower-case base32 without padding.
const TOKEN_PATTERN = /^[a-z2-7]{32}$/;

export function doorInvitationUrl(token: string): string {
  return absoluteUrl(`/door-invitations/${token}`);
}

const sameScope = (eventId: string | null) => (eventId ? eq(doorInvitations.eventId, eventId) : isNull(doorInvitations.eventId));
/** What an event's door team page shows: its own invitations, and those for every event. */
const seenFrom = (eventId: string) => or(eq(doorInvitations.eventId, eventId), isNull(doorInvitations.eventId));

type Inviter = { id: string; name: string };

export type DoorInviteResult = Outcome<{ kind: "assigned"; name: string; added: boolean } | { kind: "invited"; id: string; email: string }>;

/**
 * The organiser's form: an address with an account joins the team at once; any other address is
 * emailed an invitation, which replaces a pending one to the same address for the same event.
 * Counts towards the email limits; a 429 is thrown when they are spent.
 */
export async function inviteDoorVolunteer(input: { email: string; eventId: string | null; inviter: Inviter }, ip: string): Promise<DoorInviteResult> {
  const email = normaliseEmail(input.email);
  if (findUserByEmail(email)) {
    const added = assignDoorVolunteerByEmail({ email, eventId: input.eventId, actorId: input.inviter.id });
    return added.ok ? { ok: true, kind: "assigned", name: added.name, added: added.added } : added;
  }
  await assertEmailSendAllowed(email, ip);
  const token = randomId(20);
  return db.transaction(
    (tx): DoorInviteResult => {
      const now = clock.now();
      const event = input.eventId ? tx.select({ title: events.title }).from(events).where(eq(events.id, input.eventId)).get() : null;
      if (input.eventId && !event) return refuse("There is no event with that id.", { code: "not-found", status: 404 });
      const replaced = tx
        .delete(doorInvitations)
        .where(and(eq(doorInvitations.email, email), sameScope(input.eventId), isNull(doorInvitations.acceptedAt)))
        .run().changes;
      const id = randomId(16);
      tx.insert(doorInvitations)
        .values({ id, email, eventId: input.eventId, tokenHash: hashToken(token), invitedBy: input.inviter.id, createdAt: now, expiresAt: now + DOOR_INVITATION_LIFETIME })
        .run();
      enqueueMessage(tx, email, "door-invitation", {
        inviterName: input.inviter.name,
        eventTitle: event?.title ?? null,
        url: doorInvitationUrl(token),
        expiresInHours: DOOR_INVITATION_LIFETIME / HOUR,
      });
      const details = { email, eventId: input.eventId, ...(replaced ? { replacedPending: replaced } : {}) };
      recordAudit(tx, { actorId: input.inviter.id, action: "door.invited", targetType: "door-invitation", targetId: id, details });
      return { ok: true, kind: "invited", id, email };
    },
    { behavior: "immediate" },
  );
}

/** Withdraws a pending emailed invitation seen from this event's page: its link stops working. */
export function withdrawDoorInvitation(input: { id: string; eventId: string; actorId: string }): Outcome {
  return db.transaction(
    (tx): Outcome => {
      const row = tx
        .select()
        .from(doorInvitations)
        .where(and(eq(doorInvitations.id, input.id), isNotNull(doorInvitations.email), isNull(doorInvitations.acceptedAt), seenFrom(input.eventId)))
        .get();
      if (!row) return refuse("That invitation is no longer pending.", { code: "not-pending", status: 409 });
      tx.delete(doorInvitations).where(eq(doorInvitations.id, row.id)).run();
      recordAudit(tx, { actorId: input.actorId, action: "door.invitation-withdrawn", targetType: "door-invitation", targetId: row.id, details: { email: row.email, eventId: row.eventId } });
      return { ok: true };
    },
    { behavior: "immediate" },
  );
}

export type DoorLink = { id: string; url: string; qr: string; expiresAt: number; everyEvent: boolean };

/**
 * A link for this event (or every event) that anyone holding it may use to join the door team,
 * for two hours. It ends the live link of the same scope. The token is returned this once: only
 * its hash is kept, so the page can show it only now.
 */
export async function createDoorLink(input: { eventId: string | null; actorId: string }): Promise<Outcome<{ link: DoorLink }>> {
  const token = randomId(20);
  const made = db.transaction(
    (tx): Outcome<{ id: string; expiresAt: number }> => {
      const now = clock.now();
      if (input.eventId && !tx.select({ id: events.id }).from(events).where(eq(events.id, input.eventId)).get()) {
        return refuse("There is no event with that id.", { code: "not-found", status: 404 });
      }
      const ended = endLiveLinks(tx, sameScope(input.eventId), now);
      const id = randomId(16);
      const expiresAt = now + DOOR_LINK_LIFETIME;
      tx.insert(doorInvitations).values({ id, email: null, eventId: input.eventId, tokenHash: hashToken(token), invitedBy: input.actorId, createdAt: now, expiresAt }).run();
      recordAudit(tx, { actorId: input.actorId, action: "door.link-created", targetType: "door-invitation", targetId: id, details: { eventId: input.eventId, endedEarlier: ended } });
      return { ok: true, id, expiresAt };
    },
    { behavior: "immediate" },
  );
  if (!made.ok) return made;
  const url = doorInvitationUrl(token);
  return { ok: true, link: { id: made.id, url, qr: await qrSvg(url), expiresAt: made.expiresAt, everyEvent: input.eventId === null } };
}

function endLiveLinks(tx: Tx, scope: ReturnType<typeof sameScope> | ReturnType<typeof seenFrom>, now: number, id?: string): number {
  return tx
    .update(doorInvitations)
    .set({ expiresAt: now })
    .where(and(isNull(doorInvitations.email), gt(doorInvitations.expiresAt, now), scope, id ? eq(doorInvitations.id, id) : undefined))
    .run().changes;
}

/** Ends a live link seen from this event's page before its time: nobody can join through it any more. */
export function endDoorLink(input: { id: string; eventId: string; actorId: string }): Outcome {
  return db.transaction(
    (tx): Outcome => {
      if (!endLiveLinks(tx, seenFrom(input.eventId), clock.now(), input.id)) return refuse("That link has already ended.", { code: "not-live", status: 409 });
      recordAudit(tx, { actorId: input.actorId, action: "door.link-ended", targetType: "door-invitation", targetId: input.id, details: { eventId: input.eventId } });
      return { ok: true };
    },
    { behavior: "immediate" },
  );
}

/** This event's pending emailed invitations and live links, with those for every event. */
export function doorInvitationsOf(eventId: string) {
  const rows = db
    .select({ id: doorInvitations.id, email: doorInvitations.email, eventId: doorInvitations.eventId, expiresAt: doorInvitations.expiresAt, inviterName: users.name })
    .from(doorInvitations)
    .leftJoin(users, eq(users.id, doorInvitations.invitedBy))
    .where(and(seenFrom(eventId), isNull(doorInvitations.acceptedAt), gt(doorInvitations.expiresAt, clock.now())))
    .orderBy(asc(doorInvitations.createdAt))
    .all()
    .map((row) => ({ ...row, everyEvent: row.eventId === null }));
  return {
    pending: rows.flatMap((row) => (row.email ? [{ ...row, email: row.email }] : [])),
    links: rows.filter((row) => row.email === null).map(({ id, expiresAt, everyEvent, inviterName }) => ({ id, expiresAt, everyEvent, inviterName })),
  };
}

export type DoorInvitationView = {
  id: string;
  /** The invited address; null for a link shown at the door. */
  email: string | null;
  eventId: string | null;
  eventTitle: string | null;
  invitedBy: string | null;
  inviterName: string | null;
  expiresAt: number;
};

export type DoorInvitationLookup = { status: "invalid" | "used" | "expired" } | { status: "pending"; invitation: DoorInvitationView };

export function lookUpDoorInvitation(reader: Tx | Db, token: string, now: number): DoorInvitationLookup {
  if (!TOKEN_PATTERN.test(token)) return { status: "invalid" };
  const row = reader
    .select({ invitation: doorInvitations, eventTitle: events.title, inviterName: users.name })
    .from(doorInvitations)
    .leftJoin(events, eq(events.id, doorInvitations.eventId))
    .leftJoin(users, eq(users.id, doorInvitations.invitedBy))
    .where(eq(doorInvitations.tokenHash, hashToken(token)))
    .get();
  if (!row) return { status: "invalid" };
  const { invitation } = row;
  if (invitation.acceptedAt !== null) return { status: "used" };
  if (invitation.expiresAt <= now) return { status: "expired" };
  const { id, email, eventId, invitedBy, expiresAt } = invitation;
  return { status: "pending", invitation: { id, email, eventId, eventTitle: row.eventTitle, invitedBy, inviterName: row.inviterName, expiresAt } };
}

/** What the invitation page shows for a token. */
export function findDoorInvitation(token: string): DoorInvitationLookup {
  return lookUpDoorInvitation(db, token, clock.now());
}

/** For the person's own data download: invitations sent to their address. */
export function doorInvitationsTo(email: string) {
  return db
    .select({ event: events.title, email: doorInvitations.email, sentAt: doorInvitations.createdAt, expiresAt: doorInvitations.expiresAt, acceptedAt: doorInvitations.acceptedAt })
    .from(doorInvitations)
    .leftJoin(events, eq(events.id, doorInvitations.eventId))
    .where(eq(doorInvitations.email, normaliseEmail(email)))
    .all();
}

/** Erasure: every invitation sent to the address goes (accepted ones are in the door team's own record). */
export function deleteDoorInvitationsTo(tx: Tx, email: string): void {
  tx.delete(doorInvitations).where(eq(sql`lower(${doorInvitations.email})`, normaliseEmail(email))).run();
}
