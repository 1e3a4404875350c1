import type { TestAccount } from "./fixtures";

// Events made straight through the domain functions (as the organisers' console would), for
// tests whose subject is something else: check-in, permissions.

const DAY = 24 * 60 * 60 * 1000;

/** A local date and time `days` from now in the organisation's zone, as a datetime-local value. */
export async function localInput(days: number, time: string): Promise<string> {
  const { instantToLocalInput } = await import("~/utils/dates");
  const { getOrganisation } = await import("~/modules/organisation/settings.server");
  return `${instantToLocalInput(Date.now() + days * DAY, getOrganisation().timeZone).slice(0, 10)}T${time}`;
}

/** A draft workshop two weeks from now. */
export async function createDraftEvent(organiser: Pick<TestAccount, "id">, options: { title: string; capacity?: number }) {
  const { createForm } = await import("../support/event-forms");
  const { createEvent, getEventById } = await import("~/modules/events/publishing/events.server");
  const form = createForm({
    title: options.title,
    capacity: String(options.capacity ?? 20),
    startsAt: await localInput(14, "10:00"),
    endsAt: await localInput(14, "13:00"),
  });
  const created = createEvent({ actorId: organiser.id, form });
  if (!created.ok) throw new Error(`test event not created: ${JSON.stringify(created)}`);
  return getEventById(created.eventId)!;
}

/** A published workshop two weeks from now. */
export async function createPublishedEvent(organiser: Pick<TestAccount, "id">, options: { title: string; capacity?: number }) {
  const { getEventById } = await import("~/modules/events/publishing/events.server");
  const { publishEvent } = await import("~/modules/events/publishing/status.server");
  const draft = await createDraftEvent(organiser, options);
  const published = publishEvent({ actorId: organiser.id, eventId: draft.id });
  if (!published.ok) throw new Error(`test event not published: ${JSON.stringify(published)}`);
  return getEventById(draft.id)!;
}

/** Registers the person; returns their registration (with its QR token and ticket code). */
export async function registerFor(eventId: string, person: Pick<TestAccount, "id">) {
  const { registerForEvent } = await import("~/modules/events/booking/booking.server");
  const { db } = await import("~db/client.server");
  const { registrations } = await import("~db/schema");
  const { and, eq } = await import("drizzle-orm");
  const outcome = registerForEvent(person.id, eventId, {});
  if (!outcome.ok) throw new Error(`registration refused: ${outcome.message}`);
  return db
    .select()
    .from(registrations)
    .where(and(eq(registrations.eventId, eventId), eq(registrations.userId, person.id)))
    .get()!;
}

/** What the permissions table needs to reach the events pages that take an id or a ticket. */
export async function eventPolicyFixtures(organiser: Pick<TestAccount, "id">, attendee: Pick<TestAccount, "id">) {
  const event = await createPublishedEvent(organiser, { title: "Permissions workshop" });
  const registration = await registerFor(event.id, attendee);
  return { eventId: event.id, eventSlug: event.slug, checkInToken: registration.checkInToken, registrationId: registration.id };
}
