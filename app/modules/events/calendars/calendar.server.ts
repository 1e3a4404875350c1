import { and, asc, eq, gte } from "drizzle-orm";
import ical, { ICalCalendarMethod, ICalEventStatus, type ICalCalendar } from "ical-generator";
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

/** The same UID for an event in every file and feed, so calendar apps update it instead of adding a copy. */
export function eventUid(eventId: string): string {
  return `event-${eventId}@${new URL(env.APP_URL).hostname}`;
}

function newCalendar(name: string): ICalCalendar {
  return ical({
    name,
    prodId: { company: "Steppingstone", product: "events", language: "EN" },
    method: ICalCalendarMethod.PUBLISH,
  });
}

function addEvent(calendar: ICalCalendar, event: EventRow, options: { withJoinUrl: boolean }) {
  const url = absoluteUrl(eventPath(event.slug));
  const joinUrl = options.withJoinUrl ? safeJoinUrl(event) : "";
  // Times go out in UTC (…Z): every calendar app shows them in the reader's own zone.
  calendar.createEvent({
    id: eventUid(event.id),
    start: new Date(event.startsAt),
    end: new Date(event.endsAt),
    stamp: new Date(event.updatedAt),
    lastModified: new Date(event.updatedAt),
    summary: event.title,
    description: [event.summary, joinUrl ? `Join online: ${joinUrl}` : "", url].filter(Boolean).join("\n\n"),
    location: placeText(event),
    url,
    status: event.status === "cancelled" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
}

/** One event as an .ics file; the joining link only for someone with a confirmed seat. */
export function eventIcs(event: EventRow, options: { withJoinUrl?: boolean } = {}): string {
  const calendar = newCalendar(event.title);
  addEvent(calendar, event, { withJoinUrl: options.withJoinUrl ?? false });
  return calendar.toString();
}

/** Every published event of the organisation, from a little while ago onwards. */
export function publicFeedIcs(): string {
  const calendar = newCalendar(getOrganisation().name);
  const rows = db
    .select()
    .from(events)
    .where(and(eq(events.status, "published"), gte(events.startsAt, clock.now() - FEED_PAST)))
    .orderBy(asc(events.startsAt))
    .all();
  for (const event of rows) addEvent(calendar, event, { withJoinUrl: false });
  return calendar.toString();
}

/** The person's confirmed events, or null for an unknown (or replaced) address. */
export function personalFeedIcs(token: string): string | null {
  const feed = token ? db.select().from(calendarFeeds).where(eq(calendarFeeds.token, token)).get() : undefined;
  if (!feed) return null;
  const rows = db
    .select({ event: events })
    .from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId))
    .where(
      and(
        eq(registrations.userId, feed.userId),
        eq(registrations.status, "confirmed"),
        eq(events.status, "published"),
        gte(events.startsAt, clock.now() - FEED_PAST),
      ),
    )
    .orderBy(asc(events.startsAt))
    .all();
  const calendar = newCalendar(`My ${getOrganisation().name} events`);
  for (const { event } of rows) addEvent(calendar, event, { withJoinUrl: true });
  return calendar.toString();
}

export function feedUrl(token: string): string {
  return absoluteUrl(`/calendar/${token}.ics`);
}

/** The person's feed token, made on first use. */
export function feedTokenFor(userId: string): string {
  const existing = db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, userId)).get();
  if (existing) return existing.token;
  const token = randomId(20);
  db.insert(calendarFeeds).values({ userId, token, createdAt: clock.now() }).onConflictDoNothing().run();
  return db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, userId)).get()!.token;
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
