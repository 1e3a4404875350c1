import { and, eq, sql } from "drizzle-orm";
import { db, type Tx } from "~db/client.server";
import { registrations, users, type RegistrationStatus } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { requestFeedback } from "../follow-up/feedback.server";
import { FEEDBACK_DELAY } from "../follow-up/reminders.server";
import { eventIn, type RegistrationRow } from "../booking/seats.server";
import { refuse, type Refusal } from "~/utils/refusal";
import { normaliseShortCode } from "./ticket-scan";

export type CheckInInput = {
  eventId: string;
  /** The organiser checking the person in. */
  by: string;
  token?: string;
  shortCode?: string;
  registrationId?: string;
  /** When the person came in, as a door phone saw it (a check-in made offline and synced later); now when absent. */
  at?: number;
};

export type CheckedInPerson = { registrationId: string; userId: string; name: string; email: string; shortCode: string };

export type CheckInResult =
  | { ok: true; status: "checked-in"; person: CheckedInPerson; checkedInAt: number }
  /** Checked in before: `checkedInAt` says when, `byName` by whom (null when that account is gone). */
  | { ok: true; status: "already"; person: CheckedInPerson; checkedInAt: number; byName: string | null }
  /** Code "not-found", or "not-confirmed" with the person and where their registration stands. */
  | (Refusal & { person?: CheckedInPerson; registrationStatus?: RegistrationStatus });


function findForCheckIn(tx: Tx, input: CheckInInput): RegistrationRow | undefined {
  const base = eq(registrations.eventId, input.eventId);
  if (input.token) return tx.select().from(registrations).where(and(base, eq(registrations.checkInToken, input.token))).get();
  if (input.shortCode) {
    const code = normaliseShortCode(input.shortCode);
    return code ? tx.select().from(registrations).where(and(base, eq(registrations.shortCode, code))).get() : undefined;
  }
  if (input.registrationId) return tx.select().from(registrations).where(and(base, eq(registrations.id, input.registrationId))).get();
  return undefined;
}

const NOT_CONFIRMED: Record<RegistrationStatus, string> = {
  confirmed: "",
  offered: "has been offered a seat but has not accepted it yet",
  waitlisted: "is on the waitlist and has no seat",
  cancelled: "cancelled their registration",
};

function nameOf(tx: Tx, userId: string | null): string | null {
  if (!userId) return null;
  return tx.select({ name: users.name }).from(users).where(eq(users.id, userId)).get()?.name ?? null;
}

/**
 * Two phones checked the same person in (one offline, say): the earliest time stands, with whoever
 * recorded it, however late that phone syncs.
 */
function alreadyIn(tx: Tx, registration: RegistrationRow, input: CheckInInput, person: CheckedInPerson): CheckInResult {
  const earlier = input.at !== undefined && input.at < registration.checkedInAt!;
  if (earlier) {
    tx.update(registrations).set({ checkedInAt: input.at, checkedInBy: input.by, updatedAt: clock.now() }).where(eq(registrations.id, registration.id)).run();
  }
  const checkedInAt = earlier ? input.at! : registration.checkedInAt!;
  return { ok: true, status: "already", person, checkedInAt, byName: nameOf(tx, earlier ? input.by : registration.checkedInBy) };
}

function checkInWith(tx: Tx, input: CheckInInput): CheckInResult {
  const registration = findForCheckIn(tx, input);
  if (!registration) return refuse("No ticket for this event matches.", { code: "not-found", status: 404 });
  const user = tx.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, registration.userId)).get()!;
  const person: CheckedInPerson = {
    registrationId: registration.id,
    userId: registration.userId,
    name: user.name,
    email: user.email,
    shortCode: registration.shortCode,
  };
  if (registration.checkedInAt !== null) return alreadyIn(tx, registration, input, person);
  if (registration.status !== "confirmed") {
    const message = `${user.name} ${NOT_CONFIRMED[registration.status]}.`;
    return { ...refuse(message, { code: "not-confirmed", status: 409 }), person, registrationStatus: registration.status };
  }
  const now = Math.min(input.at ?? clock.now(), clock.now());
  tx.update(registrations)
    .set({ checkedInAt: now, checkedInBy: input.by, updatedAt: clock.now() })
    .where(eq(registrations.id, registration.id))
    .run();
  const event = eventIn(input.eventId)!;
  // Checked in after the follow-up went out: this person still gets their feedback request.
  if (now >= event.endsAt + FEEDBACK_DELAY) requestFeedback(tx, { ...registration, checkedInAt: now }, event);
  return { ok: true, status: "checked-in", person, checkedInAt: now };
}

/**
 * Marks a confirmed attendee present, found by the QR code's token, the ticket's short code or
 * the registration id, always within `eventId`. Checking in twice changes nothing and says when
 * it first happened. Pass a transaction to make it part of a larger change.
 */
export function checkIn(input: CheckInInput): CheckInResult;
export function checkIn(tx: Tx | undefined, input: CheckInInput): CheckInResult;
export function checkIn(first: Tx | CheckInInput | undefined, second?: CheckInInput): CheckInResult {
  if (second) return first ? checkInWith(first as Tx, second) : db.transaction((tx) => checkInWith(tx, second), { behavior: "immediate" });
  return db.transaction((tx) => checkInWith(tx, first as CheckInInput), { behavior: "immediate" });
}

/** Checked-in people against confirmed seats. */
export function attendanceCounts(eventId: string): { present: number; expected: number } {
  const row = db
    .select({
      present: sql<number>`sum(case when ${registrations.checkedInAt} is not null then 1 else 0 end)`,
      expected: sql<number>`sum(case when ${registrations.status} = 'confirmed' then 1 else 0 end)`,
    })
    .from(registrations)
    .where(eq(registrations.eventId, eventId))
    .get();
  return { present: row?.present ?? 0, expected: row?.expected ?? 0 };
}
