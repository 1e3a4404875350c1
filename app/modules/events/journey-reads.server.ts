import { asc, eq, ne, and } from "drizzle-orm";
import { db } from "~db/client.server";
import { events, registrations } from "~db/schema";

/** One booking on a person's journey: what, when it was booked, and whether they came. */
export type RegistrationStop = { eventId: string; eventTitle: string; startsAt: number; registeredAt: number; status: string; checkedInAt: number | null };

/** The person's bookings (cancelled ones left out), oldest first, for the journey timeline. */
export function registrationHistoryOf(userId: string): RegistrationStop[] {
  return db
    .select({
      eventId: events.id,
      eventTitle: events.title,
      startsAt: events.startsAt,
      registeredAt: registrations.createdAt,
      status: registrations.status,
      checkedInAt: registrations.checkedInAt,
    })
    .from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId))
    .where(and(eq(registrations.userId, userId), ne(registrations.status, "cancelled")))
    .orderBy(asc(registrations.createdAt))
    .all();
}
