// Bookings that arrive together share one commit (ADR 0044): each still gets its own truthful
// outcome, the seat count stays exact, one failure is undone alone, and waitlist places follow
// the order the bookings arrived even within one millisecond.
import Database from "better-sqlite3";
import { eq } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { groupedWrite } from "~db/grouped-writes.server";
import { registrations } from "~db/schema";
import { registerForEventTogether, type BookingOutcome } from "~/modules/events/index.server";
import { clock } from "~/utils/clock.server";
import { createTestEvent } from "../support/event-factories";
import { createUser } from "../support/factories";

const T0 = Date.UTC(2026, 10, 2, 9, 0);
beforeEach(() => clock.set(T0));
afterAll(() => clock.set(null));

const people = (count: number) => Promise.all(Array.from({ length: count }, (_, i) => createUser({ name: `Rusher ${i + 1}` })));

describe("bookings grouped into one commit", () => {
  it("gives every seat once and numbers the waitlist in arrival order, all within one millisecond", async () => {
    const event = createTestEvent({ capacity: 3 });
    const rushers = await people(8);
    // All eight start in the same turn of the event loop, at the same instant.
    const outcomes = await Promise.all(rushers.map((person) => registerForEventTogether(person.id, event.id, {})));
    expect(outcomes.every((outcome) => outcome.ok)).toBe(true);
    const booked = outcomes as Extract<BookingOutcome, { ok: true }>[];
    expect(booked.map((outcome) => outcome.status)).toEqual(["confirmed", "confirmed", "confirmed", ...Array(5).fill("waitlisted")]);
    expect(booked.map((outcome) => outcome.position)).toEqual([null, null, null, 1, 2, 3, 4, 5]);
    const waiting = db.select().from(registrations).where(eq(registrations.eventId, event.id)).all().filter((row) => row.status === "waitlisted");
    const byPlace = [...waiting].sort((a, b) => a.waitlistedAt! - b.waitlistedAt! || a.id.localeCompare(b.id));
    expect(byPlace.map((row) => row.userId)).toEqual(rushers.slice(3).map((person) => person.id));
  });

  it("answers only once the commit is on disk, where another connection can read it", async () => {
    const event = createTestEvent({ capacity: 10 });
    const [person] = await people(1);
    const outcome = await registerForEventTogether(person.id, event.id, {});
    expect(outcome.ok).toBe(true);
    const other = new Database(db.$client.name, { readonly: true });
    try {
      const row = other.prepare("select status from registrations where event_id = ? and user_id = ?").get(event.id, person.id) as { status: string };
      expect(row.status).toBe("confirmed");
    } finally {
      other.close();
    }
  });

  it("undoes a write that fails on its own and keeps the others of its commit", async () => {
    const event = createTestEvent({ capacity: 10 });
    const [first, second] = await people(2);
    const failing = groupedWrite((tx) => {
      tx.update(registrations).set({ status: "cancelled" }).where(eq(registrations.eventId, event.id)).run();
      throw new Error("this booking's own mistake");
    });
    const [kept, failed, alsoKept] = await Promise.allSettled([
      registerForEventTogether(first.id, event.id, {}),
      failing,
      registerForEventTogether(second.id, event.id, {}),
    ]);
    expect(kept.status).toBe("fulfilled");
    expect(alsoKept.status).toBe("fulfilled");
    expect(failed).toMatchObject({ status: "rejected", reason: { message: "this booking's own mistake" } });
    const statuses = db.select({ status: registrations.status }).from(registrations).where(eq(registrations.eventId, event.id)).all();
    expect(statuses.map((row) => row.status)).toEqual(["confirmed", "confirmed"]);
  });
});
