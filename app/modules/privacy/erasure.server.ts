import { and, desc, eq, inArray } from "drizzle-orm";
import { db } from "~db/client.server";
import { dataSubjectRequests, donations, recurringGifts } from "~db/schema";
import { clock, DAY } from "~/utils/clock.server";
import { formatDateTime } from "~/utils/dates";
import { randomId } from "~/utils/ids.server";
import { refuse, type Outcome } from "~/utils/refusal";
import { absoluteUrl } from "~/utils/urls.server";
import { confirmIdentity, isLastOrganiser, personToErase, type IdentityProof } from "~/modules/auth/index.server";
import { getOrganisation, recordAudit } from "~/modules/organisation/index.server";
import { dropPendingJobs, enqueueMessage, scheduleJob } from "~/modules/outbox/index.server";
import { requestDueAt } from "./deadlines";
import { eraseAccount } from "./erase-account.server";

export const ERASE_ACCOUNT_JOB = "privacy.erase-account";

const LAST_ORGANISER = "You are the only organiser: make someone else an organiser first, so the console is not left without one.";
const MONTHLY_GIFT = "You give every month: cancel the monthly gift from your giving page first, so no payment is taken after your account is gone.";

export type ScheduledErasure = { requestId: string; eraseAt: number };

/** The person's erasure waiting for its date, if there is one. */
export function scheduledErasureOf(userId: string): ScheduledErasure | null {
  const row = db
    .select({ requestId: dataSubjectRequests.id, eraseAt: dataSubjectRequests.eraseAt })
    .from(dataSubjectRequests)
    .where(and(eq(dataSubjectRequests.userId, userId), eq(dataSubjectRequests.kind, "erasure"), eq(dataSubjectRequests.status, "scheduled")))
    .orderBy(desc(dataSubjectRequests.receivedAt))
    .get();
  return row?.eraseAt ? { requestId: row.requestId, eraseAt: row.eraseAt } : null;
}

/** A monthly gift still taking payments would go on after the account is gone. */
function hasActiveMonthlyGift(userId: string): boolean {
  const row = db
    .select({ id: recurringGifts.subscriptionId })
    .from(recurringGifts)
    .innerJoin(donations, eq(donations.id, recurringGifts.firstDonationId))
    .where(and(eq(donations.userId, userId), inArray(recurringGifts.status, ["active", "past_due"])))
    .get();
  return !!row;
}

/**
 * The person asks for their account to be deleted, confirming with their password (or, for an
 * account made with a phone number, a code texted to it). The erasure waits for the
 * organisation's cooling-off period (logging in, or pressing cancel, stops it) and a message says
 * when. Asking again while one waits changes nothing.
 */
export async function requestErasure(
  user: { id: string; email: string },
  proof: IdentityProof,
  ip: string,
): Promise<Outcome<ScheduledErasure>> {
  const waiting = scheduledErasureOf(user.id);
  if (waiting) return { ok: true, ...waiting };
  // What stops the erasure anyway is said first, so a texted code is not spent on a refusal.
  if (isLastOrganiser(user.id)) return refuse(LAST_ORGANISER, { code: "last-organiser", status: 409 });
  if (hasActiveMonthlyGift(user.id)) return refuse(MONTHLY_GIFT, { code: "monthly-gift", status: 409 });
  const confirmed = await confirmIdentity(user, proof, ip, "That password is not right. Enter the password you log in with.");
  if (!confirmed.ok) return confirmed;
  const person = personToErase(user.id);
  if (!person) return refuse("This account was already erased.", { status: 409 });
  const organisation = getOrganisation();
  const now = clock.now();
  const eraseAt = now + organisation.erasureCoolingOffDays * DAY;
  const requestId = randomId(16);
  db.transaction(
    (tx) => {
      tx.insert(dataSubjectRequests)
        .values({ id: requestId, userId: user.id, kind: "erasure", status: "scheduled", receivedAt: now, dueAt: requestDueAt(now), eraseAt })
        .run();
      scheduleJob(tx, { kind: ERASE_ACCOUNT_JOB, runAt: eraseAt, payload: { requestId }, uniqueKey: `${ERASE_ACCOUNT_JOB}:${requestId}` });
      enqueueMessage(tx, person.email, "erasure-scheduled", {
        name: person.name,
        eraseOn: formatDateTime(eraseAt, organisation.timeZone),
        url: absoluteUrl("/login"),
      });
      recordAudit(tx, { actorId: user.id, action: "erasure.requested", targetType: "user", targetId: user.id, details: { request: requestId } });
    },
    { behavior: "immediate" },
  );
  return { ok: true, requestId, eraseAt };
}

