import { and, asc, eq, gte, isNotNull, or, sql } from "drizzle-orm";
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus, type ICalCalendar } from "ical-generator";
import { db } from "~db/client.server";
import { calendarFeeds, events, registrations } from "~db/schema";
import { clock, DAY } from "~/utils/clock.server";
import { env } from "~/utils/env.server";
import { randomId } from "~/utils/ids.server";
import { eventPath, placeText, safeJoinUrl } from "../facts.server";
import type { EventRow } from "~/modules/events/publishing/events.server";
import { absoluteUrl } from "~/utils/urls.server";
import { getOrganisation } from "~/modules/organisation/index.server";

export const CALENDAR_CONTENT_TYPE = "text/calendar; charset=utf-8";

// Feeds keep a little of the past, so an event someone went to does not vanish from their calendar at once.
const FEED_PAST = 90 * DAY;
// A cancelled event stays in feeds, marked cancelled, so subscribed calendars show it as called off.
const CANCELLED_KEPT = 30 * DAY;

/** Someone a calendar entry is sent to. */
export type CalendarPerson = { name: string; email: string };

/** The same UID for an event in every file and feed, so calendar apps update it instead of adding a copy. */
export function eventUid(eventId: string): string {
  return `event-${eventId}@${new URL(env.APP_URL).hostname}`;
}

/**
 * The ORGANIZER of every entry the organisation sends: its name, at the address messages come
 * from. It must be the same on a cancellation as on the invitation, or Outlook ignores the
 * cancellation, so it comes from configuration rather than from settings organisers edit.
 */
export function calendarOrganizer(): CalendarPerson {
  const address = env.MAIL_FROM.match(/<([^<>\s]+)>\s*$/)?.[1] ?? env.MAIL_FROM.trim();
  return { name: getOrganisation().name, email: address };
}

/** The attendee of an invitation: already booked, so nothing to answer. */
export function calendarAttendee(person: CalendarPerson) {
  return { name: person.name, email: person.email, role: ICalAttendeeRole.REQ, status: ICalAttendeeStatus.ACCEPTED, rsvp: false };
}

function newCalendar(name: string, method: ICalCalendarMethod = ICalCalendarMethod.PUBLISH): ICalCalendar {
  return ical({
    name,
    prodId: { company: "Steppingstone", product: "events", language: "EN" },
    method,
  });
}

type EntryOptions = { withJoinUrl: boolean; organizer: CalendarPerson; attendee?: CalendarPerson };

function addEvent(calendar: ICalCalendar, event: EventRow, options: EntryOptions) {
  const url = absoluteUrl(eventPath(event.slug));
  const joinUrl = options.withJoinUrl ? safeJoinUrl(event) : "";
  // Times go out in UTC (…Z): every calendar app shows them in the reader's own zone.
  calendar.createEvent({
    id: eventUid(event.id),
    sequence: event.sequence,
    start: new Date(event.startsAt),
    end: new Date(event.endsAt),
    stamp: new Date(event.updatedAt),
    lastModified: new Date(event.updatedAt),
    summary: event.title,
    description: [event.summary, joinUrl ? `Join online: ${joinUrl}` : "", url].filter(Boolean).join("\n\n"),
    location: placeText(event),
    url,
    organizer: options.organizer,
    attendees: options.attendee ? [calendarAttendee(options.attendee)] : [],
    status: event.status === "cancelled" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
}

/** One event as an .ics file; the joining link only for someone with a confirmed seat. */
export function eventIcs(event: EventRow, options: { withJoinUrl?: boolean } = {}): string {
  const calendar = newCalendar(event.title);
  addEvent(calendar, event, { withJoinUrl: options.withJoinUrl ?? false, organizer: calendarOrganizer() });
  return calendar.toString();
}

/**
 * The invitation sent to a person with a seat, as an iTIP message: REQUEST while the event goes
 * ahead, CANCEL once it is cancelled, with the same UID and ORGANIZER, the person as ATTENDEE and
 * the event's current SEQUENCE, so calendar apps update or remove the entry they already have.
 */
export function eventInvitation(event: EventRow, attendee: CalendarPerson): string {
  const cancelled = event.status === "cancelled";
  const calendar = newCalendar(event.title, cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST);
  addEvent(calendar, event, { withJoinUrl: !cancelled, organizer: calendarOrganizer(), attendee });
  return calendar.toString();
}

/**
 * Every published event of the organisation, from a little while ago onwards, and the ones
 * cancelled after they were published, until a while after they would have ended.
 */
export function publicFeedIcs(): string {
  const calendar = newCalendar(getOrganisation().name);
  const now = clock.now();
  const rows = db
    .select()
    .from(events)
    .where(
      or(
        and(eq(events.status, "published"), gte(events.startsAt, now - FEED_PAST)),
        and(eq(events.status, "cancelled"), isNotNull(events.publishedAt), gte(events.endsAt, now - CANCELLED_KEPT)),
      ),
    )
    .orderBy(asc(events.startsAt))
    .all();
  const organizer = calendarOrganizer();
  for (const event of rows) addEvent(calendar, event, { withJoinUrl: false, organizer });
  return calendar.toString();
}

/**
 * The person's confirmed events, and the ones cancelled while they held a seat (for a while,
 * marked cancelled); null for an unknown (or replaced) address.
 */
export function personalFeedIcs(token: string): string | null {
  const feed = token ? db.select().from(calendarFeeds).where(eq(calendarFeeds.token, token)).get() : undefined;
  if (!feed) return null;
  const now = clock.now();
  const rows = db
    .select({ event: events })
    .from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId))
    .where(
      and(
        eq(registrations.userId, feed.userId),
        or(
          and(eq(registrations.status, "confirmed"), eq(events.status, "published"), gte(events.startsAt, now - FEED_PAST)),
          // Cancelling an event closes every open registration at the event's own cancellation instant.
          and(
            eq(events.status, "cancelled"),
            eq(registrations.cancelledAt, events.cancelledAt),
            isNotNull(registrations.confirmedAt),
            gte(events.endsAt, now - CANCELLED_KEPT),
          ),
        ),
      ),
    )
    .orderBy(asc(events.startsAt))
    .all();
  const calendar = newCalendar(`My ${getOrganisation().name} events`);
  const organizer = calendarOrganizer();
  for (const { event } of rows) addEvent(calendar, event, { withJoinUrl: true, organizer });
  return calendar.toString();
}

export function feedUrl(token: string): string {
  return absoluteUrl(`/calendar/${token}.ics`);
}

// Read on every visit to /me: prepared once (ADR 0046).
const feedTokenStatement = db.select({ token: calendarFeeds.token }).from(calendarFeeds).where(eq(calendarFeeds.userId, sql.placeholder("userId"))).prepare();

/** The person's feed token, made on first use. */
export function feedTokenFor(userId: string): string {
  const existing = feedTokenStatement.get({ userId });
  if (existing) return existing.token;
  db.insert(calendarFeeds).values({ userId, token: randomId(20), createdAt: clock.now() }).onConflictDoNothing().run();
  return feedTokenStatement.get({ userId })!.token;
}

/** Gives the person a new feed address; the old one stops working at once. */
export function replaceFeedToken(userId: string): string {
  const token = randomId(20);
  db.insert(calendarFeeds)
    .values({ userId, token, createdAt: clock.now() })
    .onConflictDoUpdate({ target: calendarFeeds.userId, set: { token, createdAt: clock.now() } })
    .run();
  return token;
}
