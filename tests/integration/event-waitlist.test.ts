import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { events, jobs, outbox } from "~db/schema";
import { registerJobHandlers } from "~/jobs.server";
import { offerFreedSeats } from "~/modules/events/booking/registrations.server";
import { clock, HOUR, MINUTE } from "~/utils/clock.server";
import { createTestEvent, emailsOf, registrationOf, runAllDue } from "../support/event-factories";
import { createUser, type TestUser } from "../support/factories";
import { registerForEvent, cancelRegistration, acceptOffer } from "~/modules/events/index.server";

const T0 = Date.UTC(2026, 10, 2, 9, 0);

beforeAll(() => registerJobHandlers());
beforeEach(() => {
  clock.set(T0);
  db.delete(outbox).run();
  db.delete(jobs).run();
});
afterAll(() => clock.set(null));


/** A full event (capacity seats) with `waiting` people on its waitlist, in a known order. */
async function fullEvent(capacity: number, waiting: number, overrides: Parameters<typeof createTestEvent>[0] = {}) {
  const event = createTestEvent({ capacity, ...overrides });
  const seated: TestUser[] = [];
  const queue: TestUser[] = [];
  for (let i = 0; i < capacity + waiting; i++) {
    const person = await createUser({ name: `Person ${i + 1}` });
    clock.set(T0 + i * 1000);
    const outcome = registerForEvent(person.id, event.id, {});
    if (!outcome.ok) throw new Error(outcome.message);
    (outcome.status === "confirmed" ? seated : queue).push(person);
  }
  clock.set(T0 + HOUR);
  return { event, seated, queue };
}

const statusOf = (eventId: string, person: TestUser) => registrationOf(eventId, person.id)?.status;

describe("waitlist offers", () => {
  it("offer a freed seat to the first person waiting, with one email and an expiry", async () => {
    const { event, seated, queue } = await fullEvent(2, 3);
    const ticket = registrationOf(event.id, seated[0].id)!;
    expect(cancelRegistration(seated[0].id, ticket.id)).toMatchObject({ ok: true, offersMade: 1 });
    const offered = registrationOf(event.id, queue[0].id)!;
    expect(offered.status).toBe("offered");
    expect(offered.offerExpiresAt).toBe(T0 + HOUR + 24 * HOUR);
    expect(statusOf(event.id, queue[1])).toBe("waitlisted");
    const [offer] = emailsOf("waitlist-offer", queue[0].email);
    expect((offer.props as { url: string }).url).toBe(`http://localhost:3000/me/tickets/${offered.id}`);
    expect(emailsOf("waitlist-offer")).toHaveLength(1);
    // The offered seat is held: a newcomer joins the waitlist instead of taking it.
    const newcomer = await createUser();
    expect(registerForEvent(newcomer.id, event.id, {})).toMatchObject({ status: "waitlisted", position: 3 });
    // Nothing new to offer: calling again changes nothing.
    expect(db.transaction((tx) => offerFreedSeats(tx, event.id))).toBe(0);
    expect(emailsOf("waitlist-offer")).toHaveLength(1);
  });

  it("confirm the seat when the offer is accepted, with the confirmation email", async () => {
    const { event, seated, queue } = await fullEvent(1, 2);
    cancelRegistration(seated[0].id, registrationOf(event.id, seated[0].id)!.id);
    const offered = registrationOf(event.id, queue[0].id)!;
    // Someone else cannot accept it.
    expect(acceptOffer(queue[1].id, offered.id)).toMatchObject({ ok: false, code: "not-found" });
    expect(acceptOffer(queue[0].id, offered.id)).toEqual({ ok: true, status: "confirmed" });
    expect(acceptOffer(queue[0].id, offered.id)).toEqual({ ok: true, status: "already-confirmed" });
    expect(statusOf(event.id, queue[0])).toBe("confirmed");
    const confirmations = emailsOf("registration-confirmed", queue[0].email);
    expect(confirmations).toHaveLength(1);
    expect(confirmations[0].props).toMatchObject({ fromWaitlist: true });
    // The expiry job, when it comes, leaves an accepted seat alone.
    clock.set(T0 + 30 * HOUR);
    await runAllDue();
    expect(statusOf(event.id, queue[0])).toBe("confirmed");
    expect(emailsOf("waitlist-offer")).toHaveLength(1);
  });

  it("pass an expired offer to the next person: the first loses their place", async () => {
    const { event, seated, queue } = await fullEvent(1, 3, { offerHours: 12 });
    cancelRegistration(seated[0].id, registrationOf(event.id, seated[0].id)!.id);
    clock.set(T0 + HOUR + 12 * HOUR - MINUTE);
    await runAllDue();
    expect(statusOf(event.id, queue[0])).toBe("offered");
    clock.set(T0 + HOUR + 12 * HOUR);
    await runAllDue();
    expect(statusOf(event.id, queue[0])).toBe("cancelled");
    expect(statusOf(event.id, queue[1])).toBe("offered");
    expect(statusOf(event.id, queue[2])).toBe("waitlisted");
    expect(registrationOf(event.id, queue[1].id)!.offerExpiresAt).toBe(T0 + HOUR + 24 * HOUR);
    // Accepting too late is refused, and the seat moves on even before the job runs.
    clock.set(T0 + HOUR + 24 * HOUR + 1);
    expect(acceptOffer(queue[1].id, registrationOf(event.id, queue[1].id)!.id)).toMatchObject({ ok: false, code: "expired" });
    expect(statusOf(event.id, queue[2])).toBe("offered");
    await runAllDue();
    // Exactly one offer email per promotion.
    expect(emailsOf("waitlist-offer").map((m) => m.recipient)).toEqual([queue[0].email, queue[1].email, queue[2].email]);
  });

  it("never hold an offer past the start of the event", async () => {
    const { event, seated, queue } = await fullEvent(1, 2, { startsAt: T0 + 5 * HOUR });
    cancelRegistration(seated[0].id, registrationOf(event.id, seated[0].id)!.id);
    expect(registrationOf(event.id, queue[0].id)!.offerExpiresAt).toBe(T0 + 5 * HOUR);
    clock.set(T0 + 5 * HOUR);
    await runAllDue();
    // The event has started: nobody else is offered a seat.
    expect(statusOf(event.id, queue[0])).toBe("cancelled");
    expect(statusOf(event.id, queue[1])).toBe("waitlisted");
  });

  it("offer every seat a capacity raise frees, in waitlist order", async () => {
    const { event, queue } = await fullEvent(2, 4);
    const made = db.transaction((tx) => {
      tx.update(events).set({ capacity: 5 }).where(eq(events.id, event.id)).run();
      return offerFreedSeats(tx, event.id);
    });
    expect(made).toBe(3);
    expect(queue.map((p) => statusOf(event.id, p))).toEqual(["offered", "offered", "offered", "waitlisted"]);
    const expiryJobs = db.select().from(jobs).where(eq(jobs.kind, "events.offer-expiry")).all();
    expect(expiryJobs).toHaveLength(3);
  });

  it("lets a waiting person leave the queue without offering anyone anything", async () => {
    const { event, queue } = await fullEvent(1, 2);
    expect(cancelRegistration(queue[0].id, registrationOf(event.id, queue[0].id)!.id)).toMatchObject({ ok: true, offersMade: 0 });
    expect(registerForEvent(queue[1].id, event.id, {})).toMatchObject({ status: "waitlisted", position: 1, already: true });
    expect(emailsOf("waitlist-offer")).toHaveLength(0);
  });
});
