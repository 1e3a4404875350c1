import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { EventRow } from "~/modules/events/publishing/events.server";
import { loader as eventFileLoader } from "~/routes/events.$slug[.ics]";
import { clock } from "~/utils/clock.server";
import { renderEmail } from "~emails/registry";
import { createForm, editForm } from "../support/event-forms";
import { emailsOf } from "../support/event-factories";
import { createUser, getRequest, loadContext, routeArgs, signIn, type TestUser } from "../support/factories";
import { parseSingleEvent } from "../support/ical";
import { cancelEvent, createEvent, getEventById, publishEvent, registerForEvent, seriesSessions, unpublishEvent, updateEvent } from "~/modules/events/index.server";
import { updateOrganisation } from "~/modules/organisation/index.server";

const T0 = Date.UTC(2026, 10, 25, 9, 0);

let organiser: TestUser;
let organiserCookie: string;

beforeAll(async () => {
  updateOrganisation({ name: "Bounce Forward Lagos", timeZone: "Africa/Lagos" });
  organiser = await createUser({ name: "Adaeze Organiser", roles: ["organiser"] });
  organiserCookie = signIn(organiser.id).cookieHeader;
});
beforeEach(() => clock.set(T0));
afterAll(() => clock.set(null));

/** The event's calendar file as the site serves it ("Add to my calendar"; drafts to organisers), parsed. */
async function served(eventId: string) {
  const { slug } = getEventById(eventId)!;
  const request = getRequest(`/events/${slug}.ics`, { cookie: organiserCookie });
  const response = (await eventFileLoader(routeArgs({ request, params: { slug }, context: loadContext() }))) as Response;
  expect(response.status).toBe(200);
  return parseSingleEvent(await response.text()).event;
}

function draft(title: string, overrides: Record<string, string> = {}): string {
  const result = createEvent({ actorId: organiser.id, form: createForm({ title, capacity: "2", ...overrides }) });
  if (!result.ok) throw new Error(result.message);
  return (result as { eventId: string }).eventId;
}

function save(event: EventRow, overrides: Record<string, string>, applyToSeries = false) {
  const form = editForm({ title: event.title, slug: event.slug, capacity: String(event.capacity), ...overrides });
  const result = updateEvent({ actorId: organiser.id, eventId: event.id, form: { ...form, applyToSeries } });
  expect(result.ok).toBe(true);
}

/** A published workshop (capacity 2) with two people holding a seat and one waiting. */
async function publishedWithPeople(title: string) {
  const eventId = draft(title);
  publishEvent({ actorId: organiser.id, eventId });
  const people: TestUser[] = [];
  for (const name of ["Chiamaka Eze", "Tunde Bakare", "Ngozi Obi"]) {
    const person = await createUser({ name });
    expect(registerForEvent(person.id, eventId, {}).ok).toBe(true);
    people.push(person);
  }
  return { eventId, seated: people.slice(0, 2), waiting: people[2] };
}

/** The calendar a message of this template to this person carries, parsed (or undefined when it has none). */
function calendarIn(template: string, email: string) {
  const messages = emailsOf(template, email);
  expect(messages).toHaveLength(1);
  const ics = (messages[0].props as { ics?: string }).ics;
  return ics === undefined ? undefined : parseSingleEvent(ics);
}

describe("an event's SEQUENCE", () => {
  it("rises with every change of time or place, and not with a change of wording", async () => {
    const eventId = draft("Sequence workshop");
    expect((await served(eventId)).sequence).toBe(0);
    publishEvent({ actorId: organiser.id, eventId });
    expect((await served(eventId)).sequence).toBe(1);
    save(getEventById(eventId)!, { startsAt: "2026-12-04T14:00", endsAt: "2026-12-04T17:00" });
    const moved = await served(eventId);
    expect(moved).toMatchObject({ sequence: 2, start: Date.UTC(2026, 11, 4, 13), end: Date.UTC(2026, 11, 4, 16) });
    save(getEventById(eventId)!, { startsAt: "2026-12-04T14:00", endsAt: "2026-12-04T17:00", venueName: "Lekki Learning Loft" });
    expect((await served(eventId)).sequence).toBe(3);
    save(getEventById(eventId)!, { startsAt: "2026-12-04T14:00", endsAt: "2026-12-04T17:00", venueName: "Lekki Learning Loft", summary: "New words only" });
    expect((await served(eventId)).sequence).toBe(3);
  });

  it("rises when the event is published, taken back to draft or cancelled", async () => {
    const eventId = draft("Status workshop");
    const sequences = [(await served(eventId)).sequence];
    publishEvent({ actorId: organiser.id, eventId });
    sequences.push((await served(eventId)).sequence);
    unpublishEvent({ actorId: organiser.id, eventId });
    sequences.push((await served(eventId)).sequence);
    publishEvent({ actorId: organiser.id, eventId });
    sequences.push((await served(eventId)).sequence);
    cancelEvent({ actorId: organiser.id, eventId });
    const cancelled = await served(eventId);
    sequences.push(cancelled.sequence);
    expect(sequences).toEqual([0, 1, 2, 3, 4]);
    expect(cancelled.status).toBe("CANCELLED");
  });

  it("rises on each session of a series a new place is applied to, and only on the session whose time moved", async () => {
    const firstId = draft("Series circle", { repeat: "weekly", occurrences: "3" });
    publishEvent({ actorId: organiser.id, eventId: firstId, wholeSeries: true });
    const ids = () => seriesSessions(getEventById(firstId)!.seriesId!).map((s) => s.id);
    const sequences = async () => Promise.all(ids().map(async (id) => (await served(id)).sequence));
    expect(await sequences()).toEqual([1, 1, 1]);
    save(getEventById(firstId)!, { venueName: "Lekki Learning Loft" }, true);
    expect(await sequences()).toEqual([2, 2, 2]);
    save(getEventById(firstId)!, { venueName: "Lekki Learning Loft", startsAt: "2026-12-03T11:00", endsAt: "2026-12-03T14:00" });
    expect(await sequences()).toEqual([3, 2, 2]);
  });
});

