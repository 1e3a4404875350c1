import { and, eq, gt, inArray, ne } from "drizzle-orm";
import type { Tx } from "~db/client.server";
import { calendarFeeds, eventFeedback, events, registrationAnswers, registrations } from "~db/schema";
import type { ErasedPerson } from "~/utils/redact.server";
import { offerFreedSeats } from "./booking/waitlist.server";
import { deleteDoorInvitationsTo } from "./door-invitations.server";

/**
 * Registrations stay, so past events keep their seat counts and attendance totals, but lose the
 * answers given and feedback comments written (the rating stays, anonymous, in the averages).
 * Bookings of events still to come are cancelled, and their seats offered to whoever waits.
 * The person's calendar feed goes, and so do invitations to the door team sent to their address.
 */
export function eraseEventsData(tx: Tx, person: ErasedPerson, at: number): void {
  const own = tx.select({ id: registrations.id }).from(registrations).where(eq(registrations.userId, person.userId)).all().map((row) => row.id);
  if (own.length) {
    tx.delete(registrationAnswers).where(inArray(registrationAnswers.registrationId, own)).run();
    tx.update(eventFeedback).set({ comment: "" }).where(inArray(eventFeedback.registrationId, own)).run();
  }
  const upcoming = tx
    .select({ id: registrations.id, eventId: registrations.eventId })
    .from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId))
    .where(and(eq(registrations.userId, person.userId), ne(registrations.status, "cancelled"), gt(events.startsAt, at)))
    .all();
  for (const booking of upcoming) {
    tx.update(registrations).set({ status: "cancelled", cancelledAt: at, offerExpiresAt: null, updatedAt: at }).where(eq(registrations.id, booking.id)).run();
    offerFreedSeats(tx, booking.eventId);
  }
  tx.delete(calendarFeeds).where(eq(calendarFeeds.userId, person.userId)).run();
  deleteDoorInvitationsTo(tx, person.email);
}
