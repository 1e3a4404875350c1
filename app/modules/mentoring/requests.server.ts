import { and, desc, eq, gt, sql } from "drizzle-orm";
import { db, type Tx } from "~db/client.server";
import { mentorProfiles, mentorships } from "~db/schema";
import { DAY, clock } from "~/utils/clock.server";
import { formatDateTime } from "~/utils/dates";
import { randomId } from "~/utils/ids.server";
import { logger } from "~/utils/logger.server";
import { scheduleFirstCheckIn } from "./check-ins.server";
import { activeCount, mentorshipPath, pairingBlocker, personIn, timeZoneIn, type Mentorship } from "./mentorships.server";
import { MAX_OPEN_REQUESTS } from "./mentorship-schemas";
import { absoluteUrl } from "~/utils/urls.server";
import { scheduleJob, enqueueMessage } from "~/modules/outbox/index.server";
import { refuse, type Outcome } from "~/utils/refusal";
import { awaitsGuardian } from "~/modules/auth/index.server";

export const RESPOND_WITHIN = 7 * DAY;
// After a "no", the mentor is not asked again by the same person for a while: one answer is enough.
export const ASK_AGAIN_AFTER = 30 * DAY;

function askAgainFrom(tx: Tx, mentorId: string, menteeId: string, now: number): number | null {
  const declined = tx
    .select({ respondedAt: mentorships.respondedAt })
    .from(mentorships)
    .where(
      and(
        eq(mentorships.mentorId, mentorId),
        eq(mentorships.menteeId, menteeId),
        eq(mentorships.status, "declined"),
        gt(mentorships.respondedAt, now - ASK_AGAIN_AFTER),
      ),
    )
    .orderBy(desc(mentorships.respondedAt))
    .get();
  return declined?.respondedAt ? declined.respondedAt + ASK_AGAIN_AFTER : null;
}
export const REQUEST_LAPSE_JOB = "mentoring.request-lapse";

export type RequestOutcome = Outcome<{ id: string }>;

const GONE = "This request is no longer open.";

function openRequestCount(tx: Tx, menteeId: string): number {
  const row = tx
    .select({ n: sql<number>`count(*)` })
    .from(mentorships)
    .where(and(eq(mentorships.menteeId, menteeId), eq(mentorships.status, "proposed")))
    .get();
  return row?.n ?? 0;
}

const AWAITING_GUARDIAN = "You can ask for a mentor once your parent or guardian has agreed to your account.";

export type RequestInput = { menteeId: string; mentorId: string; message: string };

/** A mentee asks an approved mentor; the mentor has 7 days to answer before it lapses. */
export function requestMentor({ menteeId, mentorId, message }: RequestInput): RequestOutcome {
  const now = clock.now();
  return db.transaction(
    (tx): RequestOutcome => {
      if (awaitsGuardian(menteeId)) return refuse(AWAITING_GUARDIAN, { code: "awaiting-guardian", status: 403 });
      const blocker = pairingBlocker(tx, mentorId, menteeId);
      if (blocker) return refuse(blocker);
      const againFrom = askAgainFrom(tx, mentorId, menteeId, now);
      if (againFrom !== null) {
        const when = formatDateTime(againFrom, timeZoneIn(tx, menteeId));
        return refuse(`This mentor said no to your last request. You can ask them again from ${when}, or ask another mentor now.`);
      }
      if (openRequestCount(tx, menteeId) >= MAX_OPEN_REQUESTS) {
        return refuse(`You already have ${MAX_OPEN_REQUESTS} requests waiting for an answer. Withdraw one or wait for an answer first.`);
      }
      const id = randomId(16);
      const respondBy = now + RESPOND_WITHIN;
      tx.insert(mentorships)
        .values({ id, mentorId, menteeId, source: "request", status: "proposed", requestMessage: message, createdAt: now, respondBy })
        .run();
      const mentor = personIn(tx, mentorId);
      const mentee = personIn(tx, menteeId);
      enqueueMessage(tx, mentor.email, "mentor-request", {
        name: mentor.name,
        menteeName: mentee.name,
        respondBy: formatDateTime(respondBy, timeZoneIn(tx, mentorId)),
        url: absoluteUrl("/me/mentoring"),
      });
      scheduleJob(tx, { kind: REQUEST_LAPSE_JOB, runAt: respondBy, payload: { mentorshipId: id }, uniqueKey: `mentor-request-lapse:${id}` });
      return { ok: true, id };
    },
    { behavior: "immediate" },
  );
}