function cancelScheduled(userId: string, outcome: string): boolean {
  const waiting = scheduledErasureOf(userId);
  if (!waiting) return false;
  const now = clock.now();
  return db.transaction(
    (tx) => {
      const changed = tx
        .update(dataSubjectRequests)
        .set({ status: "cancelled", closedAt: now, closedBy: userId, outcome })
        .where(and(eq(dataSubjectRequests.id, waiting.requestId), eq(dataSubjectRequests.status, "scheduled")))
        .run().changes;
      if (!changed) return false;
      dropPendingJobs(tx, `${ERASE_ACCOUNT_JOB}:${waiting.requestId}`);
      recordAudit(tx, { actorId: userId, action: "erasure.cancelled", targetType: "user", targetId: userId, details: { request: waiting.requestId } });
      return true;
    },
    { behavior: "immediate" },
  );
}

/** The person changed their mind: the account stays. False when nothing was waiting. */
export function cancelErasure(userId: string): boolean {
  return cancelScheduled(userId, "Cancelled by the person.");
}

/** Logging in during the cooling-off period keeps the account; true when that stopped an erasure. */
export function cancelErasureOnReturn(userId: string): boolean {
  return cancelScheduled(userId, "Cancelled: the person logged in again.");
}

/**
 * The job at the end of the cooling-off period: erases the account if the request still waits
 * (a cancelled one, or one whose date moved, does nothing). The last organiser is never erased:
 * the request is refused with that reason instead.
 */
export function runScheduledErasure(requestId: string, at: number): boolean {
  const request = db.select().from(dataSubjectRequests).where(eq(dataSubjectRequests.id, requestId)).get();
  if (!request || request.status !== "scheduled" || !request.userId || (request.eraseAt ?? Infinity) > at) return false;
  if (isLastOrganiser(request.userId)) {
    db.transaction((tx) => {
      tx.update(dataSubjectRequests)
        .set({ status: "refused", closedAt: at, outcome: "Not erased: the account is the only organiser's, and the console needs one." })
        .where(eq(dataSubjectRequests.id, requestId))
        .run();
      recordAudit(tx, { actorId: null, action: "erasure.refused", targetType: "user", targetId: request.userId!, details: { request: requestId, reason: "last organiser" } });
    });
    return false;
  }
  return eraseAccount({ userId: request.userId, at, cause: "request", actorId: request.userId, requestId });
}

type OrganiserErasure = { actorId: string; userId: string; requestId?: string; reason: string };

/**
 * An organiser erases someone at once, on their request (by letter, phone or email): audited with
 * the reason, which is kept without the person's name. Never themselves (their own page does
 * that) and never the last organiser. With `requestId`, that request is closed as completed.
 */
export function eraseOnRequest({ actorId, userId, requestId, reason }: OrganiserErasure): Outcome {
  if (actorId === userId) return refuse("You cannot erase your own account here. Use “Delete my account” on your privacy page.", { code: "self", status: 403 });
  const person = personToErase(userId);
  if (!person) return refuse("There is no person with that id, or their data was already erased.", { code: "not-found", status: 404 });
  if (isLastOrganiser(userId)) return refuse("This is the only organiser: the console needs one, so this account cannot be erased.", { code: "last-organiser", status: 409 });
  if (requestId) {
    const request = db.select().from(dataSubjectRequests).where(eq(dataSubjectRequests.id, requestId)).get();
    if (!request || request.userId !== userId || !["open", "scheduled"].includes(request.status)) {
      return refuse("That request is not an open request from this person.", { code: "request", status: 409 });
    }
  }
  eraseAccount({ userId, at: clock.now(), cause: "organiser", actorId, requestId, recordRequest: !requestId, reason });
  return { ok: true };
}
