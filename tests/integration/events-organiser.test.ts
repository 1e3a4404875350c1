import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { auditLog, events, outbox, registrations } from "~db/schema";
import { getEventBySlug } from "~/modules/events/publishing/events.server";
import { clock, DAY, HOUR } from "~/utils/clock.server";
import { createForm, editForm, eventFormFields, parseCreateForm } from "../support/event-forms";
import { createUser, type TestUser } from "../support/factories";
import { registerForEvent, publishEvent, unpublishEvent, createEvent, eventQuestionsOf, getEventById, updateEvent } from "~/modules/events/index.server";
import { updateOrganisation } from "~/modules/organisation/index.server";

// 25 November 2026, 10:00 in Lagos (UTC+1): a week before the test events.
const T0 = Date.UTC(2026, 10, 25, 9, 0);
// 3 December 2026, 10:00 in Lagos.
const DEC_3_10AM = Date.UTC(2026, 11, 3, 9, 0);

let organiser: TestUser;

beforeAll(async () => {
  updateOrganisation({ timeZone: "Africa/Lagos" });
  organiser = await createUser({ name: "Adaeze Organiser", roles: ["organiser"] });
});
beforeEach(() => clock.set(T0));
afterAll(() => clock.set(null));

function create(overrides: Record<string, string> = {}) {
  const result = createEvent({ actorId: organiser.id, form: createForm(overrides) });
  if (!result.ok) throw new Error(`not created: ${JSON.stringify(result)}`);
  return getEventById(result.eventId)!;
}

function seriesOf(seriesId: string) {
  return db.select().from(events).where(eq(events.seriesId, seriesId)).orderBy(asc(events.startsAt)).all();
}

describe("the event form's checks", () => {
  const errorsFor = (overrides: Record<string, string>) => parseCreateForm(eventFormFields(overrides)).errors;

  it("accepts a complete form", () => {
    expect(errorsFor({})).toEqual({});
  });

  it("wants the end after the start and registration to close after it opens", () => {
    expect(errorsFor({ endsAt: "2026-12-03T09:00" }).endsAt).toEqual(["The end must be after the start"]);
    expect(errorsFor({ endsAt: "2026-12-03T10:00" }).endsAt).toEqual(["The end must be after the start"]);
    const window = errorsFor({ registrationOpensAt: "2026-11-28T09:00", registrationClosesAt: "2026-11-27T09:00" });
    expect(window.registrationClosesAt).toEqual(["Registration must close after it opens"]);
    expect(errorsFor({ registrationOpensAt: "2026-12-04T09:00" }).registrationOpensAt).toEqual(["Registration must open before the event starts"]);
  });

  it("wants at least one seat, as a whole number", () => {
    expect(errorsFor({ capacity: "0" }).capacity).toEqual(["There must be at least 1 seat"]);
    expect(errorsFor({ capacity: "2.5" }).capacity).toEqual(["Enter a whole number of seats"]);
    expect(errorsFor({ capacity: "" }).capacity).toEqual(["Enter how many seats there are, as a number"]);
  });

  it("takes how long an offered seat is held, 1 hour to 7 days", () => {
    expect(errorsFor({ offerHours: "0" }).offerHours).toEqual(["Give people at least 1 hour to accept an offered seat"]);
    expect(errorsFor({ offerHours: "169" }).offerHours).toEqual(["Give people at most 168 hours (7 days) to accept an offered seat"]);
    expect(create({ offerHours: "6" }).offerHours).toBe(6);
  });

  it("takes only https links for the map and the joining link", () => {
    const message = "Enter a full address starting with https://";
    expect(errorsFor({ mapUrl: "http://maps.example.org/x" }).mapUrl?.[0]).toBe(message);
    expect(errorsFor({ mapUrl: "javascript:alert(1)" }).mapUrl?.[0]).toBe(message);
    const online = { format: "online", venueName: "", venueAddress: "" };
    expect(errorsFor({ ...online, joinUrl: "ftp://meet.example.org/x" }).joinUrl?.[0]).toBe(message);
  });

  it("needs a joining link online and a venue in person", () => {
    expect(errorsFor({ format: "online", joinUrl: "" }).joinUrl).toEqual(["Enter the link people use to join the online event"]);
    const inPerson = errorsFor({ venueName: "", venueAddress: "" });
    expect(inPerson.venueName).toEqual(["Enter the name of the venue"]);
    expect(inPerson.venueAddress).toEqual(["Enter the venue's address"]);
  });

  it("needs two options for a choice question, and the size of a series", () => {
    const choice = errorsFor({ "questions[0].label": "Which stage are you at?", "questions[0].kind": "choice", "questions[0].options": "Only one" });
    expect(choice["questions[0].options"]).toEqual(["Give at least 2 options, one per line"]);
    expect(errorsFor({ repeat: "weekly" }).occurrences).toEqual(["Enter how many sessions there are"]);
    expect(errorsFor({ repeat: "days", occurrences: "3" }).intervalDays).toEqual(["Enter how many days apart the sessions are"]);
    expect(errorsFor({ repeat: "weekly", occurrences: "1" }).occurrences).toEqual(["A series has at least 2 sessions"]);
  });
});

