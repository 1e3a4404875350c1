import Database from "better-sqlite3";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { clock, MINUTE } from "~/utils/clock.server";
import { eq } from "drizzle-orm";
import { eventQuestions, events } from "~db/schema";
import { eventQuestionsOf, publicEventBySlug } from "~/modules/events/index.server";
import { databaseVersion, whileUnchanged } from "~/utils/data-version.server";
import { randomId } from "~/utils/ids.server";
import { createTestEvent } from "../support/event-factories";

const T0 = Date.UTC(2026, 10, 25, 9, 0, 5);
beforeEach(() => clock.set(T0));
afterAll(() => clock.set(null));

describe("figures kept while nothing changes", () => {
  it("computes once while the database and the minute stay, again after any write or when the minute turns", () => {
    let computed = 0;
    const figure = () => whileUnchanged("test-figure", () => ({ computed: ++computed, list: [1, 2] }));
    expect(figure()).toEqual({ computed: 1, list: [1, 2] });
    // Every reader shares one frozen value: nobody can change it for the next.
    expect(figure()).toBe(figure());
    expect(() => figure().list.push(3)).toThrow(TypeError);
    expect(figure()).toEqual({ computed: 1, list: [1, 2] });

    const before = databaseVersion();
    createTestEvent();
    expect(databaseVersion()).not.toBe(before);
    expect(figure().computed).toBe(2);

    clock.set(T0 + MINUTE);
    expect(figure().computed).toBe(3);
    expect(figure().computed).toBe(3);
  });

  it("leaves out what `keepIf` refuses, and computes it again for the next reader", () => {
    let computed = 0;
    const lookup = () => whileUnchanged("refused-figure", () => ++computed, (value) => value > 2);
    expect([lookup(), lookup(), lookup(), lookup()]).toEqual([1, 2, 3, 3]);
  });

  it("does not keep a figure whose computing wrote to the database", () => {
    let computed = 0;
    const writing = () => whileUnchanged("writing-figure", () => (createTestEvent(), ++computed));
    expect(writing()).toBe(1);
    expect(writing()).toBe(2);
  });
});

describe("event rows kept for the bookings of a rush", () => {
  it("sees a changed title and a new question at once, and an event as soon as its slug exists", () => {
    const event = createTestEvent({ title: "CV clinic" });
    expect(publicEventBySlug(event.slug)?.title).toBe("CV clinic");
    expect(publicEventBySlug(event.slug)).toBe(publicEventBySlug(event.slug));
    expect(eventQuestionsOf(event.id)).toEqual([]);
    db.update(events).set({ title: "CV clinic (moved)" }).where(eq(events.id, event.id)).run();
    db.insert(eventQuestions).values({ id: randomId(16), eventId: event.id, position: 1, label: "Your phone", kind: "text" }).run();
    expect(publicEventBySlug(event.slug)?.title).toBe("CV clinic (moved)");
    expect(eventQuestionsOf(event.id).map((question) => question.label)).toEqual(["Your phone"]);

    const slug = `a-workshop-to-come-${randomId(4).toLowerCase()}`;
    expect(publicEventBySlug(slug)).toBeNull();
    const later = createTestEvent({ title: "A workshop to come", slug });
    expect(publicEventBySlug(later.slug)?.id).toBe(later.id);
  });
});

describe("the database's version", () => {
  it("changes at once with this connection's writes, and by the next turn with another connection's commit", async () => {
    const start = databaseVersion();
    const event = createTestEvent();
    const afterOwnWrite = databaseVersion();
    expect(afterOwnWrite).not.toBe(start);

    const other = new Database(db.$client.name);
    try {
      expect(other.prepare("update events set title = title || ' (moved)' where id = ?").run(event.id).changes).toBe(1);
    } finally {
      other.close();
    }
    await new Promise((resolve) => setImmediate(resolve));
    expect(databaseVersion()).not.toBe(afterOwnWrite);
  });
});
