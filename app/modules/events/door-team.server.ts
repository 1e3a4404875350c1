import { and, asc, eq, gt, inArray, isNull, or } from "drizzle-orm";
import { db, type Tx } from "~db/client.server";
import { doorAssignments, events, users } from "~db/schema";
import { clock, HOUR } from "~/utils/clock.server";
import { randomId } from "~/utils/ids.server";
import { refuse, type Outcome } from "~/utils/refusal";
import { findUserByEmail, grantRole, hasRole, type SessionUser } from "~/modules/auth/index.server";
import { recordAudit } from "~/modules/organisation/index.server";

// The door team (ADR 0034): volunteers who may check people in at some events and do nothing else.

/** An event that ended this long ago still lists at the door: late arrivals, a long evening. */
const DOOR_GRACE = 12 * HOUR;

type AssignInput = { userId: string; eventId: string | null; actorId: string };

/**
 * Lets a person check people in at one event, or at every event when `eventId` is null, and gives
 * them the door role if they lack it. Assigning twice changes nothing.
 */
export function assignDoorVolunteer(tx: Tx | undefined, input: AssignInput): Outcome<{ id: string; added: boolean }> {
  if (!tx) return db.transaction((inner) => assignDoorVolunteer(inner, input), { behavior: "immediate" });
  const person = tx.select({ id: users.id }).from(users).where(eq(users.id, input.userId)).get();
  if (!person) return refuse("There is no person with that id.", { code: "not-found", status: 404 });
  if (input.eventId && !tx.select({ id: events.id }).from(events).where(eq(events.id, input.eventId)).get()) {
    return refuse("There is no event with that id.", { code: "not-found", status: 404 });
  }
  const scope = input.eventId ? eq(doorAssignments.eventId, input.eventId) : isNull(doorAssignments.eventId);
  const existing = tx.select({ id: doorAssignments.id }).from(doorAssignments).where(and(eq(doorAssignments.userId, input.userId), scope)).get();
  if (existing) return { ok: true, id: existing.id, added: false };
  const id = randomId(16);
  tx.insert(doorAssignments).values({ id, userId: input.userId, eventId: input.eventId, grantedBy: input.actorId, grantedAt: clock.now() }).run();
  grantRole(tx, { actorId: input.actorId, userId: input.userId, role: "door" });
  recordAudit(tx, { actorId: input.actorId, action: "door.assigned", targetType: "user", targetId: input.userId, details: { eventId: input.eventId } });
  return { ok: true, id, added: true };
}

/** For the organiser's form: the account with this address joins the door team of this event, or of every event. */
export function assignDoorVolunteerByEmail(input: { email: string; eventId: string | null; actorId: string }): Outcome<{ id: string; added: boolean; name: string }> {
  const person = findUserByEmail(input.email);
  if (!person) return refuse("No account uses this address. Ask the volunteer to sign up first, then add them here.", { field: "email", code: "no-account" });
  const result = assignDoorVolunteer(undefined, { userId: person.id, eventId: input.eventId, actorId: input.actorId });
  return result.ok ? { ...result, name: person.name } : result;
}

/** Takes one assignment of this event's door team away (an "every event" one too). The door role stays: with no assignment it reaches nothing. */
export function removeDoorAssignment(input: { id: string; eventId: string; actorId: string }): Outcome {
  return db.transaction(
    (tx): Outcome => {
      const row = tx.select().from(doorAssignments).where(eq(doorAssignments.id, input.id)).get();
      if (!row || (row.eventId !== null && row.eventId !== input.eventId)) return refuse("That volunteer is not on this event's door team.", { code: "not-found", status: 404 });
      tx.delete(doorAssignments).where(eq(doorAssignments.id, input.id)).run();
      recordAudit(tx, { actorId: input.actorId, action: "door.removed", targetType: "user", targetId: row.userId, details: { eventId: row.eventId } });
      return { ok: true };
    },
    { behavior: "immediate" },
  );
}

/** Who may check people in at this event: its own door team, then those assigned to every event. */
export function doorAssignmentsOf(eventId: string) {
  return db
    .select({ id: doorAssignments.id, userId: users.id, name: users.name, email: users.email, eventId: doorAssignments.eventId })
    .from(doorAssignments)
    .innerJoin(users, eq(users.id, doorAssignments.userId))
    .where(or(eq(doorAssignments.eventId, eventId), isNull(doorAssignments.eventId)))
    .orderBy(asc(doorAssignments.eventId), asc(users.name))
    .all()
    .map((row) => ({ ...row, everyEvent: row.eventId === null }));
}

type DoorUser = Pick<SessionUser, "id" | "roles">;

/** Organisers check in anywhere; a door volunteer where assigned, or everywhere with an "every event" assignment. */
export function mayCheckIn(user: DoorUser, eventId: string): boolean {
  if (hasRole(user, "organiser")) return true;
  if (!hasRole(user, "door")) return false;
  const row = db
    .select({ id: doorAssignments.id })
    .from(doorAssignments)
    .where(and(eq(doorAssignments.userId, user.id), or(eq(doorAssignments.eventId, eventId), isNull(doorAssignments.eventId))))
    .get();
  return !!row;
}

/** The published events, today's and upcoming, this person may check people in at, soonest first. */
export function eventsForDoor(user: DoorUser) {
  const current = and(eq(events.status, "published"), gt(events.endsAt, clock.now() - DOOR_GRACE));
  const columns = { id: events.id, title: events.title, startsAt: events.startsAt, endsAt: events.endsAt };
  if (hasRole(user, "organiser")) return db.select(columns).from(events).where(current).orderBy(asc(events.startsAt)).all();
  if (!hasRole(user, "door")) return [];
  const assigned = db.select({ eventId: doorAssignments.eventId }).from(doorAssignments).where(eq(doorAssignments.userId, user.id)).all();
  if (assigned.some((row) => row.eventId === null)) return db.select(columns).from(events).where(current).orderBy(asc(events.startsAt)).all();
  const ids = assigned.map((row) => row.eventId).filter((id): id is string => id !== null);
  if (!ids.length) return [];
  return db.select(columns).from(events).where(and(current, inArray(events.id, ids))).orderBy(asc(events.startsAt)).all();
}

/** For the person's own data download. */
export function doorAssignmentsOfPerson(userId: string) {
  return db
    .select({ event: events.title, grantedAt: doorAssignments.grantedAt })
    .from(doorAssignments)
    .leftJoin(events, eq(events.id, doorAssignments.eventId))
    .where(eq(doorAssignments.userId, userId))
    .all();
}