describe("creating an event", () => {
  it("stores the local times as UTC instants, as a draft, with its questions, and records it", () => {
    const event = create({
      registrationOpensAt: "2026-11-26T08:00",
      "questions[0].label": "What work are you looking for?",
      "questions[0].kind": "text",
      "questions[0].required": "on",
      "questions[1].label": "Which stage are you at?",
      "questions[1].kind": "choice",
      "questions[1].options": "First job\nChanging careers\n\nFirst job",
      "questions[2].label": "",
    });
    expect(event).toMatchObject({ status: "draft", startsAt: DEC_3_10AM, endsAt: DEC_3_10AM + 3 * HOUR, capacity: 20, waitlistEnabled: true });
    expect(event.registrationOpensAt).toBe(Date.UTC(2026, 10, 26, 7, 0));
    expect(event.registrationClosesAt).toBeNull();
    expect(eventQuestionsOf(event.id).map((q) => [q.label, q.kind, q.options, q.required])).toEqual([
      ["What work are you looking for?", "text", [], true],
      ["Which stage are you at?", "choice", ["First job", "Changing careers"], false],
    ]);
    const audit = db.select().from(auditLog).where(eq(auditLog.targetId, event.id)).all();
    expect(audit.map((a) => a.action)).toEqual(["event.created"]);
  });

  it("makes a unique web address from the title, and refuses one that is taken", () => {
    const first = create({ title: "CV clinic: make it work!" });
    const second = create({ title: "CV clinic: make it work!" });
    expect(first.slug).toBe("cv-clinic-make-it-work");
    expect(second.slug).toBe("cv-clinic-make-it-work-2");
    expect(getEventBySlug("cv-clinic-make-it-work-2")?.id).toBe(second.id);
    const taken = createEvent({ actorId: organiser.id, form: createForm({ slug: "cv-clinic-make-it-work" }) });
    expect(taken).toEqual({ ok: false, status: 400, message: "Another event already uses that web address: choose another", fieldErrors: { slug: ["Another event already uses that web address: choose another"] } });
    expect(create({ slug: "cv-clinic-december" }).slug).toBe("cv-clinic-december");
  });

  it("keeps no venue for an online event and no joining link for one in person", () => {
    const online = create({ format: "online", joinUrl: "https://meet.example.org/abc", title: "Interview practice online" });
    expect(online).toMatchObject({ isOnline: true, venueName: "", venueAddress: "", mapUrl: "", joinUrl: "https://meet.example.org/abc" });
    const inPerson = create({ joinUrl: "https://meet.example.org/leftover", title: "In person only" });
    expect(inPerson).toMatchObject({ isOnline: false, joinUrl: "", venueName: "Harmony Hub, Yaba" });
  });
});

