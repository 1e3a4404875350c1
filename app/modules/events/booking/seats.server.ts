import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { EventRow } from "../publishing/events.server";
import { db, type Db } from "~db/client.server";
import { events, registrations, users } from "~db/schema";

/** The transaction handle drizzle passes to `db.transaction(fn)`; plain `db` works too. */
type Reader = Pick<Db, "select">;

// An offered seat is held for the person it was offered to until they accept or the offer lapses.
export const SEAT_HOLDING = ["confirmed", "offered"] as const;

// The reads every booking makes are prepared once. There is one connection, so a prepared
// statement runs inside whatever transaction is open on it, like any other (ADR 0046).
const eventStatement = db.select().from(events).where(eq(events.id, sql.placeholder("eventId"))).prepare();
// Kept by triggers on registrations in every write's transaction (migration 0023): one row read,
// however many people booked.
const countsStatement = db
  .select({ held: events.seatsHeld, waiting: events.waitingCount })
  .from(events)
  .where(eq(events.id, sql.placeholder("eventId")))
  .prepare();
const personStatement = db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, sql.placeholder("userId"))).prepare();
const aheadStatement = db
  .select({ n: sql<number>`count(*)` })
  .from(registrations)
  .where(
    and(
      eq(registrations.eventId, sql.placeholder("eventId")),
      eq(registrations.status, "waitlisted"),
      sql`(${registrations.waitlistedAt} < ${sql.placeholder("at")} or (${registrations.waitlistedAt} = ${sql.placeholder("at")} and ${registrations.id} < ${sql.placeholder("id")}))`,
    ),
  )
  .prepare();

export type RegistrationRow = typeof registrations.$inferSelect;


export function eventIn(eventId: string): EventRow | undefined {
  return eventStatement.get({ eventId });
}

/** The registration if it belongs to this person; undefined for anyone else's, as if it did not exist. */
export function ownRegistrationIn(tx: Reader, userId: string, registrationId: string): RegistrationRow | undefined {
  return tx
    .select()
    .from(registrations)
    .where(and(eq(registrations.id, registrationId), eq(registrations.userId, userId)))
    .get();
}

export const NO_REGISTRATION = "We could not find that registration.";

export function personOf(userId: string): { name: string; email: string } {
  const person = personStatement.get({ userId });
  if (!person) throw new Error(`No user ${userId}`);
  return person;
}

export function seatsHeld(eventId: string): number {
  return countsStatement.get({ eventId })?.held ?? 0;
}

export function waitingCount(eventId: string): number {
  return countsStatement.get({ eventId })?.waiting ?? 0;
}

/** The people waiting, first come first served (ties broken by id, so the order never wobbles). */
export function waitingInOrder(tx: Reader, eventId: string, limit: number): RegistrationRow[] {
  return tx
    .select()
    .from(registrations)
    .where(and(eq(registrations.eventId, eventId), eq(registrations.status, "waitlisted")))
    .orderBy(asc(registrations.waitlistedAt), asc(registrations.id))
    .limit(limit)
    .all();
}

/** 1 for the first person waiting; null when the registration is not on the waitlist. */
export function waitlistPosition(registration: Pick<RegistrationRow, "id" | "eventId" | "status" | "waitlistedAt">): number | null {
  if (registration.status !== "waitlisted" || registration.waitlistedAt === null) return null;
  const row = aheadStatement.get({ eventId: registration.eventId, at: registration.waitlistedAt, id: registration.id });
  return (row?.n ?? 0) + 1;
}

/** Seat figures for many events in one query (lists). */
export function seatFigures(tx: Reader, eventIds: string[]): Map<string, { held: number; waiting: number }> {
  const figures = new Map<string, { held: number; waiting: number }>();
  if (!eventIds.length) return figures;
  const rows = tx
    .select({ eventId: events.id, held: events.seatsHeld, waiting: events.waitingCount })
    .from(events)
    .where(inArray(events.id, eventIds))
    .all();
  for (const row of rows) figures.set(row.eventId, { held: row.held, waiting: row.waiting });
  return figures;
}
