import { and, desc, eq, sql } from "drizzle-orm";
import { db } from "~db/client.server";
import { achievements, type AchievementKind } from "~db/schema";
import { randomId } from "~/utils/ids.server";
import { getOrganisation } from "~/modules/organisation/index.server";
import { holdsProgrammeCertificate } from "~/modules/cohorts/index.server";

// Certificates that join the slices (ADR 0041): attendance at one event, where organisers switched
// them on, and the journey ("attended the workshop and completed the programme") for a person who
// checked in at an event and holds a programme certificate. Issued by the sweep and when the person
// opens their page; the id is the public verification address (128 random bits). Names and titles
// are kept as they were, like the programme's certificates.

export type Achievement = typeof achievements.$inferSelect;

type Candidate = { userId: string; eventId: string | null; cohortId: string | null; name: string; statement: string; earnedAt: number };

const BATCH = 500;
// Bound as parameters, so the SQL text (and the server bundle) stays ASCII (ADR 0050).
const OPEN_QUOTE = "“";
const CLOSE_QUOTE = "”";

const forPerson = (column: string, userId?: string) => (userId ? sql.raw(` and ${column} = `).append(sql`${userId}`) : sql``);

/** Checked-in people at events that give certificates, not yet holding theirs. */
function eventCandidates(userId?: string): Candidate[] {
  return db.all<Candidate>(sql`
    select r.user_id as userId, e.id as eventId, null as cohortId, u.name as name,
      'attended ' || ${OPEN_QUOTE} || e.title || ${CLOSE_QUOTE} as statement, r.checked_in_at as earnedAt
    from registrations r
      join events e on e.id = r.event_id
      join users u on u.id = r.user_id
    where e.attendance_certificates = 1 and r.checked_in_at is not null and r.status <> 'cancelled'
      and u.erased_at is null${forPerson("r.user_id", userId)}
      and not exists (select 1 from achievements a where a.user_id = r.user_id and a.kind = 'event' and a.event_id = e.id)
    limit ${BATCH}`);
}

/**
 * Programme certificates whose holder checked in at an event, without a journey certificate for
 * that cohort yet; the event named is the first they attended. Starts from the certificates
 * (`cross join` keeps SQLite to that order), which for one person are a few rows read by index.
 */
function journeyCandidates(userId?: string): Candidate[] {
  // Most people hold no programme certificate: one index probe, instead of opening every table below.
  if (userId && !holdsProgrammeCertificate(userId)) return [];
  return db.all<Candidate>(sql`
    select c.user_id as userId, e.id as eventId, m.cohort_id as cohortId, c.recipient_name as name,
      'attended ' || ${OPEN_QUOTE} || e.title || ${CLOSE_QUOTE} || ' and completed all ' ||
        (select count(*) from curriculum_steps s join cohorts k on k.curriculum_id = s.curriculum_id where k.id = m.cohort_id)
        || ' steps of ' || c.curriculum_title as statement,
      max(c.completed_at, first.checked_in_at) as earnedAt
    from certificates c
      cross join cohort_members m on m.id = c.member_id
      cross join users u on u.id = c.user_id
      cross join registrations first on first.id = (
        select r.id from registrations r
        where r.user_id = c.user_id and r.checked_in_at is not null and r.status <> 'cancelled'
        order by r.checked_in_at, r.id limit 1)
      join events e on e.id = first.event_id
    where u.erased_at is null${forPerson("c.user_id", userId)}
      and not exists (select 1 from achievements a where a.user_id = c.user_id and a.kind = 'journey' and a.cohort_id = m.cohort_id)
    limit ${BATCH}`);
}

function issue(kind: AchievementKind, candidates: Candidate[], organisationName: string): number {
  if (candidates.length === 0) return 0;
  return db.transaction(
    (tx) => {
      let issued = 0;
      for (const c of candidates) {
        issued += tx
          .insert(achievements)
          .values({ id: randomId(16), userId: c.userId, kind, eventId: c.eventId, cohortId: c.cohortId, recipientName: c.name, statement: c.statement, organisationName, earnedAt: c.earnedAt })
          .onConflictDoNothing()
          .run().changes;
      }
      return issued;
    },
    { behavior: "immediate" },
  );
}

/** Issues every certificate now earned (one person's only, when given); returns how many. */
export function issueDueAchievements(userId?: string): number {
  const { name } = getOrganisation();
  let issued = 0;
  for (;;) {
    const batch = issue("event", eventCandidates(userId), name) + issue("journey", journeyCandidates(userId), name);
    issued += batch;
    if (batch < BATCH) return issued;
  }
}

// Read on every visit to /me: prepared once (ADR 0046).
const myAchievementsStatement = db
  .select({ id: achievements.id, kind: achievements.kind, statement: achievements.statement, earnedAt: achievements.earnedAt })
  .from(achievements)
  .where(eq(achievements.userId, sql.placeholder("userId")))
  .orderBy(desc(achievements.earnedAt))
  .prepare();

/** The person's certificates beyond the programme's, newest first, issuing any just earned. */
export function myAchievements(userId: string): { id: string; kind: AchievementKind; statement: string; earnedAt: number }[] {
  issueDueAchievements(userId);
  return myAchievementsStatement.all({ userId });
}

/** One certificate by its public id. */
export function findAchievement(id: string): Achievement | undefined {
  if (!/^[A-Za-z0-9_-]{8,64}$/.test(id)) return undefined;
  return db.select().from(achievements).where(and(eq(achievements.id, id))).get();
}