describe("series", () => {
  it("creates K linked sessions a week apart, with dated web addresses and shifted registration windows", () => {
    const result = createEvent({
      actorId: organiser.id,
      form: createForm({ title: "Next steps circle", repeat: "weekly", occurrences: "4", registrationOpensAt: "2026-11-26T09:00" }),
    });
    expect(result).toMatchObject({ ok: true, sessions: 4 });
    const first = getEventById((result as { eventId: string }).eventId)!;
    const sessions = seriesOf(first.seriesId!);
    expect(sessions.map((s) => s.seriesPosition)).toEqual([1, 2, 3, 4]);
    expect(sessions.map((s) => s.slug)).toEqual([
      "next-steps-circle-2026-12-03",
      "next-steps-circle-2026-12-10",
      "next-steps-circle-2026-12-17",
      "next-steps-circle-2026-12-24",
    ]);
    expect(sessions.map((s) => s.startsAt - DEC_3_10AM)).toEqual([0, 7 * DAY, 14 * DAY, 21 * DAY]);
    expect(sessions.every((s) => s.startsAt - s.registrationOpensAt! === first.startsAt - first.registrationOpensAt!)).toBe(true);
    expect(sessions.every((s) => s.status === "draft")).toBe(true);
  });

  it("repeats every N days too", () => {
    const result = createEvent({ actorId: organiser.id, form: createForm({ title: "Bootcamp", repeat: "days", intervalDays: "2", occurrences: "3" }) });
    const first = getEventById((result as { eventId: string }).eventId)!;
    expect(seriesOf(first.seriesId!).map((s) => (s.startsAt - DEC_3_10AM) / DAY)).toEqual([0, 2, 4]);
  });

  it("applies shared fields to the upcoming sessions, never their dates, and leaves past sessions alone", () => {
    const result = createEvent({
      actorId: organiser.id,
      form: createForm({ title: "Weekly circle", repeat: "weekly", occurrences: "3", startsAt: "2026-11-20T10:00", endsAt: "2026-11-20T12:00", "questions[0].label": "Age?", "questions[0].kind": "text" }),
    });
    const [past, second, third] = seriesOf(getEventById((result as { eventId: string }).eventId)!.seriesId!);
    expect(past.endsAt).toBeLessThan(T0);
    const secondQuestion = eventQuestionsOf(second.id)[0];

    const saved = updateEvent({
      actorId: organiser.id,
      eventId: second.id,
      form: editForm({
        title: "Weekly circle (new room)",
        slug: second.slug,
        startsAt: "2026-11-27T11:00",
        endsAt: "2026-11-27T13:00",
        venueName: "Surulere Youth Centre",
        venueAddress: "22 Adeniran Ogunsanya Street, Surulere",
        capacity: "35",
        "questions[0].id": secondQuestion.id,
        "questions[0].label": "How old are you?",
        "questions[0].kind": "text",
        "questions[1].label": "First time with us?",
        "questions[1].kind": "yes_no",
        applyToSeries: "on",
      }),
    });
    expect(saved).toMatchObject({ ok: true, sessions: 2 });
    const [pastAfter, secondAfter, thirdAfter] = seriesOf(past.seriesId!);
    expect(pastAfter).toEqual(past);
    expect(secondAfter).toMatchObject({ title: "Weekly circle (new room)", venueName: "Surulere Youth Centre", capacity: 35, startsAt: Date.UTC(2026, 10, 27, 10, 0) });
    expect(thirdAfter).toMatchObject({ title: "Weekly circle (new room)", venueName: "Surulere Youth Centre", capacity: 35 });
    expect(thirdAfter).toMatchObject({ startsAt: third.startsAt, endsAt: third.endsAt, slug: third.slug });
    expect(eventQuestionsOf(secondAfter.id).map((q) => q.label)).toEqual(["How old are you?", "First time with us?"]);
    expect(eventQuestionsOf(secondAfter.id)[0].id).toBe(secondQuestion.id);
    expect(eventQuestionsOf(thirdAfter.id).map((q) => [q.label, q.kind])).toEqual([
      ["How old are you?", "text"],
      ["First time with us?", "yes_no"],
    ]);
    expect(eventQuestionsOf(pastAfter.id).map((q) => q.label)).toEqual(["Age?"]);
  });
});

