import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { auditLog, eventQuestions, jobs, outbox, registrations } from "~db/schema";
import { registerJobHandlers } from "~/jobs.server";
import { runWorkerOnce } from "~/modules/outbox/worker.server";
import { action as eventAction } from "~/routes/admin.events.$id._index";
import { loader as cancelLoader } from "~/routes/admin.events.$id.cancel";
import { clock, DAY } from "~/utils/clock.server";
import { createForm } from "../support/event-forms";
import { createUser, formRequest, getRequest, loadContext, routeArgs, signIn, type TestUser } from "../support/factories";
import { runRoute } from "../support/route-results";
import { cancelEvent, cancelRegistration, createEvent, deleteDraftEvent, getEventById, publishEvent, registerForEvent, unpublishEvent } from "~/modules/events/index.server";
import { updateOrganisation } from "~/modules/organisation/index.server";

// A draft is deleted, never cancelled: nobody has a place at it, so there is nobody to tell.

// 25 November 2026, 10:00 in Lagos: a week before the events of createForm().
const T0 = Date.UTC(2026, 10, 25, 9, 0);

let organiser: TestUser;
let cookie: string;

beforeAll(async () => {
  registerJobHandlers();
  updateOrganisation({ timeZone: "Africa/Lagos" });
  organiser = await createUser({ name: "Adaeze Organiser", roles: ["organiser"] });
  cookie = signIn(organiser.id).cookieHeader;
});
beforeEach(() => clock.set(T0));
afterAll(() => clock.set(null));

function draft(title: string) {
  const created = createEvent({ actorId: organiser.id, form: createForm({ title, "questions[0].label": "What work are you looking for?" }) });
  if (!created.ok) throw new Error(`not created: ${JSON.stringify(created)}`);
  return getEventById(created.eventId)!;
}

const questionsOf = (eventId: string) => db.select().from(eventQuestions).where(eq(eventQuestions.eventId, eventId)).all();
const auditOf = (eventId: string) => db.select().from(auditLog).where(eq(auditLog.targetId, eventId)).all().map((entry) => entry.action);

describe("deleting a draft", () => {
  it("removes the event and its questions for good, and records who did it", () => {
    const event = draft("A draft to delete");
    expect(questionsOf(event.id)).toHaveLength(1);
    expect(deleteDraftEvent({ actorId: organiser.id, eventId: event.id })).toEqual({ ok: true, count: 1 });
    expect(getEventById(event.id)).toBeNull();
    expect(questionsOf(event.id)).toEqual([]);
    expect(auditOf(event.id)).toEqual(["event.created", "event.deleted"]);
    const deleted = db.select().from(auditLog).where(eq(auditLog.action, "event.deleted")).all().at(-1)!;
    expect(deleted).toMatchObject({ actorId: organiser.id, details: { title: "A draft to delete" } });
  });

  it("takes a draft that was published once with the jobs it had scheduled, and nothing is sent later", async () => {
    const event = draft("Published, then taken back");
    publishEvent({ actorId: organiser.id, eventId: event.id });
    const person = await createUser({ name: "Changed Mind" });
    const booked = registerForEvent(person.id, event.id, {});
    if (!booked.ok) throw new Error("not booked");
    expect(cancelRegistration(person.id, booked.registrationId).ok).toBe(true);
    expect(unpublishEvent({ actorId: organiser.id, eventId: event.id }).ok).toBe(true);
    const scheduled = db.select().from(jobs).where(eq(jobs.status, "pending")).all().filter((job) => job.payload.eventId === event.id);
    expect(scheduled.map((job) => job.kind).sort()).toEqual(["events.follow-up", "events.reminders"]);

    expect(deleteDraftEvent({ actorId: organiser.id, eventId: event.id }).ok).toBe(true);
    expect(db.select().from(registrations).where(eq(registrations.eventId, event.id)).all()).toEqual([]);
    const emailsBefore = db.select().from(outbox).all().length;
    clock.set(event.endsAt + 2 * DAY);
    await runWorkerOnce();
    expect(db.select().from(jobs).all().filter((job) => scheduled.some((s) => s.id === job.id))).toEqual([]);
    expect(db.select().from(outbox).all()).toHaveLength(emailsBefore);
  });

  it("refuses a published or cancelled event, which stays as it was", () => {
    const event = draft("Published already");
    publishEvent({ actorId: organiser.id, eventId: event.id });
    const refusal = { ok: false, status: 400, message: "Only a draft can be deleted. Cancel a published event instead: everyone registered is then told." };
    expect(deleteDraftEvent({ actorId: organiser.id, eventId: event.id })).toMatchObject(refusal);
    expect(cancelEvent({ actorId: organiser.id, eventId: event.id }).ok).toBe(true);
    expect(deleteDraftEvent({ actorId: organiser.id, eventId: event.id })).toMatchObject(refusal);
    expect(getEventById(event.id)?.status).toBe("cancelled");
    expect(deleteDraftEvent({ actorId: organiser.id, eventId: "no-such-event" })).toMatchObject({ ok: false, code: "not-found", status: 404 });
  });

  it("is the only way out for a draft: cancelling one is refused", () => {
    const event = draft("Never cancelled");
    expect(cancelEvent({ actorId: organiser.id, eventId: event.id })).toMatchObject({ ok: false, status: 400, message: "A draft has nobody to tell: delete it instead." });
    expect(getEventById(event.id)).toMatchObject({ status: "draft", cancelledAt: null });
    expect(auditOf(event.id)).toEqual(["event.created"]);
  });
});

describe("the organiser's event page", () => {
  const post = (eventId: string, intent: string) =>
    runRoute(() => eventAction(routeArgs({ request: formRequest(`/admin/events/${eventId}?index`, { intent }, { cookie }), params: { id: eventId }, context: loadContext() })));

  it("deletes a draft and goes back to the list of events, saying so", async () => {
    const event = draft("Deleted from its page");
    const result = await post(event.id, "delete-draft");
    expect(result.status).toBe(302);
    expect(result.headers.get("location")).toBe("/admin/events");
    const flash = result.headers.getSetCookie().find((c) => c.startsWith("flash="))!;
    expect(decodeURIComponent(flash)).toContain("Deleted the draft “Deleted from its page”.");
    expect(getEventById(event.id)).toBeNull();
    expect((await post(event.id, "delete-draft")).status).toBe(404);
  });

  it("answers a published event's delete with the refusal, and deletes nothing", async () => {
    const event = draft("Published, not deleted");
    publishEvent({ actorId: organiser.id, eventId: event.id });
    const result = await post(event.id, "delete-draft");
    expect(result.status).toBe(400);
    expect(JSON.stringify(result.data)).toContain("Only a draft can be deleted.");
    expect(getEventById(event.id)?.status).toBe("published");
  });

  it("tells whoever opens a draft's cancel page to delete it instead", async () => {
    const event = draft("No cancel page");
    const page = await runRoute(() => cancelLoader(routeArgs({ request: getRequest(`/admin/events/${event.id}/cancel`, { cookie }), params: { id: event.id }, context: loadContext() })));
    expect(page.data).toMatchObject({ closed: "A draft has nobody to tell: delete it instead." });
  });
});
