import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { auditLog, events, outbox, registrations } from "~db/schema";
import type { EventRow } from "~/modules/events/publishing/events.server";
import { renderEmail } from "~emails/registry";
import { clock } from "~/utils/clock.server";
import { createForm, editForm } from "../support/event-forms";
import { createUser, type TestUser } from "../support/factories";
import { registerForEvent, cancelEvent, publishEvent, createEvent, getEventById, updateEvent } from "~/modules/events/index.server";
import { updateOrganisation } from "~/modules/organisation/index.server";

const T0 = Date.UTC(2026, 10, 25, 9, 0);
const organisation = { name: "Bounce Forward Lagos", contactEmail: "hello@bounceforward.example.org" };

let organiser: TestUser;

beforeAll(async () => {
  updateOrganisation({ timeZone: "Africa/Lagos" });
  organiser = await createUser({ name: "Adaeze Organiser", roles: ["organiser"] });
});
beforeEach(() => clock.set(T0));
afterAll(() => clock.set(null));

const emails = (template: string, eventTitle?: string) =>
  db
    .select()
    .from(outbox)
    .where(eq(outbox.template, template))
    .all()
    .filter((m) => !eventTitle || (m.props as { eventTitle?: string }).eventTitle === eventTitle);

/** A published workshop (capacity 2) with two confirmed people and one waiting. */
async function publishedWithPeople(title: string, overrides: Record<string, string> = {}) {
  const result = createEvent({ actorId: organiser.id, form: createForm({ title, capacity: "2", ...overrides }) });
  if (!result.ok) throw new Error("not created");
  publishEvent({ actorId: organiser.id, eventId: result.eventId });
  const people: TestUser[] = [];
  for (const name of ["Chiamaka Eze", "Tunde Bakare", "Ngozi Obi"]) {
    const person = await createUser({ name });
    expect(registerForEvent(person.id, result.eventId, {}).ok).toBe(true);
    people.push(person);
  }
  return { event: getEventById(result.eventId)!, people };
}

function save(event: EventRow, overrides: Record<string, string>) {
  return updateEvent({ actorId: organiser.id, eventId: event.id, form: editForm({ title: event.title, slug: event.slug, capacity: String(event.capacity), ...overrides }) });
}

describe("changing the time or place of a published event", () => {
  it("emails everyone registered once, with the old and new time, and says so", async () => {
    const { event, people } = await publishedWithPeople("Time change workshop");
    const result = save(event, { startsAt: "2026-12-04T14:00", endsAt: "2026-12-04T17:00" });
    expect(result).toMatchObject({ ok: true, notified: 3 });
    const sent = emails("event-changed", "Time change workshop");
    expect(sent.map((m) => m.recipient).sort()).toEqual(people.map((p) => p.email).sort());
    const props = sent.find((m) => m.recipient === people[0].email)!.props as { changes: { label: string; before: string; after: string }[]; waiting: boolean };
    expect(props.changes).toEqual([
      { label: "When", before: "Thursday, 3 December 2026 at 10:00 am to 1:00 pm", after: "Friday, 4 December 2026 at 2:00 pm to 5:00 pm" },
    ]);
    expect(props.waiting).toBe(false);
    expect((sent.find((m) => m.recipient === people[2].email)!.props as { waiting: boolean }).waiting).toBe(true);

    const rendered = await renderEmail("event-changed", sent[0].props as never, organisation);
    expect(rendered.subject).toBe("New time: Time change workshop");
    expect(rendered.text).toContain("Friday, 4 December 2026 at 2:00 pm to 5:00 pm");
    expect(rendered.text).toContain("Before: Thursday, 3 December 2026 at 10:00 am to 1:00 pm");

    // Saving again without a change, or changing only the wording, writes nothing more.
    const updated = getEventById(event.id)!;
    expect(save(updated, { startsAt: "2026-12-04T14:00", endsAt: "2026-12-04T17:00" })).toMatchObject({ ok: true, notified: 0 });
    expect(save(updated, { startsAt: "2026-12-04T14:00", endsAt: "2026-12-04T17:00", summary: "New words" })).toMatchObject({ notified: 0 });
    expect(emails("event-changed", "Time change workshop")).toHaveLength(3);
  });

  it("says what changed about the place; only people with a seat see a new joining link", async () => {
    const { event, people } = await publishedWithPeople("Place change seminar");
    save(event, { venueName: "Lekki Learning Loft", venueAddress: "3 Admiralty Road, Lekki" });
    const moved = emails("event-changed", "Place change seminar")[0].props as { changes: unknown[] };
    expect(moved.changes).toEqual([
      { label: "Where", before: "Harmony Hub, Yaba, 14 Herbert Macaulay Way, Yaba, Lagos", after: "Lekki Learning Loft, 3 Admiralty Road, Lekki" },
    ]);
    db.delete(outbox).run();
    const online = { format: "online", venueName: "", venueAddress: "", mapUrl: "", joinUrl: "https://meet.example.org/room-2" };
    save(getEventById(event.id)!, online);
    const byPerson = new Map(emails("event-changed", "Place change seminar").map((m) => [m.recipient, m.props as { changes: { label: string; after: string }[] }]));
    expect(byPerson.size).toBe(3);
    expect(byPerson.get(people[0].email)!.changes.find((c) => c.label === "Joining link")!.after).toBe("https://meet.example.org/room-2");
    const waiting = JSON.stringify(byPerson.get(people[2].email));
    expect(waiting).not.toContain("room-2");
  });

  it("writes nothing for a draft, and nothing at all when the save is refused", async () => {
    const draft = createEvent({ actorId: organiser.id, form: createForm({ title: "Draft only" }) });
    const row = getEventById((draft as { eventId: string }).eventId)!;
    expect(save(row, { startsAt: "2026-12-05T10:00", endsAt: "2026-12-05T12:00" })).toMatchObject({ ok: true, notified: 0 });

    const { event } = await publishedWithPeople("Refused change");
    const refused = save(event, { startsAt: "2026-12-05T10:00", endsAt: "2026-12-05T12:00", capacity: "1" });
    expect(refused).toMatchObject({ ok: false, status: 400 });
    expect(getEventById(event.id)!.startsAt).toBe(event.startsAt);
    expect(emails("event-changed", "Refused change")).toHaveLength(0);
  });
});

