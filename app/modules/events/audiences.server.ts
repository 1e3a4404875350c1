import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, lte, ne, sql, type SQL } from "drizzle-orm";
import { db, likePattern } from "~db/client.server";
import { events, registrations, users } from "~db/schema";
import type { Recipient } from "~/modules/outbox/index.server";
import { clock, DAY } from "~/utils/clock.server";
import { shortList } from "~/utils/short-list";

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

const choiceColumns = { id: events.id, title: events.title, startsAt: events.startsAt, seriesId: events.seriesId };

/** The `count` of two lists (the events to come, soonest first; those begun, latest first) that start nearest to `now`. */
function nearest(ahead: EventChoice[], behind: EventChoice[], now: number, count: number): EventChoice[] {
  const rows: EventChoice[] = [];
  let a = 0;
  let b = 0;
  while (rows.length < count && (a < ahead.length || b < behind.length)) {
    const takeAhead = b >= behind.length || (a < ahead.length && ahead[a]!.startsAt - now <= now - behind[b]!.startsAt);
    rows.push(takeAhead ? ahead[a++]! : behind[b++]!);
  }
  return rows;
}

/**
 * What the message form offers: the `limit` published or cancelled events that start nearest to
 * now (those to come and those of the last six months, whichever are closer), only those whose
 * title contains `find` when it is given, and always the `chosen` ones, latest first; then the
 * series those events belong to, and the chosen series. Each read goes through the index on the
 * start and stops at `limit` + 1 rows, so the form stays the same size however many events there
 * are. `more`: some events were left out.
 */
export function eventAudienceChoices({ find, chosen, limit }: { find: string; chosen: { eventIds: string[]; seriesIds: string[] }; limit: number }): {
  events: EventChoice[];
  series: SeriesChoice[];
  more: boolean;
} {
  const now = clock.now();
  const offered = and(ne(events.status, "draft"), find ? sql`${events.title} like ${likePattern(find)} escape '\\'` : undefined);
  const ahead = db.select(choiceColumns).from(events).where(and(offered, gte(events.startsAt, now))).orderBy(asc(events.startsAt), asc(events.id)).limit(limit + 1).all();
  const behind = db
    .select(choiceColumns)
    .from(events)
    .where(and(offered, lt(events.startsAt, now), gte(events.startsAt, now - LOOK_BACK)))
    .orderBy(desc(events.startsAt), desc(events.id))
    .limit(limit + 1)
    .all();
  const list = shortList(nearest(ahead, behind, now, limit + 1), limit, chosen.eventIds, (missing) =>
    db.select(choiceColumns).from(events).where(and(inArray(events.id, missing), ne(events.status, "draft"))).all(),
  );
  const rows = list.choices.sort((x, y) => y.startsAt - x.startsAt || (x.id < y.id ? -1 : 1));
  const seriesIds = [...new Set([...rows.flatMap((row) => (row.seriesId ? [row.seriesId] : [])), ...chosen.seriesIds])];
  const series = seriesIds.length
    ? db
        .select({ id: sql<string>`${events.seriesId}`, title: sql<string>`min(${events.title})`, sessions: sql<number>`count(*)`, firstStartsAt: sql<number>`min(${events.startsAt})` })
        .from(events)
        .where(and(inArray(events.seriesId, seriesIds), ne(events.status, "draft")))
        .groupBy(events.seriesId)
        .orderBy(desc(sql`min(${events.startsAt})`))
        .all()
    : [];
  return { events: rows, series, more: list.more };
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
