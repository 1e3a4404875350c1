import { and, asc, eq, gte, inArray, lt, or } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { db } from "~db/client.server";
import { mentoringSessions, mentorships, users } from "~db/schema";

const mentorUser = alias(users, "journey_mentor");
const menteeUser = alias(users, "journey_mentee");

/** A mentorship on a person's journey, metadata only: who, when, and the sessions held (no notes, no agendas). */
export type MentorshipStop = {
  mentorshipId: string;
  role: "mentor" | "mentee";
  otherName: string;
  status: string;
  startedAt: number | null;
  endedAt: number | null;
  sessions: { startsAt: number; durationMinutes: number; format: string }[];
};

/** The person's mentorships that became active, with their confirmed sessions. */
export function mentoringHistoryOf(userId: string): MentorshipStop[] {
  const pairs = db
    .select({ id: mentorships.id, mentorId: mentorships.mentorId, status: mentorships.status, startedAt: mentorships.startedAt, endedAt: mentorships.endedAt, mentorName: mentorUser.name, menteeName: menteeUser.name })
    .from(mentorships)
    .innerJoin(mentorUser, eq(mentorUser.id, mentorships.mentorId))
    .innerJoin(menteeUser, eq(menteeUser.id, mentorships.menteeId))
    .where(and(or(eq(mentorships.mentorId, userId), eq(mentorships.menteeId, userId)), inArray(mentorships.status, ["active", "ended"])))
    .orderBy(asc(mentorships.startedAt))
    .all();
  if (!pairs.length) return [];
  const sessions = db
    .select({ mentorshipId: mentoringSessions.mentorshipId, startsAt: mentoringSessions.startsAt, durationMinutes: mentoringSessions.durationMinutes, format: mentoringSessions.format })
    .from(mentoringSessions)
    .where(and(inArray(mentoringSessions.mentorshipId, pairs.map((p) => p.id)), eq(mentoringSessions.status, "confirmed")))
    .orderBy(asc(mentoringSessions.startsAt))
    .all();
  return pairs.map((pair) => {
    const role = pair.mentorId === userId ? "mentor" : "mentee";
    return {
      mentorshipId: pair.id,
      role,
      otherName: role === "mentor" ? pair.menteeName : pair.mentorName,
      status: pair.status,
      startedAt: pair.startedAt,
      endedAt: pair.endedAt,
      sessions: sessions.filter((s) => s.mentorshipId === pair.id).map(({ mentorshipId: _id, ...session }) => session),
    };
  });
}

/** Mentees of the mentorships that ended in [from, to), for the journey area's follow-ups. */
export function menteesOfMentorshipsEndedBetween(from: number, to: number): { mentorshipId: string; endedAt: number; userId: string }[] {
  return db
    .select({ mentorshipId: mentorships.id, endedAt: mentorships.endedAt, userId: mentorships.menteeId })
    .from(mentorships)
    .where(and(eq(mentorships.status, "ended"), gte(mentorships.endedAt, from), lt(mentorships.endedAt, to)))
    .all()
    .map((row) => ({ ...row, endedAt: row.endedAt! }));
}
