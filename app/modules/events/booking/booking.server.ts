import { and, eq, sql } from "drizzle-orm";
import { db, type Tx } from "~db/client.server";
import { groupedWrite } from "~db/grouped-writes.server";
import { registrationAnswers, registrations } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { formatDateTime } from "~/utils/dates";
import { randomBytes, randomId } from "~/utils/ids.server";
import { confirmSeat } from "./confirmation.server";
import { eventIn, seatsHeld, waitingCount, waitlistPosition, type RegistrationRow } from "./seats.server";
import { offerFreedSeats } from "./waitlist.server";
import type { EventRow } from "~/modules/events/publishing/events.server";
import { getOrganisation } from "~/modules/organisation/index.server";
import { awaitsGuardian } from "~/modules/auth/index.server";
import { refuse, type Refusal } from "~/utils/refusal";

export type Booked = {
  ok: true;
  registrationId: string;
  status: "confirmed" | "waitlisted" | "offered";
  /** Place on the waitlist (1 = next), when waiting. */
  position: number | null;
  /** The person was registered already (a second submit, say): nothing changed. */
  already: boolean;
};

export type BookingOutcome = Booked | Refusal;

type BookingRefusalCode = "not-found" | "cancelled" | "not-open-yet" | "closed" | "started" | "full" | "awaiting-guardian";

/** `code` names the reason for callers that branch on it. */
const refuseBooking = (code: BookingRefusalCode, message: string, status: 403 | 404 | 409 = 409): Refusal => refuse(message, { code, status });

export const AWAITING_GUARDIAN_MESSAGE =
  "You can book once your parent or guardian has agreed to your account. We emailed them a link: you can send it again from your privacy page.";

/**
 * Why the event takes no registrations now, or null when it does (seats aside). Dates in the
 * reason are in `timeZone`, the organisation's unless given (read only when a date is shown).
 */
export function closedReason(event: EventRow | undefined | null, now: number, timeZone?: string): Refusal | null {
  const zone = () => timeZone ?? getOrganisation().timeZone;
  if (!event || event.status === "draft") return refuseBooking("not-found", "We could not find that event.", 404);
  if (event.status === "cancelled") return refuseBooking("cancelled", "This event has been cancelled, so it no longer takes registrations.");
  if (now >= event.startsAt) return refuseBooking("started", "This event has already started, so registration is closed.");
  if (event.registrationOpensAt !== null && now < event.registrationOpensAt) {
    return refuseBooking("not-open-yet", `Registration opens on ${formatDateTime(event.registrationOpensAt, zone())}.`);
  }
  if (event.registrationClosesAt !== null && now >= event.registrationClosesAt) {
    return refuseBooking("closed", `Registration closed on ${formatDateTime(event.registrationClosesAt, zone())}.`);
  }
  return null;
}

// Typed at the door when a QR code will not scan: no 0/O or 1/I to confuse.
const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

// A booking's own reads are prepared once; on the one connection they run inside the booking's
// transaction (ADR 0046).
const codeTakenStatement = db
  .select({ id: registrations.id })
  .from(registrations)
  .where(and(eq(registrations.eventId, sql.placeholder("eventId")), eq(registrations.shortCode, sql.placeholder("code"))))
  .prepare();
const ownRowStatement = db
  .select()
  .from(registrations)
  .where(and(eq(registrations.eventId, sql.placeholder("eventId")), eq(registrations.userId, sql.placeholder("userId"))))
  .prepare();
const deleteAnswersStatement = db
  .delete(registrationAnswers)
  .where(eq(registrationAnswers.registrationId, sql.placeholder("registrationId")))
  .prepare();
const insertRegistrationStatement = db
  .insert(registrations)
  .values({
    id: sql.placeholder("id"),
    eventId: sql.placeholder("eventId"),
    userId: sql.placeholder("userId"),
    checkInToken: sql.placeholder("checkInToken"),
    shortCode: sql.placeholder("shortCode"),
    createdAt: sql.placeholder("createdAt"),
    status: sql.placeholder("status"),
    waitlistedAt: sql.placeholder("waitlistedAt"),
    offerExpiresAt: sql.placeholder("offerExpiresAt"),
    confirmedAt: sql.placeholder("confirmedAt"),
    cancelledAt: sql.placeholder("cancelledAt"),
    updatedAt: sql.placeholder("updatedAt"),
  })
  .returning()
  .prepare();
