import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { EventRow } from "../publishing/events.server";
import type { Db } from "~db/client.server";
import { events, registrations, users } from "~db/schema";

/** The transaction handle drizzle passes to `db.transaction(fn)`; plain `db` works too. */
type Reader = Pick<Db, "select">;

export type RegistrationRow = typeof registrations.$inferSelect;

// An offered seat is held for the person it was offered to until they accept or the offer lapses.
export const SEAT_HOLDING = ["confirmed", "offered"] as const;

export function eventIn(tx: Reader, eventId: string): EventRow | undefined {
  return tx.select().from(events).where(eq(events.id, eventId)).get();
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

export function personOf(tx: Reader, userId: string): { name: string; email: string } {
  const person = tx.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, userId)).get();
  if (!person) throw new Error(`No user ${userId}`);
  return person;
}

export function seatsHeld(tx: Reader, eventId: string): number {
  const row = tx
    .select({ n: sql<number>`count(*)` })
    .from(registrations)
    .where(and(eq(registrations.eventId, eventId), inArray(registrations.status, [...SEAT_HOLDING])))
    .get();
  return row?.n ?? 0;
}

export function waitingCount(tx: Reader, eventId: string): number {
  const row = tx
    .select({ n: sql<number>`count(*)` })
    .from(registrations)
    .where(and(eq(registrations.eventId, eventId), eq(registrations.status, "waitlisted")))
    .get();
  return row?.n ?? 0;
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
export function waitlistPosition(tx: Reader, registration: Pick<RegistrationRow, "id" | "eventId" | "status" | "waitlistedAt">): number | null {
  if (registration.status !== "waitlisted" || registration.waitlistedAt === null) return null;
  const row = tx
    .select({ n: sql<number>`count(*)` })
    .from(registrations)
    .where(
      and(
        eq(registrations.eventId, registration.eventId),
        eq(registrations.status, "waitlisted"),
        sql`(${registrations.waitlistedAt} < ${registration.waitlistedAt} or (${registrations.waitlistedAt} = ${registration.waitlistedAt} and ${registrations.id} < ${registration.id}))`,
      ),
    )
    .get();
  return (row?.n ?? 0) + 1;
}

/** Seat figures for many events in one query (lists). */
export function seatFigures(tx: Reader, eventIds: string[]): Map<string, { held: number; waiting: number }> {
  const figures = new Map<string, { held: number; waiting: number }>();
  if (!eventIds.length) return figures;
  const rows = tx
    .select({
      eventId: registrations.eventId,
      held: sql<number>`sum(case when ${registrations.status} in ('confirmed', 'offered') then 1 else 0 end)`,
      waiting: sql<number>`sum(case when ${registrations.status} = 'waitlisted' then 1 else 0 end)`,
    })
    .from(registrations)
    .where(inArray(registrations.eventId, eventIds))
    .groupBy(registrations.eventId)
    .all();
  for (const row of rows) figures.set(row.eventId, { held: row.held ?? 0, waiting: row.waiting ?? 0 });
  return figures;
}
