import { and, asc, eq, ne, sql } from "drizzle-orm";
import { db } from "~db/client.server";
import { registrations, users, type RegistrationStatus } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { eventIn, NO_REGISTRATION, ownRegistrationIn, SEAT_HOLDING } from "./seats.server";
import { offerFreedSeats } from "./waitlist.server";
import { refuse, type Refusal } from "~/utils/refusal";

export { offerFreedSeats } from "./waitlist.server";

/** People with a confirmed seat. */
export function countConfirmed(eventId: string): number {
  const row = db
    .select({ n: sql<number>`count(*)` })
    .from(registrations)
    .where(and(eq(registrations.eventId, eventId), eq(registrations.status, "confirmed")))
    .get();
  return row?.n ?? 0;
}

export type RegisteredPerson = { userId: string; email: string; name: string; status: Exclude<RegistrationStatus, "cancelled"> };

/** Everyone with a registration that is not cancelled (confirmed, offered or waiting). */
export function registeredPeople(eventId: string): RegisteredPerson[] {
  return db
    .select({ userId: users.id, email: users.email, name: users.name, status: registrations.status })
    .from(registrations)
    .innerJoin(users, eq(users.id, registrations.userId))
    .where(and(eq(registrations.eventId, eventId), ne(registrations.status, "cancelled")))
    .orderBy(asc(registrations.createdAt), asc(registrations.id))
    .all() as RegisteredPerson[];
}

/** Refused with code "not-found" or "started". */
export type CancelResult = { ok: true; status: "cancelled" | "already-cancelled"; offersMade: number } | Refusal;

/**
 * The person gives up their seat, offer or place on the waitlist. A freed seat is offered to the
 * next person waiting in the same transaction. Only the owner can cancel (anyone else: not found).
 */
export function cancelRegistration(userId: string, registrationId: string): CancelResult {
  return db.transaction(
    (tx): CancelResult => {
      const registration = ownRegistrationIn(tx, userId, registrationId);
      if (!registration) return refuse(NO_REGISTRATION, { code: "not-found", status: 404 });
      if (registration.status === "cancelled") return { ok: true, status: "already-cancelled", offersMade: 0 };
      const event = eventIn(registration.eventId)!;
      const now = clock.now();
      if (now >= event.startsAt) {
        return refuse("This event has already started, so the registration cannot be cancelled now.", { code: "started", status: 409 });
      }
      tx.update(registrations)
        .set({ status: "cancelled", cancelledAt: now, offerExpiresAt: null, updatedAt: now })
        .where(eq(registrations.id, registration.id))
        .run();
      const heldSeat = (SEAT_HOLDING as readonly string[]).includes(registration.status);
      const offersMade = heldSeat ? offerFreedSeats(tx, event.id) : 0;
      return { ok: true, status: "cancelled", offersMade };
    },
    { behavior: "immediate" },
  );
}
