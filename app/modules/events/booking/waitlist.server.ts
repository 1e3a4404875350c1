import { eq } from "drizzle-orm";
import { db, type Tx } from "~db/client.server";
import { registrations } from "~db/schema";
import { clock, HOUR } from "~/utils/clock.server";
import { formatDateTime } from "~/utils/dates";
import { logger } from "~/utils/logger.server";
import { confirmSeat } from "./confirmation.server";
import { emailFacts, ticketPath } from "../facts.server";
import { eventIn, NO_REGISTRATION, ownRegistrationIn, personOf, seatsHeld, waitingInOrder } from "./seats.server";
import { absoluteUrl } from "~/utils/urls.server";
import { scheduleJob, enqueueMessage } from "~/modules/outbox/index.server";
import { getOrganisation } from "~/modules/organisation/index.server";
import { refuse, type Refusal } from "~/utils/refusal";

export const OFFER_EXPIRY_JOB = "events.offer-expiry";

/**
 * Offers the free seats of an event to the first people waiting: each gets status `offered`, an
 * expiry (`offer_hours` from now, never after the start), one `waitlist-offer` email and a job
 * that passes the seat on when the offer lapses. Call it in every transaction that frees seats or
 * raises capacity. Returns how many offers were made.
 */
export function offerFreedSeats(tx: Tx, eventId: string): number {
  const event = eventIn(eventId);
  const now = clock.now();
  if (!event || event.status !== "published" || now >= event.startsAt) return 0;
  const free = event.capacity - seatsHeld(eventId);
  if (free <= 0) return 0;
  const waiting = waitingInOrder(tx, eventId, free);
  if (!waiting.length) return 0;
  const expiresAt = Math.min(now + Math.max(1, event.offerHours) * HOUR, event.startsAt);
  const { timeZone } = getOrganisation();
  const facts = emailFacts(event, timeZone);
  for (const registration of waiting) {
    tx.update(registrations)
      .set({ status: "offered", offerExpiresAt: expiresAt, updatedAt: now })
      .where(eq(registrations.id, registration.id))
      .run();
    const person = personOf(registration.userId);
    enqueueMessage(tx, person.email, "waitlist-offer", {
      name: person.name,
      ...facts,
      url: absoluteUrl(ticketPath(registration.id)),
      expires: formatDateTime(expiresAt, timeZone),
    });
    scheduleJob(tx, {
      kind: OFFER_EXPIRY_JOB,
      runAt: expiresAt,
      payload: { registrationId: registration.id, expiresAt },
      uniqueKey: `offer-expiry:${registration.id}:${expiresAt}`,
    });
  }
  logger.info({ eventId, offers: waiting.length }, "waitlist offers made");
  return waiting.length;
}

/** Refused with code "not-found", "not-offered", "closed" or "expired". */
type AcceptResult = { ok: true; status: "confirmed" | "already-confirmed" } | Refusal;

/** Takes the seat offered to this person, if the offer still stands. */
export function acceptOffer(userId: string, registrationId: string): AcceptResult {
  return db.transaction(
    (tx): AcceptResult => {
      const registration = ownRegistrationIn(tx, userId, registrationId);
      if (!registration) return refuse(NO_REGISTRATION, { code: "not-found", status: 404 });
      if (registration.status === "confirmed") return { ok: true, status: "already-confirmed" };
      if (registration.status !== "offered") {
        return refuse("There is no seat on offer for you at this event any more.", { code: "not-offered", status: 409 });
      }
      const event = eventIn(registration.eventId)!;
      const now = clock.now();
      if (event.status !== "published" || now >= event.startsAt) {
        return refuse("This event is no longer taking registrations.", { code: "closed", status: 409 });
      }
      if (registration.offerExpiresAt !== null && now >= registration.offerExpiresAt) {
        // The expiry job may not have run yet: the offer is over all the same.
        lapseOffer(tx, registration.id, now);
        return refuse("Sorry, this offer has expired and the seat has gone to the next person waiting.", { code: "expired", status: 409 });
      }
      tx.update(registrations)
        .set({ status: "confirmed", confirmedAt: now, offerExpiresAt: null, updatedAt: now })
        .where(eq(registrations.id, registration.id))
        .run();
      confirmSeat(tx, { ...registration, status: "confirmed", confirmedAt: now }, event, { fromWaitlist: true });
      return { ok: true, status: "confirmed" };
    },
    { behavior: "immediate" },
  );
}

/**
 * An offer that lapses ends the person's place on the waitlist (status `cancelled`): they were
 * told the deadline, and sending the seat back round to them would hold up everyone behind them.
 * The seat goes straight to the next person waiting.
 */
function lapseOffer(tx: Tx, registrationId: string, now: number) {
  const registration = tx.select().from(registrations).where(eq(registrations.id, registrationId)).get();
  if (!registration || registration.status !== "offered") return;
  tx.update(registrations)
    .set({ status: "cancelled", cancelledAt: now, offerExpiresAt: null, updatedAt: now })
    .where(eq(registrations.id, registrationId))
    .run();
  offerFreedSeats(tx, registration.eventId);
}

/** The job at an offer's expiry; a stale job (the offer was accepted, declined or renewed) does nothing. */
export function expireOfferJob(payload: Record<string, unknown>) {
  const registrationId = String(payload.registrationId ?? "");
  const expiresAt = Number(payload.expiresAt);
  db.transaction(
    (tx) => {
      const registration = tx.select().from(registrations).where(eq(registrations.id, registrationId)).get();
      if (!registration || registration.status !== "offered" || registration.offerExpiresAt !== expiresAt) return;
      lapseOffer(tx, registrationId, clock.now());
    },
    { behavior: "immediate" },
  );
}
