import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { absoluteUrl } from "~/utils/urls.server";
import { db, type Tx } from "~db/client.server";
import { cohortInvitations, cohortMembers, cohorts, curricula, users, type MemberSource } from "~db/schema";
import { DAY, clock } from "~/utils/clock.server";
import { formatDate } from "~/utils/dates";
import { randomId } from "~/utils/ids.server";
import { localDateTime } from "./schedule";
import { scheduleNudgeCheck } from "./releases.server";
import { enqueueMessage } from "~/modules/outbox/index.server";
import { recordAudit, getOrganisation } from "~/modules/organisation/index.server";
import { checkedInUserIds } from "~/modules/events/index.server";
import { awaitsGuardian } from "~/modules/auth/index.server";
import { refuse, type Outcome } from "~/utils/refusal";

export type Membership = typeof cohortMembers.$inferSelect;

export function membershipOf(userId: string, cohortId: string): Membership | undefined {
  return db
    .select()
    .from(cohortMembers)
    .where(and(eq(cohortMembers.userId, userId), eq(cohortMembers.cohortId, cohortId)))
    .get();
}

// Read on every visit to /me and /me/programme: prepared once (ADR 0046).
const membershipsStatement = db
  .select({ member: cohortMembers, cohort: cohorts, curriculumTitle: curricula.title })
  .from(cohortMembers)
  .innerJoin(cohorts, eq(cohorts.id, cohortMembers.cohortId))
  .innerJoin(curricula, eq(curricula.id, cohorts.curriculumId))
  .where(eq(cohortMembers.userId, sql.placeholder("userId")))
  .orderBy(asc(cohorts.startDate), asc(cohorts.name))
  .prepare();

/** The cohorts a person belongs to, earliest start first. */
export function membershipsOf(userId: string) {
  return membershipsStatement.all({ userId });
}

export function joinUrl(code: string): string {
  return absoluteUrl(`/join/${code}`);
}

type CohortRow = typeof cohorts.$inferSelect;

function insertMember(tx: Tx, cohort: CohortRow, userId: string, via: MemberSource, now: number): string {
  const id = randomId(16);
  tx.insert(cohortMembers).values({ id, cohortId: cohort.id, userId, joinedAt: now, joinedVia: via }).run();
  // A late joiner is reminded about steps already open counting from the day they joined.
  if (cohort.nudgeAfterDays) scheduleNudgeCheck(tx, cohort.id, now + cohort.nudgeAfterDays * DAY);
  return id;
}

function countMembers(tx: Tx, cohortId: string): number {
  return tx.select({ n: sql<number>`count(*)` }).from(cohortMembers).where(eq(cohortMembers.cohortId, cohortId)).get()!.n;
}

/** Refused with code "full" (409), "missing" (404) or "awaiting-guardian" (403: a young person's account held for consent, ADR 0023). */
export type JoinOutcome = Outcome<{ status: "joined" | "already"; memberId: string }>;

const COHORT_FULL = refuse("Sorry, this cohort is full. Ask the organisers about the next one.", { code: "full", status: 409 });
const NO_COHORT = refuse("There is no such cohort.", { code: "missing", status: 404 });
const AWAITING_GUARDIAN = refuse("You can join a cohort once your parent or guardian has agreed to your account.", { code: "awaiting-guardian", status: 403 });

/** Joins a person to a cohort by its code (or an invitation to their address), within capacity. */
export function joinCohort({ user, cohortId }: { user: { id: string; email: string }; cohortId: string }): JoinOutcome {
  const now = clock.now();
  return db.transaction(
    (tx): JoinOutcome => {
      const cohort = tx.select().from(cohorts).where(eq(cohorts.id, cohortId)).get();
      if (!cohort) return NO_COHORT;
      if (awaitsGuardian(user.id)) return AWAITING_GUARDIAN;
      const existing = tx
        .select({ id: cohortMembers.id })
        .from(cohortMembers)
        .where(and(eq(cohortMembers.cohortId, cohortId), eq(cohortMembers.userId, user.id)))
        .get();
      if (existing) return { ok: true, status: "already", memberId: existing.id };
      if (countMembers(tx, cohortId) >= cohort.capacity) return COHORT_FULL;
      const invitation = tx
        .select({ id: cohortInvitations.id })
        .from(cohortInvitations)
        .where(and(eq(cohortInvitations.cohortId, cohortId), eq(cohortInvitations.email, user.email.toLowerCase()), isNull(cohortInvitations.acceptedAt)))
        .get();
      if (invitation) tx.update(cohortInvitations).set({ acceptedAt: now }).where(eq(cohortInvitations.id, invitation.id)).run();
      return { ok: true, status: "joined", memberId: insertMember(tx, cohort, user.id, invitation ? "invitation" : "code", now) };
    },
    { behavior: "immediate" },
  );
}