function ownRequest(tx: Tx, id: string, side: "mentorId" | "menteeId", userId: string): Mentorship | undefined {
  return tx
    .select()
    .from(mentorships)
    .where(and(eq(mentorships.id, id), eq(mentorships[side], userId)))
    .get();
}

export function withdrawRequest(menteeId: string, id: string): RequestOutcome {
  const now = clock.now();
  return db.transaction(
    (tx): RequestOutcome => {
      const row = ownRequest(tx, id, "menteeId", menteeId);
      if (!row || row.status !== "proposed") return refuse(GONE);
      tx.update(mentorships).set({ status: "withdrawn", respondedAt: now }).where(eq(mentorships.id, id)).run();
      return { ok: true, id };
    },
    { behavior: "immediate" },
  );
}

function lapse(tx: Tx, row: Mentorship, now: number) {
  tx.update(mentorships).set({ status: "lapsed", respondedAt: now }).where(eq(mentorships.id, row.id)).run();
  const mentor = personIn(tx, row.mentorId);
  const mentee = personIn(tx, row.menteeId);
  enqueueMessage(tx, mentee.email, "mentor-request-lapsed", { name: mentee.name, mentorName: mentor.name, url: absoluteUrl("/mentors") });
}

/**
 * The mentor takes the request. The capacity check and the change share one immediate
 * transaction, so two accepts (or an accept and a published match) for the last place
 * make one mentorship. A mentor who stopped taking new mentees may still accept requests
 * already waiting, within their capacity.
 */
export function acceptRequest(mentorId: string, id: string): RequestOutcome {
  const now = clock.now();
  return db.transaction(
    (tx): RequestOutcome => {
      const row = ownRequest(tx, id, "mentorId", mentorId);
      if (!row || row.status !== "proposed") return refuse(GONE);
      if (row.respondBy !== null && now >= row.respondBy) {
        lapse(tx, row, now);
        return refuse("This request lapsed: it was not answered within 7 days.");
      }
      const profile = tx.select().from(mentorProfiles).where(eq(mentorProfiles.userId, mentorId)).get();
      if (!profile || profile.status !== "approved") return refuse("Your mentor profile is not approved yet.");
      if (activeCount(tx, mentorId) >= profile.capacity) {
        return refuse("You have no places left. Raise your capacity on your profile or end a mentorship first.");
      }
      tx.update(mentorships).set({ status: "active", respondedAt: now, startedAt: now }).where(eq(mentorships.id, id)).run();
      const mentor = personIn(tx, mentorId);
      const mentee = personIn(tx, row.menteeId);
      enqueueMessage(tx, mentee.email, "mentor-request-accepted", {
        name: mentee.name,
        mentorName: mentor.name,
        url: absoluteUrl(mentorshipPath(id)),
      });
      scheduleFirstCheckIn(tx, id, now);
      return { ok: true, id };
    },
    { behavior: "immediate" },
  );
}

export function declineRequest(mentorId: string, id: string, reason: string): RequestOutcome {
  const now = clock.now();
  return db.transaction(
    (tx): RequestOutcome => {
      const row = ownRequest(tx, id, "mentorId", mentorId);
      if (!row || row.status !== "proposed") return refuse(GONE);
      tx.update(mentorships).set({ status: "declined", respondedAt: now, declineReason: reason }).where(eq(mentorships.id, id)).run();
      const mentor = personIn(tx, mentorId);
      const mentee = personIn(tx, row.menteeId);
      enqueueMessage(tx, mentee.email, "mentor-request-declined", {
        name: mentee.name,
        mentorName: mentor.name,
        // The reason itself is shown on the mentee's page only, not kept in the outbox.
        withNote: reason !== "",
        pageUrl: absoluteUrl("/me/mentoring"),
        url: absoluteUrl("/mentors"),
      });
      return { ok: true, id };
    },
    { behavior: "immediate" },
  );
}

/** The job at a request's answer-by time; an answered or withdrawn request is left alone. */
export function lapseRequestJob(payload: Record<string, unknown>, now: number) {
  const id = String(payload.mentorshipId ?? "");
  db.transaction(
    (tx) => {
      const row = tx.select().from(mentorships).where(eq(mentorships.id, id)).get();
      if (!row || row.status !== "proposed" || row.respondBy === null || now < row.respondBy) return;
      lapse(tx, row, now);
      logger.info({ mentorshipId: id }, "mentor request lapsed");
    },
    { behavior: "immediate" },
  );
}
