import { and, asc, desc, eq, gt, inArray, lte, sql, type SQL } from "drizzle-orm";
import { db } from "~db/client.server";
import { events, type EventKind } from "~db/schema";
import { formatDateTime } from "~/utils/dates";
import { placeText, whenText } from "../facts.server";
import { seatFigures } from "../booking/seats.server";
import type { EventRow } from "~/modules/events/publishing/events.server";
import { clock } from "~/utils/clock.server";
import { keptRow } from "~/utils/data-version.server";
import { pageWindow } from "~/utils/paging";

const EVENTS_PAGE_SIZE = 20;

/** How the seats of an event stand, in words people can trust. */
type SeatState = { text: string; tone: "open" | "full" | "closed" | "cancelled" };

type SeatFacts = Pick<
  EventRow,
  "status" | "startsAt" | "endsAt" | "capacity" | "waitlistEnabled" | "registrationOpensAt" | "registrationClosesAt"
>;

export function seatState(event: SeatFacts, figures: { held: number; waiting: number }, now: number, timeZone: string): SeatState {
  if (event.status === "cancelled") return { text: "Cancelled", tone: "cancelled" };
  if (now >= event.endsAt) return { text: "Finished", tone: "closed" };
  if (now >= event.startsAt) return { text: "Started: registration closed", tone: "closed" };
  if (event.registrationOpensAt !== null && now < event.registrationOpensAt) {
    return { text: `Registration opens ${formatDateTime(event.registrationOpensAt, timeZone)}`, tone: "closed" };
  }
  if (event.registrationClosesAt !== null && now >= event.registrationClosesAt) return { text: "Registration closed", tone: "closed" };
  const left = event.capacity - figures.held;
  if (left > 0) return { text: left === 1 ? "1 seat left" : `${left} seats left`, tone: "open" };
  if (!event.waitlistEnabled) return { text: "Full", tone: "full" };
  if (figures.waiting === 0) return { text: "Full: join the waitlist", tone: "full" };
  return { text: `Full: ${figures.waiting} on the waitlist`, tone: "full" };
}

type EventListFilter = { when: "upcoming" | "past"; kind: EventKind | null; page: number };

type EventCard = {
  slug: string;
  kind: EventKind;
  title: string;
  summary: string;
  when: string;
  place: string;
  seats: SeatState;
};

/** Published (and cancelled) events, upcoming soonest first or past latest first, a page at a time. */
export function listPublicEvents(filter: EventListFilter, timeZone: string) {
  const now = clock.now();
  const conditions: SQL[] = [
    inArray(events.status, ["published", "cancelled"]),
    filter.when === "upcoming" ? gt(events.endsAt, now) : lte(events.endsAt, now),
  ];
  if (filter.kind) conditions.push(eq(events.kind, filter.kind));
  const where = and(...conditions);
  const total = db.select({ n: sql<number>`count(*)` }).from(events).where(where).get()?.n ?? 0;
  const { page, pageCount } = pageWindow(filter.page, total, EVENTS_PAGE_SIZE);
  const rows = db
    .select({
      id: events.id,
      slug: events.slug,
      kind: events.kind,
      title: events.title,
      summary: events.summary,
      status: events.status,
      startsAt: events.startsAt,
      endsAt: events.endsAt,
      isOnline: events.isOnline,
      venueName: events.venueName,
      venueAddress: events.venueAddress,
      capacity: events.capacity,
      waitlistEnabled: events.waitlistEnabled,
      registrationOpensAt: events.registrationOpensAt,
      registrationClosesAt: events.registrationClosesAt,
    })
    .from(events)
    .where(where)
    .orderBy(filter.when === "upcoming" ? asc(events.startsAt) : desc(events.startsAt), asc(events.id))
    .limit(EVENTS_PAGE_SIZE)
    .offset((page - 1) * EVENTS_PAGE_SIZE)
    .all();
  const figures = seatFigures(db, rows.map((row) => row.id));
  const cards: EventCard[] = rows.map((row) => ({
    slug: row.slug,
    kind: row.kind,
    title: row.title,
    summary: row.summary,
    when: whenText(row, timeZone),
    place: placeText(row),
    seats: seatState(row, figures.get(row.id) ?? { held: 0, waiting: 0 }, now, timeZone),
  }));
  return { cards, total, page, pageCount };
}

// Every view and booking of an event page starts here: prepared once (ADR 0046).
const bySlugStatement = db.select().from(events).where(eq(events.slug, sql.placeholder("slug"))).prepare();

/**
 * An event the public may see: published or cancelled (drafts only for organisers). Kept while the
 * database is unchanged (frozen, ADR 0042): the bookings of a rush that arrive
 * between two commits read the event once. Slugs that name no event are not kept.
 */
export function publicEventBySlug(slug: string, options: { includeDrafts?: boolean } = {}): EventRow | null {
  const event = keptRow(`event-by-slug:${slug}`, () => bySlugStatement.get({ slug }));
  if (!event) return null;
  if (event.status === "draft" && !options.includeDrafts) return null;
  return event;
}
