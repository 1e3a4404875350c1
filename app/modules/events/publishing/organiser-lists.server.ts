import { and, asc, desc, eq, gt, gte, inArray, lt, lte, ne, sql, type SQL } from "drizzle-orm";
import type { EventRow } from "./events.server";
import { db } from "~db/client.server";
import { EVENT_STATUSES, eventFeedback, events, registrationAnswers, registrations, users } from "~db/schema";
import { DAY, clock } from "~/utils/clock.server";
import { seatFigures } from "../booking/seats.server";
import { pageWindow } from "~/utils/paging";

const ADMIN_EVENTS_PAGE_SIZE = 30;


export type AdminEventSummary = Pick<EventRow, "id" | "slug" | "title" | "kind" | "status" | "startsAt" | "endsAt" | "capacity" | "isOnline" | "venueName" | "seriesId" | "seriesPosition"> & {
  taken: number;
  waiting: number;
};

const summaryColumns = {
  id: events.id,
  slug: events.slug,
  title: events.title,
  kind: events.kind,
  status: events.status,
  startsAt: events.startsAt,
  endsAt: events.endsAt,
  capacity: events.capacity,
  isOnline: events.isOnline,
  venueName: events.venueName,
  seriesId: events.seriesId,
  seriesPosition: events.seriesPosition,
};

function withFigures(rows: Omit<AdminEventSummary, "taken" | "waiting">[]): AdminEventSummary[] {
  const figures = seatFigures(db, rows.map((row) => row.id));
  return rows.map((row) => ({ ...row, taken: figures.get(row.id)?.held ?? 0, waiting: figures.get(row.id)?.waiting ?? 0 }));
}

export type AdminEventsView = "upcoming" | "drafts" | "past";

/** Drafts shown above the events coming up; the rest are a page of their own. */
const DRAFTS_SHOWN = 6;

/**
 * One page of events for the console. "upcoming": published and cancelled events not over yet,
 * soonest first, with the first drafts still to come listed apart; "drafts": the drafts still to
 * come, soonest first; "past": the rest, latest first.
 */
export function listAdminEvents({ view, page }: { view: AdminEventsView; page: number }) {
  const now = clock.now();
  const notOver = gt(events.endsAt, now);
  const count = (where: SQL | undefined) => db.select({ n: sql<number>`count(*)` }).from(events).where(where).get()?.n ?? 0;
  // Statuses named, not "not a draft", so the counts search the index rather than scan it.
  const where = {
    upcoming: and(inArray(events.status, ["published", "cancelled"]), notOver),
    drafts: and(eq(events.status, "draft"), notOver),
    past: and(inArray(events.status, [...EVENT_STATUSES]), lte(events.endsAt, now)),
  };
  const totals = { upcoming: count(where.upcoming), drafts: count(where.drafts), past: count(where.past) };
  const total = totals[view];
  const { page: current, pageCount } = pageWindow(page, total, ADMIN_EVENTS_PAGE_SIZE);
  const rows = db
    .select(summaryColumns)
    .from(events)
    .where(where[view])
    .orderBy(view === "past" ? desc(events.startsAt) : asc(events.startsAt), asc(events.id))
    .limit(ADMIN_EVENTS_PAGE_SIZE)
    .offset((current - 1) * ADMIN_EVENTS_PAGE_SIZE)
    .all();
  const drafts = view === "upcoming" ? db.select(summaryColumns).from(events).where(where.drafts).orderBy(asc(events.startsAt), asc(events.id)).limit(DRAFTS_SHOWN).all() : [];
  return { events: withFigures(rows), drafts: withFigures(drafts), totals, page: current, pageCount };
}

type EventsFigures = { upcoming: number; drafts: number; registrationsNext30Days: number };

