import { and, eq } from "drizzle-orm";
import { type Tx, db } from "~db/client.server";
import { mentorshipCheckIns, mentorships, users } from "~db/schema";
import { clock, DAY } from "~/utils/clock.server";
import { env } from "~/utils/env.server";
import { hashToken, randomId } from "~/utils/ids.server";
import { scheduleJob, enqueueMessage } from "~/modules/outbox/index.server";


export const CHECK_IN_JOB = "mentoring.check-in";
export const FIRST_CHECK_IN_AFTER = 30 * DAY;
export const CHECK_IN_EVERY = 60 * DAY;
export const RATINGS = [1, 2, 3, 4, 5] as const;

function scheduleCheckIn(tx: Tx, mentorshipId: string, dueAt: number) {
  scheduleJob(tx, {
    kind: CHECK_IN_JOB,
    runAt: dueAt,
    payload: { mentorshipId, dueAt },
    uniqueKey: `mentoring-check-in:${mentorshipId}:${dueAt}`,
  });
}

/** Call when a mentorship becomes active: the first check-in 30 days after it started. */
export function scheduleFirstCheckIn(tx: Tx, mentorshipId: string, startedAt: number) {
  scheduleCheckIn(tx, mentorshipId, startedAt + FIRST_CHECK_IN_AFTER);
}

const checkInPath = (token: string, rating?: number) =>
  `/check-ins/${token}${rating === undefined ? "" : `?rating=${rating}`}`;

/**
 * The check-in job: asks both sides of a still-active mentorship how it goes, then books the
 * next one. Only the hash of each link's token is stored, so the email goes out only in the run
 * that made the row: a retry finds the row and sends nothing twice.
 */
export function sendCheckInJob(payload: Record<string, unknown>) {
  const mentorshipId = String(payload.mentorshipId ?? "");
  const dueAt = Number(payload.dueAt);
  if (!Number.isFinite(dueAt)) return;
  db.transaction(
    (tx) => {
      const mentorship = tx.select().from(mentorships).where(eq(mentorships.id, mentorshipId)).get();
      if (!mentorship || mentorship.status !== "active") return;
      const mentor = tx.select().from(users).where(eq(users.id, mentorship.mentorId)).get()!;
      const mentee = tx.select().from(users).where(eq(users.id, mentorship.menteeId)).get()!;
      for (const [person, other] of [
        [mentor, mentee],
        [mentee, mentor],
      ] as const) {
        const token = randomId(20);
        const inserted = tx
          .insert(mentorshipCheckIns)
          .values({ id: randomId(16), mentorshipId, userId: person.id, dueAt, tokenHash: hashToken(token), sentAt: clock.now() })
          .onConflictDoNothing()
          .returning({ id: mentorshipCheckIns.id })
          .all();
        if (!inserted.length) continue;
        const links = RATINGS.map((rating) => new URL(checkInPath(token, rating), env.APP_URL).toString());
        enqueueMessage(tx, person.email, "mentorship-check-in", { name: person.name, otherName: other.name, links });
      }
      scheduleCheckIn(tx, mentorshipId, dueAt + CHECK_IN_EVERY);
    },
    { behavior: "immediate" },
  );
}

export type CheckInView = { otherName: string; rating: number | null; ratedAt: number | null };

function checkInByToken(token: string) {
  if (!/^[a-z2-7]{16,64}$/i.test(token)) return undefined;
  return db.select().from(mentorshipCheckIns).where(eq(mentorshipCheckIns.tokenHash, hashToken(token))).get();
}

/** What the check-in page shows; null for an unknown link. */
export function checkInForToken(token: string): CheckInView | null {
  const checkIn = checkInByToken(token);
  if (!checkIn) return null;
  const mentorship = db.select().from(mentorships).where(eq(mentorships.id, checkIn.mentorshipId)).get()!;
  const otherId = mentorship.mentorId === checkIn.userId ? mentorship.menteeId : mentorship.mentorId;
  const other = db.select({ name: users.name }).from(users).where(eq(users.id, otherId)).get()!;
  return { otherName: other.name, rating: checkIn.rating, ratedAt: checkIn.ratedAt };
}

/** Records (or replaces) the rating behind a check-in link; false for an unknown link. */
export function recordCheckInRating(token: string, rating: number): boolean {
  const checkIn = checkInByToken(token);
  if (!checkIn) return false;
  db.update(mentorshipCheckIns)
    .set({ rating, ratedAt: clock.now() })
    .where(and(eq(mentorshipCheckIns.id, checkIn.id), eq(mentorshipCheckIns.tokenHash, checkIn.tokenHash)))
    .run();
  return true;
}
