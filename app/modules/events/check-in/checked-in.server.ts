import { and, desc, eq, isNotNull, lte, sql } from "drizzle-orm";
import { db } from "~db/client.server";
import { events, registrations } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { whileUnchanged } from "~/utils/data-version.server";

// Who checked in at which event, for cohorts that invite an event's attendees.

const EVENTS_OFFERED = 20;

/**
 * Recent published events at which someone checked in, latest first. Reads the latest events by
 * the (status, start) index and stops at each one's first check-in, so it costs the same however
 * many registrations there are.
 */
export function eventsWithCheckIns() {
  // Offered on every cohort's page: the same list for every reader, kept while nothing is written (ADR 0042).
  return whileUnchanged("events-with-check-ins", readEventsWithCheckIns);
}

function readEventsWithCheckIns() {
  const now = clock.now();
  const anyCheckIn = sql`exists (select 1 from ${registrations} where ${registrations.eventId} = ${events.id} and ${registrations.checkedInAt} is not null)`;
  return db
    .select({ id: events.id, title: events.title, startsAt: events.startsAt })
    .from(events)
    .where(and(eq(events.status, "published"), lte(events.startsAt, now), anyCheckIn))
    .orderBy(desc(events.startsAt))
    .limit(EVENTS_OFFERED)
    .all();
}

/** The people who checked in at an event, in check-in order. */
export function checkedInUserIds(eventId: string): string[] {
  return db
    .select({ userId: registrations.userId })
    .from(registrations)
    .where(and(eq(registrations.eventId, eventId), isNotNull(registrations.checkedInAt)))
    .orderBy(registrations.checkedInAt)
    .all()
    .map((r) => r.userId);
}
