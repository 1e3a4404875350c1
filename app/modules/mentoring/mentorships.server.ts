import { and, desc, eq, inArray, or, sql } from "drizzle-orm";
import { type Db, type Tx, db } from "~db/client.server";
import { menteeProfiles, mentorProfiles, mentorships, users } from "~db/schema";
import { absoluteUrl } from "~/utils/urls.server";
import { notFound } from "~/utils/http.server";
import { randomId } from "~/utils/ids.server";
import { scheduleFirstCheckIn } from "./check-ins.server";
import { enqueueMessage } from "~/modules/outbox/index.server";
import { getOrganisation } from "~/modules/organisation/index.server";
import { awaitsGuardian } from "~/modules/auth/index.server";
import { refuse, type Outcome } from "~/utils/refusal";

/** The transaction handle drizzle passes to `db.transaction(fn)`; plain `db` works too. */
type Reader = Pick<Db, "select">;

export type Mentorship = typeof mentorships.$inferSelect;
export type Person = { id: string; name: string; email: string };

const OPEN_STATUSES = ["proposed", "active"] as const;

export const mentorshipPath = (id: string) => `/me/mentoring/${id}`;

export function personIn(tx: Reader, userId: string): Person {
  const person = tx.select({ id: users.id, name: users.name, email: users.email }).from(users).where(eq(users.id, userId)).get();
  if (!person) throw new Error(`No user ${userId}`);
  return person;
}

/** Several people in one read; looking up an id that is not a user throws, as `personIn` does. */
export function peopleIn(tx: Reader, userIds: readonly string[]): (userId: string) => Person {
  const rows = userIds.length ? tx.select({ id: users.id, name: users.name, email: users.email }).from(users).where(inArray(users.id, [...new Set(userIds)])).all() : [];
  const byId = new Map(rows.map((person) => [person.id, person]));
  return (userId) => {
    const person = byId.get(userId);
    if (!person) throw new Error(`No user ${userId}`);
    return person;
  };
}

/** A person's time zone: their mentor profile's, else their mentee profile's, else the organisation's. */
export function timeZoneIn(tx: Reader, userId: string): string {
  const mentor = tx.select({ zone: mentorProfiles.timeZone }).from(mentorProfiles).where(eq(mentorProfiles.userId, userId)).get();
  if (mentor) return mentor.zone;
  const mentee = tx.select({ zone: menteeProfiles.timeZone }).from(menteeProfiles).where(eq(menteeProfiles.userId, userId)).get();
  return mentee?.zone ?? getOrganisation().timeZone;
}

export function activeCount(tx: Reader, mentorId: string): number {
  const row = tx
    .select({ n: sql<number>`count(*)` })
    .from(mentorships)
    .where(and(eq(mentorships.mentorId, mentorId), eq(mentorships.status, "active")))
    .get();
  return row?.n ?? 0;
}

/** Room for new mentees: capacity less active mentorships; 0 unless approved and accepting. */
export function placesLeft(tx: Reader, mentorId: string): number {
  const profile = tx
    .select({ status: mentorProfiles.status, accepting: mentorProfiles.accepting, capacity: mentorProfiles.capacity })
    .from(mentorProfiles)
    .where(eq(mentorProfiles.userId, mentorId))
    .get();
  if (!profile || profile.status !== "approved" || !profile.accepting) return 0;
  return Math.max(0, profile.capacity - activeCount(tx, mentorId));
}

function openPair(tx: Reader, mentorId: string, menteeId: string): Mentorship | undefined {
  return tx
    .select()
    .from(mentorships)
    .where(and(eq(mentorships.mentorId, mentorId), eq(mentorships.menteeId, menteeId), inArray(mentorships.status, [...OPEN_STATUSES])))
    .get();
}

/** A pair that worked together and ended is not paired again automatically. */
function pairEnded(tx: Reader, mentorId: string, menteeId: string): boolean {
  const row = tx
    .select({ id: mentorships.id })
    .from(mentorships)
    .where(and(eq(mentorships.mentorId, mentorId), eq(mentorships.menteeId, menteeId), eq(mentorships.status, "ended")))
    .get();
  return Boolean(row);
}