/** For the console's front page: published events still to come, drafts, and seats booked in the next 30 days. */
export function eventsFigures(): EventsFigures {
  const now = clock.now();
  const count = (status: "published" | "draft") =>
    db.select({ n: sql<number>`count(*)` }).from(events).where(and(eq(events.status, status), gt(events.endsAt, now))).get()?.n ?? 0;
  const booked =
    db
      .select({ n: sql<number>`count(*)` })
      .from(registrations)
      .innerJoin(events, eq(events.id, registrations.eventId))
      .where(and(eq(events.status, "published"), gte(events.startsAt, now), lt(events.startsAt, now + 30 * DAY), eq(registrations.status, "confirmed")))
      .get()?.n ?? 0;
  return { upcoming: count("published"), drafts: count("draft"), registrationsNext30Days: booked };
}

export type RegistrationListing = {
  id: string;
  userId: string;
  name: string;
  email: string;
  status: "confirmed" | "waitlisted" | "offered" | "cancelled";
  createdAt: number;
  waitlistedAt: number | null;
  offerExpiresAt: number | null;
  checkedInAt: number | null;
  shortCode: string;
  answers: Record<string, string>;
};

/**
 * Everyone registered for the event with their answers (question id -> answer): seat holders
 * by when they registered, then the waitlist in order, then cancellations.
 */
export function registrationsWithAnswers(eventId: string, options: { includeCancelled?: boolean } = {}): RegistrationListing[] {
  const rows = db
    .select({
      id: registrations.id,
      userId: registrations.userId,
      name: users.name,
      email: users.email,
      status: registrations.status,
      createdAt: registrations.createdAt,
      waitlistedAt: registrations.waitlistedAt,
      offerExpiresAt: registrations.offerExpiresAt,
      checkedInAt: registrations.checkedInAt,
      shortCode: registrations.shortCode,
    })
    .from(registrations)
    .innerJoin(users, eq(users.id, registrations.userId))
    .where(options.includeCancelled ? eq(registrations.eventId, eventId) : and(eq(registrations.eventId, eventId), ne(registrations.status, "cancelled")))
    .orderBy(
      sql`case ${registrations.status} when 'confirmed' then 0 when 'offered' then 1 when 'waitlisted' then 2 else 3 end`,
      sql`case when ${registrations.status} = 'waitlisted' then ${registrations.waitlistedAt} else ${registrations.createdAt} end`,
      asc(registrations.id),
    )
    .all();
  const answers = new Map<string, Record<string, string>>();
  const ids = rows.map((row) => row.id);
  // Chunked: SQLite caps the number of bound parameters in one statement.
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    for (const answer of db.select().from(registrationAnswers).where(inArray(registrationAnswers.registrationId, chunk)).all()) {
      const forRegistration = answers.get(answer.registrationId) ?? {};
      forRegistration[answer.questionId] = answer.value;
      answers.set(answer.registrationId, forRegistration);
    }
  }
  return rows.map((row) => ({ ...row, answers: answers.get(row.id) ?? {} }));
}

type FeedbackSummary = {
  count: number;
  average: number | null;
  /** How many people gave 1, 2, 3, 4 and 5. */
  byRating: number[];
  comments: { rating: number; comment: string; createdAt: number }[];
};

export function feedbackSummary(eventId: string): FeedbackSummary {
  const rows = db
    .select({ rating: eventFeedback.rating, comment: eventFeedback.comment, createdAt: eventFeedback.createdAt })
    .from(eventFeedback)
    .innerJoin(registrations, eq(registrations.id, eventFeedback.registrationId))
    .where(eq(registrations.eventId, eventId))
    .orderBy(desc(eventFeedback.createdAt))
    .all();
  const total = rows.reduce((sum, row) => sum + row.rating, 0);
  const byRating = [0, 0, 0, 0, 0];
  for (const row of rows) byRating[row.rating - 1] += 1;
  return {
    count: rows.length,
    byRating,
    average: rows.length ? Math.round((total / rows.length) * 10) / 10 : null,
    comments: rows.filter((row) => row.comment.trim()).map((row) => ({ ...row, comment: row.comment.trim() })),
  };
}
