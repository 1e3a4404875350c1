import { and, eq } from "drizzle-orm";
import { db } from "~db/client.server";
import { eventQuestions, events, outbox, registrations, type QuestionKind } from "~db/schema";
import { clock, DAY, HOUR } from "~/utils/clock.server";
import { randomId } from "~/utils/ids.server";
import { runWorkerOnce } from "~/modules/outbox/worker.server";

type EventRow = typeof events.$inferSelect;

let sequence = 0;

/** A published workshop a week from now (by the app clock), straight in the database. */
export function createTestEvent(overrides: Partial<typeof events.$inferInsert> = {}): EventRow {
  sequence += 1;
  const now = clock.now();
  const startsAt = overrides.startsAt ?? now + 7 * DAY;
  return db
    .insert(events)
    .values({
      id: randomId(16),
      slug: `test-event-${process.pid}-${sequence}-${randomId(4)}`,
      kind: "workshop",
      title: `Bouncing back workshop ${sequence}`,
      summary: "Two hours on turning a rejection into a plan.",
      description: "We meet at **Yaba**.",
      startsAt,
      endsAt: startsAt + 3 * HOUR,
      venueName: "Yaba Tech Hub",
      venueAddress: "12 Herbert Macaulay Way, Lagos",
      mapUrl: "https://maps.example.org/yaba",
      capacity: 10,
      waitlistEnabled: true,
      status: "published",
      createdAt: now,
      updatedAt: now,
      publishedAt: now,
      ...overrides,
    })
    .returning()
    .get();
}

export function addQuestion(eventId: string, input: { label: string; kind: QuestionKind; options?: string[]; required?: boolean }) {
  const position = db.select().from(eventQuestions).where(eq(eventQuestions.eventId, eventId)).all().length;
  return db
    .insert(eventQuestions)
    .values({ id: randomId(16), eventId, position, label: input.label, kind: input.kind, options: input.options ?? [], required: input.required ?? false })
    .returning()
    .get();
}

export function registrationOf(eventId: string, userId: string) {
  return db
    .select()
    .from(registrations)
    .where(and(eq(registrations.eventId, eventId), eq(registrations.userId, userId)))
    .get();
}

export function registrationsOf(eventId: string) {
  return db.select().from(registrations).where(eq(registrations.eventId, eventId)).all();
}

/** Queued or sent messages of one template (optionally to one address). */
export function emailsOf(template: string, to?: string) {
  return db
    .select()
    .from(outbox)
    .where(to ? and(eq(outbox.template, template), eq(outbox.recipient, to)) : eq(outbox.template, template))
    .all();
}

/** Runs the worker until no due job is left (a job may schedule the next one). */
export async function runAllDue() {
  while ((await runWorkerOnce()).jobs > 0);
}
