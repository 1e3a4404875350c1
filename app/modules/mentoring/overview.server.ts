import { and, count, desc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { db } from "~db/client.server";
import { MENTORSHIP_STATUSES, mentoringSessions, mentorshipCheckIns, mentorships, users } from "~db/schema";
import { runningTotals } from "~/utils/running-totals.server";
import { mentorProfileCounts } from "./profiles.server";
import { pageWindow } from "~/utils/paging";

// Organisers see figures and names only: never a request message, a reason, a note or an answer.

const PAIRS_PER_PAGE = 50;

const mentor = alias(users, "mentor");
const mentee = alias(users, "mentee");

type PairRow = {
  id: string;
  mentorName: string;
  menteeName: string;
  status: "active" | "ended";
  source: "request" | "match";
  startedAt: number | null;
  endedAt: number | null;
  sessionsProposed: number;
  sessionsHeld: number;
  sessionsMissed: number;
  sessionRating: number | null;
  sessionRatings: number;
  mentorEndRating: number | null;
  menteeEndRating: number | null;
  checkInRating: number | null;
  checkInRatings: number;
};

type RequestRow = { id: string; mentorName: string; menteeName: string; status: "lapsed" | "declined"; createdAt: number; respondedAt: number | null };

type Overview = {
  totals: { active: number; ended: number; open: number; lapsed: number; declined: number; withdrawn: number; approvedMentors: number; pendingMentors: number };
  pairs: PairRow[];
  page: number;
  pageCount: number;
  requests: RequestRow[];
};

const round1 = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

function totals(): Overview["totals"] {
  // Running totals (ADR 0054): one row per status, not a count over every relationship.
  const byStatus = runningTotals(MENTORSHIP_STATUSES.map((status) => `mentorships:${status}` as const));
  const mentors = mentorProfileCounts();
  return {
    active: byStatus["mentorships:active"],
    ended: byStatus["mentorships:ended"],
    open: byStatus["mentorships:proposed"],
    lapsed: byStatus["mentorships:lapsed"],
    declined: byStatus["mentorships:declined"],
    withdrawn: byStatus["mentorships:withdrawn"],
    approvedMentors: mentors.approved,
    pendingMentors: mentors.pending,
  };
}

function sessionFigures(ids: string[]) {
  if (!ids.length) return new Map<string, { proposed: number; held: number; missed: number; rating: number | null; ratings: number }>();
  // Either side marking it held counts; missed only when neither says held. Outcomes may be null.
  const held = sql`(coalesce(${mentoringSessions.mentorOutcome}, '') = 'held' or coalesce(${mentoringSessions.menteeOutcome}, '') = 'held')`;
  const missed = sql`(coalesce(${mentoringSessions.mentorOutcome}, '') = 'missed' or coalesce(${mentoringSessions.menteeOutcome}, '') = 'missed')`;
  const rows = db
    .select({
      id: mentoringSessions.mentorshipId,
      proposed: count(),
      held: sql<number>`sum(case when ${held} then 1 else 0 end)`,
      missed: sql<number>`sum(case when ${missed} and not ${held} then 1 else 0 end)`,
      rating: sql<number | null>`avg(${mentoringSessions.menteeRating})`,
      ratings: count(mentoringSessions.menteeRating),
    })
    .from(mentoringSessions)
    .where(inArray(mentoringSessions.mentorshipId, ids))
    .groupBy(mentoringSessions.mentorshipId)
    .all();
  return new Map(rows.map((r) => [r.id, { proposed: r.proposed, held: r.held ?? 0, missed: r.missed ?? 0, rating: r.rating, ratings: r.ratings }]));
}

function checkInFigures(ids: string[]) {
  if (!ids.length) return new Map<string, { rating: number | null; ratings: number }>();
  const rows = db
    .select({ id: mentorshipCheckIns.mentorshipId, rating: sql<number | null>`avg(${mentorshipCheckIns.rating})`, ratings: count(mentorshipCheckIns.rating) })
    .from(mentorshipCheckIns)
    .where(inArray(mentorshipCheckIns.mentorshipId, ids))
    .groupBy(mentorshipCheckIns.mentorshipId)
    .all();
  return new Map(rows.map((r) => [r.id, { rating: r.rating, ratings: r.ratings }]));
}

/** Pairs (active first, then ended, newest first), a page at a time, with their figures. */
function pairs(page: number): { pairs: PairRow[]; page: number; pageCount: number } {
  const where = inArray(mentorships.status, ["active", "ended"]);
  const counted = runningTotals(["mentorships:active", "mentorships:ended"]);
  const { page: current, pageCount } = pageWindow(page, counted["mentorships:active"] + counted["mentorships:ended"], PAIRS_PER_PAGE);
  const rows = db
    .select({
      id: mentorships.id,
      mentorName: mentor.name,
      menteeName: mentee.name,
      status: mentorships.status,
      source: mentorships.source,
      startedAt: mentorships.startedAt,
      endedAt: mentorships.endedAt,
      mentorEndRating: mentorships.mentorEndRating,
      menteeEndRating: mentorships.menteeEndRating,
    })
    .from(mentorships)
    .innerJoin(mentor, eq(mentor.id, mentorships.mentorId))
    .innerJoin(mentee, eq(mentee.id, mentorships.menteeId))
    .where(where)
    .orderBy(sql`case when ${mentorships.status} = 'active' then 0 else 1 end`, desc(mentorships.startedAt), desc(mentorships.id))
    .limit(PAIRS_PER_PAGE)
    .offset((current - 1) * PAIRS_PER_PAGE)
    .all();
  const ids = rows.map((r) => r.id);
  const sessions = sessionFigures(ids);
  const checkIns = checkInFigures(ids);
  return {
    page: current,
    pageCount,
    pairs: rows.map((r) => {
      const s = sessions.get(r.id);
      const c = checkIns.get(r.id);
      return {
        ...r,
        status: r.status as PairRow["status"],
        sessionsProposed: s?.proposed ?? 0,
        sessionsHeld: s?.held ?? 0,
        sessionsMissed: s?.missed ?? 0,
        sessionRating: round1(s?.rating ?? null),
        sessionRatings: s?.ratings ?? 0,
        checkInRating: round1(c?.rating ?? null),
        checkInRatings: c?.ratings ?? 0,
      };
    }),
  };
}

/** The latest lapsed and declined requests (who and when, never what was written). */
function unansweredRequests(limit: number): RequestRow[] {
  return db
    .select({
      id: mentorships.id,
      mentorName: mentor.name,
      menteeName: mentee.name,
      status: mentorships.status,
      createdAt: mentorships.createdAt,
      respondedAt: mentorships.respondedAt,
    })
    .from(mentorships)
    .innerJoin(mentor, eq(mentor.id, mentorships.mentorId))
    .innerJoin(mentee, eq(mentee.id, mentorships.menteeId))
    .where(and(eq(mentorships.source, "request"), inArray(mentorships.status, ["lapsed", "declined"])))
    .orderBy(desc(mentorships.respondedAt), desc(mentorships.id))
    .limit(limit)
    .all()
    .map((r) => ({ ...r, status: r.status as RequestRow["status"] }));
}

export function mentoringOverview(page = 1): Overview {
  return { totals: totals(), ...pairs(page), requests: unansweredRequests(50) };
}