const lastToWaitStatement = db
  .select({ at: sql<number | null>`max(${registrations.waitlistedAt})` })
  .from(registrations)
  .where(and(eq(registrations.eventId, sql.placeholder("eventId")), eq(registrations.status, "waitlisted")))
  .prepare();

export function newShortCode(eventId: string): string {
  for (;;) {
    const bytes = randomBytes(6);
    const code = Array.from(bytes, (byte) => CODE_ALPHABET[byte % CODE_ALPHABET.length]).join("");
    if (!codeTakenStatement.get({ eventId, code })) return code;
  }
}

export function saveAnswers(tx: Tx, registrationId: string, answers: Record<string, string | undefined>) {
  deleteAnswersStatement.run({ registrationId });
  for (const [questionId, value] of Object.entries(answers)) {
    const text = value?.trim();
    if (text) tx.insert(registrationAnswers).values({ registrationId, questionId, value: text }).run();
  }
}

function booked(registration: RegistrationRow, already: boolean, position = waitlistPosition(registration)): Booked {
  return { ok: true, registrationId: registration.id, status: registration.status as Booked["status"], position, already };
}

/**
 * Books a seat, or a place on the waitlist, in the caller's transaction (it must be `immediate`):
 * the seat check and the write happen together, so seats are never over-booked. Someone already
 * registered gets their registration back unchanged; someone who cancelled gets their old row back.
 * Answers must already be checked against the event's questions.
 */
export function bookSeat(tx: Tx, input: { eventId: string; userId: string; answers: Record<string, string | undefined> }): BookingOutcome {
  const now = clock.now();
  const event = eventIn(input.eventId);
  const closed = closedReason(event, now);
  if (closed || !event) return closed!;
  // A young person's account held for a guardian's consent books nothing (ADR 0023).
  if (awaitsGuardian(input.userId)) return refuseBooking("awaiting-guardian", AWAITING_GUARDIAN_MESSAGE, 403);
  const existing = ownRowStatement.get({ eventId: event.id, userId: input.userId });
  if (existing && existing.status !== "cancelled") return booked(existing, true);

  // Free seats go to people already waiting before anyone new. The row read above carries the
  // running counts (read in this transaction), until offers change them.
  let held = event.seatsHeld;
  if (event.waitingCount > 0) {
    offerFreedSeats(tx, event.id);
    held = seatsHeld(event.id);
  }
  const free = event.capacity - held;
  if (free <= 0 && !event.waitlistEnabled) return refuseBooking("full", "Sorry, this event is full and has no waitlist.");
  const status = free > 0 ? "confirmed" : "waitlisted";
  const values = {
    status,
    waitlistedAt: status === "waitlisted" ? joinsWaitlistAt(event.id, now) : null,
    offerExpiresAt: null,
    confirmedAt: status === "confirmed" ? now : null,
    cancelledAt: null,
    updatedAt: now,
  } as const;
  let registration: RegistrationRow;
  if (existing) {
    registration = tx.update(registrations).set(values).where(eq(registrations.id, existing.id)).returning().get();
  } else {
    registration = insertRegistrationStatement.get({
      id: randomId(16),
      eventId: event.id,
      userId: input.userId,
      checkInToken: randomId(20),
      shortCode: newShortCode(event.id),
      createdAt: now,
      ...values,
    })!;
  }
  saveAnswers(tx, registration.id, input.answers);
  if (status === "confirmed") confirmSeat(tx, registration, event, { fromWaitlist: false });
  // A newcomer joins after everyone waiting (joinsWaitlistAt), so their place is the running count.
  return booked(registration, false, status === "waitlisted" ? waitingCount(event.id) : null);
}

/**
 * When a newcomer joins the waitlist: now, or just after the last one to join when that is not
 * earlier, so places follow the order bookings were taken even within one millisecond.
 */
function joinsWaitlistAt(eventId: string, now: number): number {
  const last = lastToWaitStatement.get({ eventId })?.at;
  return last != null && last >= now ? last + 1 : now;
}

/** A signed-in person registers. */
export function registerForEvent(userId: string, eventId: string, answers: Record<string, string | undefined>): BookingOutcome {
  return db.transaction((tx) => bookSeat(tx, { eventId, userId, answers }), { behavior: "immediate" });
}

/**
 * The booking form's way in: bookings that arrive together share one commit (one flush to disk,
 * the cost of a rush), and each answer waits for that commit (ADR 0044).
 */
export function registerForEventTogether(userId: string, eventId: string, answers: Record<string, string | undefined>): Promise<BookingOutcome> {
  return groupedWrite((tx) => bookSeat(tx, { eventId, userId, answers }));
}