describe("cancelling an event", () => {
  it("closes it, ends every registration and emails each person once, in one step", async () => {
    const { event, people } = await publishedWithPeople("Cancelled workshop");
    const result = cancelEvent({ actorId: organiser.id, eventId: event.id, message: "The hall flooded. Sorry!" });
    expect(result).toEqual({ ok: true, count: 3 });
    expect(getEventById(event.id)).toMatchObject({ status: "cancelled", cancelledAt: T0 });
    const statuses = db.select().from(registrations).where(eq(registrations.eventId, event.id)).all().map((r) => r.status);
    expect(statuses).toEqual(["cancelled", "cancelled", "cancelled"]);
    const sent = emails("event-cancelled", "Cancelled workshop");
    expect(sent.map((m) => m.recipient).sort()).toEqual(people.map((p) => p.email).sort());
    const rendered = await renderEmail("event-cancelled", sent[0].props as never, organisation);
    expect(rendered.subject).toBe("Cancelled: Cancelled workshop");
    expect(rendered.text).toContain("The hall flooded. Sorry!");
    expect(rendered.text).toContain("Thursday, 3 December 2026 at 10:00 am to 1:00 pm");
    const audit = db.select().from(auditLog).where(eq(auditLog.targetId, event.id)).all();
    expect(audit.map((a) => a.action)).toEqual(["event.created", "event.published", "event.cancelled"]);
    expect(audit[2]).toMatchObject({ actorId: organiser.id, details: { title: "Cancelled workshop", notified: 3, message: "The hall flooded. Sorry!" } });

    // Twice is refused and sends nothing; the event takes no registrations or edits any more.
    expect(cancelEvent({ actorId: organiser.id, eventId: event.id })).toMatchObject({ ok: false, status: 400 });
    expect(emails("event-cancelled", "Cancelled workshop")).toHaveLength(3);
    const late = await createUser({ name: "Late Comer" });
    expect(registerForEvent(late.id, event.id, {})).toMatchObject({ ok: false, code: "cancelled" });
    expect(save(getEventById(event.id)!, {})).toEqual({ ok: false, code: "closed", status: 400, message: "This event is cancelled, so it can no longer be changed." });
    expect(publishEvent({ actorId: organiser.id, eventId: event.id })).toMatchObject({ ok: false, status: 400 });
  });

  it("refuses once the event is over", async () => {
    const { event } = await publishedWithPeople("Over already");
    clock.set(event.endsAt + 1);
    expect(cancelEvent({ actorId: organiser.id, eventId: event.id })).toMatchObject({ ok: false, status: 400 });
    expect(db.select().from(events).where(eq(events.id, event.id)).get()!.status).toBe("published");
  });
});
