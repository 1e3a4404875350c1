import { and, eq } from "drizzle-orm";
import { db, type Tx } from "~db/client.server";
import { registrations } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { randomId } from "~/utils/ids.server";
import { absoluteUrl } from "~/utils/urls.server";
import { refuse, type Refusal } from "~/utils/refusal";
import { accountForWalkIn, parseMobileNumber } from "~/modules/auth/index.server";
import { enqueueMessage } from "~/modules/outbox/index.server";
import { newShortCode, saveAnswers } from "../booking/booking.server";
import { eventIn, seatsHeld, type RegistrationRow } from "../booking/seats.server";
import { ticketPath } from "../facts.server";
import { walkInSchema, type DeviceWalkIn } from "../door-device";
import { walkInQuestions } from "./door-list.server";
import { checkIn, type CheckInResult } from "./check-in.server";

// Walk-ins (ADR 0036): people who turn up without registering, added by the door team, online or
// on a phone that syncs later. The phone's key makes a walk-in sent twice one person.

export type WalkInResult = CheckInResult & { walkIn?: { created: boolean } };

const FULL = "The event is full and this event takes no walk-ins beyond its capacity. Ask an organiser.";

function byKey(tx: Tx, eventId: string, key: string): RegistrationRow | undefined {
  return tx.select().from(registrations).where(and(eq(registrations.eventId, eventId), eq(registrations.walkInKey, key))).get();
}

function firstProblem(error: { issues: { message: string; path: PropertyKey[] }[] }): Refusal {
  const issue = error.issues[0];
  return refuse(issue.message, { field: issue.path.map(String).join("."), code: "invalid", status: 400 });
}

/** A seat for the person (over the capacity only where the organiser allows it): their registration, confirmed. */
function seatFor(tx: Tx, input: { eventId: string; userId: string; key: string; by: string; answers: Record<string, string | undefined> }): RegistrationRow | Refusal {
  const event = eventIn(input.eventId)!;
  const existing = tx.select().from(registrations).where(and(eq(registrations.eventId, event.id), eq(registrations.userId, input.userId))).get();
  if (existing?.status === "confirmed") return existing;
  const holdsSeat = existing?.status === "offered";
  if (!holdsSeat && seatsHeld(event.id) >= event.capacity && !event.walkInsOverCapacity) return refuse(FULL, { code: "full", status: 409 });
  const now = clock.now();
  const confirmed = { status: "confirmed" as const, waitlistedAt: null, offerExpiresAt: null, confirmedAt: now, cancelledAt: null, updatedAt: now };
  const registration = existing
    ? tx.update(registrations).set(confirmed).where(eq(registrations.id, existing.id)).returning().get()
    : tx
        .insert(registrations)
        .values({ id: randomId(16), eventId: event.id, userId: input.userId, checkInToken: randomId(20), shortCode: newShortCode(event.id), createdAt: now, walkInKey: input.key, walkInBy: input.by, ...confirmed })
        .returning()
        .get();
  saveAnswers(tx, registration.id, input.answers);
  return registration;
}

/**
 * Adds a walk-in and checks them in at `at`, in the caller's (immediate) transaction. Someone with
 * an account (by the email, or the number) gets their registration; anyone else an account with no
 * password, which the welcome message tells them how to claim.
 */
/** A walk-in as the form or a phone sends it; without `at`, they came in now. */
type WalkInInput = { eventId: string; by: string; walkIn: Omit<DeviceWalkIn, "at" | "answers"> & { at?: number; answers: Record<string, string | undefined> } };

export function addWalkIn(tx: Tx, input: WalkInInput): WalkInResult {
  const event = eventIn(input.eventId);
  if (!event || event.status !== "published") return refuse("This event is not open, so nobody can be added to it.", { code: "not-published", status: 409 });
  const seen = byKey(tx, event.id, input.walkIn.key);
  if (seen) return { ...checkIn(tx, { eventId: event.id, by: input.by, registrationId: seen.id, at: input.walkIn.at }), walkIn: { created: false } };
  const parsed = walkInSchema(walkInQuestions(event.id)).safeParse(input.walkIn);
  if (!parsed.success) return firstProblem(parsed.error);
  const { name, email, phone, answers } = parsed.data;
  const number = phone ? parseMobileNumber(phone) : null;
  if (phone && !number) return refuse("Enter a mobile number like 0803 123 4567", { field: "phone", code: "invalid", status: 400 });
  const account = accountForWalkIn(tx, { name, email: email ?? null, phone: number, now: clock.now() });
  const registration = seatFor(tx, { eventId: event.id, userId: account.userId, key: input.walkIn.key, by: input.by, answers });
  if ("ok" in registration) return registration;
  const checkedIn = checkIn(tx, { eventId: event.id, by: input.by, registrationId: registration.id, at: input.walkIn.at });
  if (checkedIn.ok && checkedIn.status === "checked-in") {
    enqueueMessage(
      tx,
      account.sendTo.address,
      "walk-in-welcome",
      { name, eventTitle: event.title, newAccount: account.created, url: account.created ? account.claimUrl : absoluteUrl(ticketPath(registration.id)) },
      account.sendTo.sms ? { onlyChannel: "sms" } : {},
    );
  }
  return { ...checkedIn, walkIn: { created: account.created } };
}

/** The door page's walk-in form, without a phone's queue: added and checked in now. */
export function addWalkInAtDoor(input: WalkInInput): WalkInResult {
  return db.transaction((tx) => addWalkIn(tx, input), { behavior: "immediate" });
}