describe("seats", () => {
  async function publishedWithPeople(capacity: number, people: number) {
    const event = create({ title: `Seats ${capacity}/${people}`, capacity: String(capacity) });
    expect(publishEvent({ actorId: organiser.id, eventId: event.id })).toEqual({ ok: true, count: 1 });
    const users: TestUser[] = [];
    for (let i = 0; i < people; i++) {
      const user = await createUser({ name: `Attendee ${i + 1}` });
      clock.set(T0 + i * 1000);
      expect(registerForEvent(user.id, event.id, {}).ok).toBe(true);
      users.push(user);
    }
    return { event: getEventById(event.id)!, users };
  }

  it("refuses to lower the capacity below the confirmed seats, with a field error and no change", async () => {
    const { event } = await publishedWithPeople(3, 3);
    const result = updateEvent({ actorId: organiser.id, eventId: event.id, form: editForm({ title: event.title, slug: event.slug, capacity: "2" }) });
    expect(result).toEqual({
      ok: false,
      status: 400,
      message: "3 people have a confirmed seat already: the capacity cannot be lower than 3",
      fieldErrors: { capacity: ["3 people have a confirmed seat already: the capacity cannot be lower than 3"] },
    });
    expect(getEventById(event.id)).toEqual(event);
    expect(updateEvent({ actorId: organiser.id, eventId: event.id, form: editForm({ title: event.title, slug: event.slug, capacity: "3" }) }).ok).toBe(true);
  });

  it("offers the new seats to the first people waiting, in the same save", async () => {
    const { event, users } = await publishedWithPeople(2, 4);
    expect(db.select().from(registrations).where(eq(registrations.eventId, event.id)).all().map((r) => r.status).sort()).toEqual([
      "confirmed",
      "confirmed",
      "waitlisted",
      "waitlisted",
    ]);
    const result = updateEvent({ actorId: organiser.id, eventId: event.id, form: editForm({ title: event.title, slug: event.slug, capacity: "3" }) });
    expect(result).toMatchObject({ ok: true, offers: 1 });
    const offers = db.select().from(outbox).where(eq(outbox.template, "waitlist-offer")).all();
    expect(offers.map((o) => o.recipient)).toEqual([users[2].email]);
    // An offered seat counts: the capacity cannot drop under it either.
    const lower = updateEvent({ actorId: organiser.id, eventId: event.id, form: editForm({ title: event.title, slug: event.slug, capacity: "2" }) });
    expect(lower).toMatchObject({ ok: false, status: 400 });
    expect((lower as { fieldErrors: Record<string, string[]> }).fieldErrors.capacity[0]).toMatch(/offered to people waiting: the capacity cannot be lower than 3/);
  });

  it("goes back to draft only while nobody has registered", async () => {
    const { event } = await publishedWithPeople(5, 1);
    expect(unpublishEvent({ actorId: organiser.id, eventId: event.id })).toMatchObject({ ok: false, status: 400 });
    const empty = create({ title: "Nobody yet" });
    publishEvent({ actorId: organiser.id, eventId: empty.id });
    expect(unpublishEvent({ actorId: organiser.id, eventId: empty.id })).toEqual({ ok: true, count: 1 });
    expect(getEventById(empty.id)!.status).toBe("draft");
    const actions = db.select().from(auditLog).where(eq(auditLog.targetId, empty.id)).all().map((a) => a.action);
    expect(actions).toEqual(["event.created", "event.published", "event.unpublished"]);
  });
});