/** Why this mentor cannot take this mentee now, in words; null when they can. */
export function pairingBlocker(tx: Reader, mentorId: string, menteeId: string): string | null {
  if (mentorId === menteeId) return "A mentor cannot mentor themselves.";
  // Nothing about a young person reaches a mentor until a parent or guardian consents (ADR 0023).
  if (awaitsGuardian(menteeId)) return "This young person's account is waiting for a parent's or guardian's consent.";
  const profile = tx
    .select({ status: mentorProfiles.status, accepting: mentorProfiles.accepting, capacity: mentorProfiles.capacity })
    .from(mentorProfiles)
    .where(eq(mentorProfiles.userId, mentorId))
    .get();
  if (!profile || profile.status !== "approved") return "This mentor's profile is not approved.";
  if (!profile.accepting) return "This mentor is not taking new mentees at the moment.";
  // The placesLeft rule, on the profile already read.
  if (profile.capacity - activeCount(tx, mentorId) <= 0) return "This mentor has no places left.";
  const open = openPair(tx, mentorId, menteeId);
  if (open?.status === "active") return "They are already mentor and mentee.";
  if (open) return "There is already an open request between them.";
  if (pairEnded(tx, mentorId, menteeId)) return "They were paired before and that mentorship ended.";
  return null;
}

type MatchInput = { mentorId: string; menteeId: string; runId: string; now: number };
type MatchResult = Outcome<{ id: string }>;

/**
 * Makes an active mentorship from a published group match, in the caller's immediate
 * transaction so the capacity check and the insert see the same state.
 */
export function createMatchedMentorship(tx: Tx, { mentorId, menteeId, runId, now }: MatchInput): MatchResult {
  const blocker = pairingBlocker(tx, mentorId, menteeId);
  if (blocker) return refuse(blocker);
  const id = randomId(16);
  tx.insert(mentorships)
    .values({ id, mentorId, menteeId, source: "match", status: "active", matchRunId: runId, createdAt: now, startedAt: now })
    .run();
  const mentor = personIn(tx, mentorId);
  const mentee = personIn(tx, menteeId);
  const url = absoluteUrl(mentorshipPath(id));
  enqueueMessage(tx, mentor.email, "mentorship-matched", { name: mentor.name, otherName: mentee.name, role: "mentor", url });
  enqueueMessage(tx, mentee.email, "mentorship-matched", { name: mentee.name, otherName: mentor.name, role: "mentee", url });
  scheduleFirstCheckIn(tx, id, now);
  return { ok: true, id };
}

export type ViewerMentorship = { mentorship: Mentorship; role: "mentor" | "mentee"; mentor: Person; mentee: Person };

/** The mentorship row when this person is one of its two people; a 404 for anyone else, organisers included. */
export function requireOwnMentorship(mentorshipId: string, userId: string): Mentorship {
  const mentorship = db
    .select()
    .from(mentorships)
    .where(and(eq(mentorships.id, mentorshipId), or(eq(mentorships.mentorId, userId), eq(mentorships.menteeId, userId))))
    .get();
  if (!mentorship) notFound("We could not find that mentorship.");
  return mentorship;
}

/** The mentorship as seen by one of its two people; a 404 for anyone else, organisers included. */
export function mentorshipForViewer(mentorshipId: string, userId: string): ViewerMentorship {
  const mentorship = requireOwnMentorship(mentorshipId, userId);
  return {
    mentorship,
    role: mentorship.mentorId === userId ? "mentor" : "mentee",
    mentor: personIn(db, mentorship.mentorId),
    mentee: personIn(db, mentorship.menteeId),
  };
}

type ActiveMentorship = { id: string; role: "mentor" | "mentee"; other: Person; startedAt: number | null };

/** The person's active mentorships on either side, newest first. */
export function activeMentorshipsOf(userId: string): ActiveMentorship[] {
  const rows = db
    .select()
    .from(mentorships)
    .where(and(eq(mentorships.status, "active"), or(eq(mentorships.mentorId, userId), eq(mentorships.menteeId, userId))))
    .orderBy(desc(mentorships.startedAt), desc(mentorships.id))
    .all();
  const person = peopleIn(db, rows.map((row) => (row.mentorId === userId ? row.menteeId : row.mentorId)));
  return rows.map((row) => {
    const role = row.mentorId === userId ? "mentor" : "mentee";
    return { id: row.id, role, other: person(role === "mentor" ? row.menteeId : row.mentorId), startedAt: row.startedAt };
  });
}

/** The mentors this person has an open request with ("requested") or is mentored by ("mentor"). */
export function openPairsOf(menteeId: string): Map<string, "requested" | "mentor"> {
  const rows = db
    .select({ mentorId: mentorships.mentorId, status: mentorships.status })
    .from(mentorships)
    .where(and(eq(mentorships.menteeId, menteeId), inArray(mentorships.status, [...OPEN_STATUSES])))
    .all();
  return new Map(rows.map((row) => [row.mentorId, row.status === "active" ? "mentor" : "requested"]));
}

/** How many mentees a mentor has now (for their own page; `placesLeft` is what others may take). */
export function activeMenteeCount(mentorId: string): number {
  return activeCount(db, mentorId);
}
