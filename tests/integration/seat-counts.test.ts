// Each event's seats held and people waiting are running counts kept by triggers on registrations
// (migration 0023). Whatever writes the registrations (booking, offers, cancelling, the door,
// erasure, an organiser's script), the counts must equal the rows.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { events, registrations, users } from "~db/schema";
import { cancelRegistration, registerForEvent } from "~/modules/events/index.server";
import { clock } from "~/utils/clock.server";
import { randomId } from "~/utils/ids.server";
import { createTestEvent } from "../support/event-factories";
import { createUser } from "../support/factories";
import { pseudoRandom } from "../support/pseudo-random";

const T0 = Date.UTC(2026, 10, 2, 9, 0);
beforeEach(() => clock.set(T0));
afterAll(() => clock.set(null));

const STATUSES = ["confirmed", "offered", "waitlisted", "cancelled"] as const;

function countsMatchRows() {
  const rows = db.all<{ id: string; held: number; waiting: number; heldRows: number; waitingRows: number }>(sql`
    select e.id, e.seats_held as held, e.waiting_count as waiting,
      (select count(*) from registrations r where r.event_id = e.id and r.status in ('confirmed', 'offered')) as heldRows,
      (select count(*) from registrations r where r.event_id = e.id and r.status = 'waitlisted') as waitingRows
    from events e`);
  for (const row of rows) expect({ held: row.held, waiting: row.waiting }, row.id).toEqual({ held: row.heldRows, waiting: row.waitingRows });
  return rows;
}

describe("running seat counts", () => {
  it("follow the booking code: seats, waitlist, cancelling and the seat passed on", async () => {
    const event = createTestEvent({ capacity: 2 });
    const people = await Promise.all([1, 2, 3, 4].map((i) => createUser({ name: `Person ${i}` })));
    const booked = people.map((person) => registerForEvent(person.id, event.id, {}));
    expect(booked.map((b) => b.ok && b.status)).toEqual(["confirmed", "confirmed", "waitlisted", "waitlisted"]);
    expect(db.select({ held: events.seatsHeld, waiting: events.waitingCount }).from(events).where(eq(events.id, event.id)).get()).toEqual({ held: 2, waiting: 2 });
    const first = booked[0]!;
    if (!first.ok) throw new Error("not booked");
    expect(cancelRegistration(people[0]!.id, first.registrationId)).toMatchObject({ ok: true });
    countsMatchRows();
  });

  it("equal the rows after any mix of inserts, status changes, moves and deletes", async () => {
    const next = pseudoRandom(7);
    const eventIds = [createTestEvent().id, createTestEvent().id, createTestEvent().id];
    const userIds = await Promise.all([1, 2, 3, 4, 5, 6].map((i) => createUser({ name: `Writer ${i}` }).then((u) => u.id)));
    for (let step = 0; step < 300; step++) {
      const all = db.select({ id: registrations.id, eventId: registrations.eventId, userId: registrations.userId }).from(registrations).all();
      const action = all.length === 0 ? 0 : next(5);
      const status = STATUSES[next(STATUSES.length)]!;
      const pick = all[next(all.length || 1)];
      if (action === 0) {
        const eventId = eventIds[next(eventIds.length)]!;
        const userId = userIds[next(userIds.length)]!;
        if (all.some((r) => r.eventId === eventId && r.userId === userId)) continue;
        db.insert(registrations).values({ id: randomId(16), eventId, userId, status, checkInToken: randomId(20), shortCode: randomId(6), createdAt: T0, updatedAt: T0 }).run();
      } else if (action === 1 || action === 2) {
        db.update(registrations).set({ status }).where(eq(registrations.id, pick!.id)).run();
      } else if (action === 3) {
        const eventId = eventIds[next(eventIds.length)]!;
        if (all.some((r) => r.eventId === eventId && r.userId === pick!.userId)) continue;
        db.update(registrations).set({ eventId }).where(eq(registrations.id, pick!.id)).run();
      } else {
        db.delete(registrations).where(eq(registrations.id, pick!.id)).run();
      }
      countsMatchRows();
    }
    // Deleting a person takes their registrations with them.
    db.delete(users).where(eq(users.id, userIds[0]!)).run();
    const rows = countsMatchRows();
    expect(rows.some((row) => row.held > 0 || row.waiting > 0)).toBe(true);
  });
});