describe("the emails about a change carry the updated calendar", () => {
  it("confirms with a REQUEST, and a new time sends a REQUEST with the same UID and a higher SEQUENCE to people with a seat", async () => {
    const { eventId, seated, waiting } = await publishedWithPeople("Moving workshop");
    const confirmed = calendarIn("registration-confirmed", seated[0].email)!;
    expect(confirmed.method).toBe("REQUEST");
    expect(confirmed.event.organizer).toEqual({ email: "no-reply@localhost", name: "Bounce Forward Lagos" });
    expect(confirmed.event.attendees).toEqual([{ email: seated[0].email, name: "Chiamaka Eze", partstat: "ACCEPTED", rsvp: "FALSE", role: "REQ-PARTICIPANT" }]);

    save(getEventById(eventId)!, { startsAt: "2026-12-04T14:00", endsAt: "2026-12-04T17:00" });
    for (const person of seated) {
      const changed = calendarIn("event-changed", person.email)!;
      const original = calendarIn("registration-confirmed", person.email)!;
      expect(changed.method).toBe("REQUEST");
      expect(changed.event.uid).toBe(original.event.uid);
      expect(changed.event.sequence).toBeGreaterThan(original.event.sequence!);
      expect(changed.event.start).toBe(Date.UTC(2026, 11, 4, 13));
      expect(changed.event.organizer).toEqual(original.event.organizer);
      expect(changed.event.attendees.map((a) => a.email)).toEqual([person.email]);
    }
    // Someone waiting never had the event in their calendar, so gets the news without a file.
    expect(calendarIn("event-changed", waiting.email)).toBeUndefined();
    const rendered = await renderEmail("event-changed", emailsOf("event-changed", seated[0].email)[0].props as never, { name: "Bounce Forward Lagos", contactEmail: "" });
    expect(rendered.calendar).toMatchObject({ method: "REQUEST", filename: "event.ics" });
    expect(parseSingleEvent(rendered.calendar!.content).event.sequence).toBe(getEventById(eventId)!.sequence);
  });

  it("cancels with a CANCEL that matches the invitation: same UID, ORGANIZER and ATTENDEE, STATUS:CANCELLED, a higher SEQUENCE", async () => {
    const { eventId, seated, waiting } = await publishedWithPeople("Called-off workshop");
    save(getEventById(eventId)!, { venueName: "Lekki Learning Loft" });
    cancelEvent({ actorId: organiser.id, eventId, message: "The hall flooded." });
    for (const person of seated) {
      const invitation = calendarIn("event-changed", person.email)!;
      const cancellation = calendarIn("event-cancelled", person.email)!;
      expect(cancellation.method).toBe("CANCEL");
      expect(cancellation.event.status).toBe("CANCELLED");
      expect(cancellation.event.uid).toBe(invitation.event.uid);
      expect(cancellation.event.organizer).toEqual(invitation.event.organizer);
      expect(cancellation.event.attendees).toEqual(invitation.event.attendees);
      expect(cancellation.event.sequence).toBe(invitation.event.sequence! + 1);
    }
    expect(calendarIn("event-cancelled", waiting.email)).toBeUndefined();
    const rendered = await renderEmail("event-cancelled", emailsOf("event-cancelled", seated[1].email)[0].props as never, { name: "Bounce Forward Lagos", contactEmail: "" });
    expect(rendered.calendar).toMatchObject({ method: "CANCEL", filename: "event.ics" });
    expect(rendered.text).toContain("remove the event from your calendar");
  });
});