function invitationProps(cohort: CohortRow, curriculumTitle: string, inviterName: string, added: boolean) {
  const { timeZone } = getOrganisation();
  return {
    inviterName,
    cohortName: cohort.name,
    curriculumTitle,
    startsOn: formatDate(localDateTime(cohort.startDate, 0, 12, timeZone), timeZone),
    url: added ? absoluteUrl("/me/programme") : joinUrl(cohort.joinCode),
    added,
  };
}

/** Emails each address the cohort's join link; people already in the cohort are skipped. */
export function inviteToCohort({ actor, cohortId, emails }: { actor: { id: string; name: string }; cohortId: string; emails: string[] }) {
  const now = clock.now();
  return db.transaction(
    (tx) => {
      const cohort = tx.select().from(cohorts).where(eq(cohorts.id, cohortId)).get();
      if (!cohort) return { invited: [] as string[], alreadyMembers: [] as string[] };
      const curriculumTitle = tx.select({ title: curricula.title }).from(curricula).where(eq(curricula.id, cohort.curriculumId)).get()!.title;
      const members = new Set(
        emails.length
          ? tx
              .select({ email: users.email })
              .from(cohortMembers)
              .innerJoin(users, eq(users.id, cohortMembers.userId))
              .where(and(eq(cohortMembers.cohortId, cohortId), inArray(sql`lower(${users.email})`, emails)))
              .all()
              .map((r) => r.email.toLowerCase())
          : [],
      );
      const invited: string[] = [];
      const props = invitationProps(cohort, curriculumTitle, actor.name, false);
      for (const email of emails) {
        if (members.has(email)) continue;
        tx.insert(cohortInvitations)
          .values({ id: randomId(16), cohortId, email, invitedBy: actor.id, createdAt: now })
          .onConflictDoUpdate({ target: [cohortInvitations.cohortId, cohortInvitations.email], set: { invitedBy: actor.id, createdAt: now } })
          .run();
        enqueueMessage(tx, email, "cohort-invitation", props);
        invited.push(email);
      }
      if (invited.length) recordAudit(tx, { actorId: actor.id, action: "cohort.invited", targetType: "cohort", targetId: cohortId, details: { count: invited.length } });
      return { invited, alreadyMembers: [...members] };
    },
    { behavior: "immediate" },
  );
}

/** Adds everyone who checked in at an event, as far as places allow, and tells each one. */
export function addEventAttendees({ actor, cohortId, eventId }: { actor: { id: string; name: string }; cohortId: string; eventId: string }) {
  const now = clock.now();
  const attendees = checkedInUserIds(eventId);
  return db.transaction(
    (tx) => {
      const cohort = tx.select().from(cohorts).where(eq(cohorts.id, cohortId)).get();
      const result = { added: 0, already: 0, noRoom: 0 };
      if (!cohort || !attendees.length) return result;
      const curriculumTitle = tx.select({ title: curricula.title }).from(curricula).where(eq(curricula.id, cohort.curriculumId)).get()!.title;
      const existing = new Set(
        tx.select({ userId: cohortMembers.userId }).from(cohortMembers).where(eq(cohortMembers.cohortId, cohortId)).all().map((r) => r.userId),
      );
      let places = cohort.capacity - existing.size;
      const people = new Map(
        tx.select({ id: users.id, email: users.email }).from(users).where(inArray(users.id, attendees)).all().map((u) => [u.id, u.email]),
      );
      const props = invitationProps(cohort, curriculumTitle, actor.name, true);
      for (const userId of attendees) {
        if (existing.has(userId)) result.already += 1;
        else if (places <= 0) result.noRoom += 1;
        else {
          insertMember(tx, cohort, userId, "event", now);
          const email = people.get(userId);
          if (email) enqueueMessage(tx, email, "cohort-invitation", props);
          places -= 1;
          result.added += 1;
        }
      }
      recordAudit(tx, { actorId: actor.id, action: "cohort.added-from-event", targetType: "cohort", targetId: cohortId, details: { eventId, ...result } });
      return result;
    },
    { behavior: "immediate" },
  );
}

/** Invitations sent for a cohort that nobody has used yet. */
export function pendingInvitations(cohortId: string) {
  return db
    .select({ email: cohortInvitations.email, createdAt: cohortInvitations.createdAt })
    .from(cohortInvitations)
    .where(and(eq(cohortInvitations.cohortId, cohortId), isNull(cohortInvitations.acceptedAt)))
    .orderBy(asc(cohortInvitations.email))
    .all();
}
