import { and, asc, eq, sql } from "drizzle-orm";
import { db } from "~db/client.server";
import { eventQuestions, registrationAnswers, registrations, users } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { sha256Hex } from "~/utils/ids.server";
import { answerLabel } from "../booking/schemas";
import { eventIn, seatsHeld } from "../booking/seats.server";
import type { DeviceQuestion, DevicePerson, DoorListForDevice } from "../door-device";

// The door list a volunteer's phone keeps for working offline (ADR 0036): only what the door needs.

export function ticketTokenHash(token: string): string {
  return sha256Hex(token);
}

function doorAnswersOf(eventId: string): Map<string, { label: string; answer: string }[]> {
  const rows = db
    .select({ registrationId: registrationAnswers.registrationId, label: eventQuestions.label, kind: eventQuestions.kind, value: registrationAnswers.value })
    .from(registrationAnswers)
    .innerJoin(eventQuestions, eq(eventQuestions.id, registrationAnswers.questionId))
    .where(and(eq(eventQuestions.eventId, eventId), eq(eventQuestions.atDoor, true)))
    .orderBy(asc(eventQuestions.position))
    .all();
  const byRegistration = new Map<string, { label: string; answer: string }[]>();
  for (const row of rows) {
    const list = byRegistration.get(row.registrationId) ?? [];
    list.push({ label: row.label, answer: answerLabel(row.kind, row.value) });
    byRegistration.set(row.registrationId, list);
  }
  return byRegistration;
}

/** The questions a walk-in answers at the door: the event's required ones. */
export function walkInQuestions(eventId: string): DeviceQuestion[] {
  return db
    .select({ id: eventQuestions.id, label: eventQuestions.label, kind: eventQuestions.kind, options: eventQuestions.options, required: eventQuestions.required })
    .from(eventQuestions)
    .where(and(eq(eventQuestions.eventId, eventId), eq(eventQuestions.required, true)))
    .orderBy(asc(eventQuestions.position))
    .all();
}

/** Everyone registered (cancelled people too, so a scan of their ticket says so), with who checked them in. */
export function doorListForDevice(eventId: string): DoorListForDevice | null {
  const event = eventIn(eventId);
  if (!event) return null;
  const checker = sql<string | null>`(select ${users.name} from ${users} where ${users.id} = ${registrations.checkedInBy})`;
  const rows = db
    .select({
      registrationId: registrations.id,
      name: users.name,
      shortCode: registrations.shortCode,
      token: registrations.checkInToken,
      status: registrations.status,
      checkedInAt: registrations.checkedInAt,
      checkedInBy: checker,
    })
    .from(registrations)
    .innerJoin(users, eq(users.id, registrations.userId))
    .where(eq(registrations.eventId, eventId))
    .orderBy(asc(sql`${users.name} collate nocase`), asc(registrations.id))
    .all();
  const answers = doorAnswersOf(eventId);
  const people: DevicePerson[] = rows.map(({ token, ...row }) => ({ ...row, tokenHash: ticketTokenHash(token), doorAnswers: answers.get(row.registrationId) ?? [] }));
  return {
    event: {
      id: event.id,
      title: event.title,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      capacity: event.capacity,
      seatsHeld: seatsHeld(event.id),
      walkInsOverCapacity: event.walkInsOverCapacity,
      questions: walkInQuestions(event.id),
    },
    people,
    generatedAt: clock.now(),
  };
}

/** For the no-script desk: whether a walk-in may still get a seat. */
export function walkInSeatsLeft(eventId: string): number {
  const event = eventIn(eventId);
  if (!event) return 0;
  return Math.max(0, event.capacity - seatsHeld(event.id));
}

