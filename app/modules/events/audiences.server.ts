import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lte, ne, sql, type SQL } from "drizzle-orm";
import { db } from "~db/client.server";
import { events, registrations, users } from "~db/schema";
import type { Recipient } from "~/modules/outbox/index.server";
import { clock, DAY } from "~/utils/clock.server";

// Who organisers can write to about an event: the people behind its registrations (ADR 0033).

/** registered: a confirmed seat; waitlisted: waiting for a seat, or offered one; no-show: a confirmed seat, not checked in, the event over. */
export const EVENT_AUDIENCE_KINDS = ["registered", "waitlisted", "checked-in", "no-show"] as const;
export type EventAudienceKind = (typeof EVENT_AUDIENCE_KINDS)[number];

/** One event, or every session of a series (a person counts once however many sessions match). */
export type EventScope = { eventId: string } | { seriesId: string };

function inScope(scope: EventScope): SQL {
  return "eventId" in scope ? eq(events.id, scope.eventId) : eq(events.seriesId, scope.seriesId);
}

function kindFilter(kind: EventAudienceKind, now: number): SQL | undefined {
  switch (kind) {
    case "registered":
      return eq(registrations.status, "confirmed");
    case "waitlisted":
      return inArray(registrations.status, ["waitlisted", "offered"]);
    case "checked-in":
      return isNotNull(registrations.checkedInAt);
    case "no-show":
      // A cancelled event had no door to come through.
      return and(eq(registrations.status, "confirmed"), isNull(registrations.checkedInAt), lte(events.endsAt, now), ne(events.status, "cancelled"));
  }
}

/** The people with accounts (never erased ones) in one of an event's or a series' groups, each once. */
export function eventAudience(scope: EventScope, kind: EventAudienceKind): Recipient[] {
  return db
    .selectDistinct({ userId: users.id, email: users.email, name: users.name })
    .from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId))
    .innerJoin(users, eq(users.id, registrations.userId))
    .where(and(inScope(scope), kindFilter(kind, clock.now()), isNull(users.erasedAt)))
    .orderBy(asc(users.name), asc(users.id))
    .all();
}

export type EventChoice = { id: string; title: string; startsAt: number; seriesId: string | null };
export type SeriesChoice = { id: string; title: string; sessions: number; firstStartsAt: number };

const LOOK_BACK = 180 * DAY;
const MOST_EVENTS = 200;

/** Published or cancelled events of the last six months and ahead, latest first, and the series they form. */
export function eventAudienceChoices(): { events: EventChoice[]; series: SeriesChoice[] } {
  const rows = db
    .select({ id: events.id, title: events.title, startsAt: events.startsAt, seriesId: events.seriesId })
    .from(events)
    .where(and(ne(events.status, "draft"), gte(events.startsAt, clock.now() - LOOK_BACK)))
    .orderBy(desc(events.startsAt), asc(events.id))
    .limit(MOST_EVENTS)
    .all();
  const seriesIds = [...new Set(rows.flatMap((row) => (row.seriesId ? [row.seriesId] : [])))];
  const series = seriesIds.length
    ? db
        .select({ id: sql<string>`${events.seriesId}`, title: sql<string>`min(${events.title})`, sessions: sql<number>`count(*)`, firstStartsAt: sql<number>`min(${events.startsAt})` })
        .from(events)
        .where(and(inArray(events.seriesId, seriesIds), ne(events.status, "draft")))
        .groupBy(events.seriesId)
        .orderBy(desc(sql`min(${events.startsAt})`))
        .all()
    : [];
  return { events: rows, series };
}

/** What an audience's event or series is called, for its label; undefined when it is gone. */
export function eventScopeFacts(scope: EventScope): { title: string; startsAt: number; sessions: number } | undefined {
  const row = db
    .select({ title: sql<string>`min(${events.title})`, startsAt: sql<number>`min(${events.startsAt})`, sessions: sql<number>`count(*)` })
    .from(events)
    .where(inScope(scope))
    .get();
  return row && row.sessions > 0 ? row : undefined;
}
