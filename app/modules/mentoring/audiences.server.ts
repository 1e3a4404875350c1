import { and, asc, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import { db } from "~db/client.server";
import { menteeProfiles, mentoringSessions, mentorships, userRoles, users } from "~db/schema";
import type { Recipient } from "~/modules/outbox/index.server";
import { clock, DAY } from "~/utils/clock.server";

// Who organisers can write to in mentoring (ADR 0033).

const WEEK = 7 * DAY;
const recipient = { userId: users.id, email: users.email, name: users.name };

/** Everyone with the mentor role. */
export function mentorsAudience(): Recipient[] {
  return db
    .select(recipient)
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(and(eq(userRoles.role, "mentor"), isNull(users.erasedAt)))
    .orderBy(asc(users.name), asc(users.id))
    .all();
}

/** Participants with a mentee profile and no active mentor (the people group matching waits on). */
export function menteesWithoutMentorAudience(): Recipient[] {
  return db
    .select(recipient)
    .from(menteeProfiles)
    .innerJoin(userRoles, and(eq(userRoles.userId, menteeProfiles.userId), eq(userRoles.role, "participant")))
    .innerJoin(users, eq(users.id, menteeProfiles.userId))
    .where(
      and(
        isNull(users.erasedAt),
        sql`not exists (select 1 from ${mentorships} where ${mentorships.menteeId} = ${menteeProfiles.userId} and ${mentorships.status} = 'active')`,
      ),
    )
    .orderBy(asc(users.name), asc(users.id))
    .all();
}

/**
 * Both people of every active pair that has gone `weeks` weeks without a session: paired at least
 * that long, and no confirmed session since then (one already planned counts as a session).
 */
export function quietPairsAudience(weeks: number): Recipient[] {
  const since = clock.now() - weeks * WEEK;
  const pairs = db
    .select({ mentorId: mentorships.mentorId, menteeId: mentorships.menteeId })
    .from(mentorships)
    .where(
      and(
        eq(mentorships.status, "active"),
        lte(mentorships.startedAt, since),
        sql`not exists (select 1 from ${mentoringSessions} where ${mentoringSessions.mentorshipId} = ${mentorships.id} and ${mentoringSessions.status} = 'confirmed' and ${mentoringSessions.startsAt} >= ${since})`,
      ),
    )
    .all();
  const people = [...new Set(pairs.flatMap((pair) => [pair.mentorId, pair.menteeId]))];
  if (!people.length) return [];
  return db
    .select(recipient)
    .from(users)
    .where(and(inArray(users.id, people), isNull(users.erasedAt)))
    .orderBy(asc(users.name), asc(users.id))
    .all();
}
