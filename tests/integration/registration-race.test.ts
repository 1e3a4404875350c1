import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { outbox, registrations } from "~db/schema";
import { clock, DAY } from "~/utils/clock.server";
import { createTestEvent } from "../support/event-factories";
import { startAppServer, type AppServer } from "../support/app-server";
import { startSmtpSink, type SmtpSink } from "../support/smtp-sink";
import { createSession, insertUser } from "~/modules/auth/index.server";

// The real built server, on the same database file as this test, takes 200 bookings at once
// (plus double submits) for 20 seats, then concurrent cancellations. Three rounds, each on a fresh
// event, so an unlucky interleaving has more than one chance to show.

const PEOPLE = 200;
const SEATS = 20;
const DOUBLE_SUBMITS = 20;
const CANCELLATIONS = 10;
const ROUNDS = 3;

let server: AppServer;
let sink: SmtpSink;
let people: { id: string; email: string; cookie: string }[];

beforeAll(async () => {
  clock.set(null);
  sink = await startSmtpSink();
  server = await startAppServer({
    databaseFile: process.env.DATABASE_URL!,
    env: { SMTP_URL: sink.url, WORKER_INTERVAL_MS: "100", LOG_LEVEL: "error" },
  });
  // Accounts and sessions written straight into the server's database: nobody logs in by password here.
  people = db.transaction((tx) =>
    Array.from({ length: PEOPLE }, (_, i) => {
      const email = `racer-${i}@example.org`;
      const id = insertUser(tx, { email, name: `Racer ${i}`, passwordHash: "not-used", roles: ["participant"], emailVerified: true });
      return { id, email, cookie: "" };
    }),
  );
  for (const person of people) person.cookie = createSession(person.id, "race test").cookie.split(";")[0];
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await sink?.close();
});

function post(path: string, cookie: string, body: Record<string, string>) {
  return fetch(server.url + path, {
    method: "POST",
    redirect: "manual",
    headers: { Cookie: cookie, Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(body),
  });
}

/** The flash message a response sets, as the person would read it on the next page. */
function flashOf(response: Response): string {
  const flash = response.headers.getSetCookie().find((c) => c.startsWith("flash="));
  return flash ? (JSON.parse(decodeURIComponent(flash.slice(6).split(";")[0])) as { message: string }).message : "";
}

function statusCounts(eventId: string) {
  const rows = db
    .select({ status: registrations.status, n: sql<number>`count(*)` })
    .from(registrations)
    .where(eq(registrations.eventId, eventId))
    .groupBy(registrations.status)
    .all();
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

async function waitFor<T>(what: string, check: () => T | false, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("200 people booking 20 seats at once on the real server", () => {
  for (let round = 1; round <= ROUNDS; round++) {
    it(`round ${round}: exactly 20 seats, 180 in line, each promotion emailed once`, async () => {
      const event = createTestEvent({ capacity: SEATS, startsAt: Date.now() + 7 * DAY, endsAt: Date.now() + 7 * DAY + 7_200_000 });
      const path = `/events/${event.slug}`;
      const requests = people.map((person) => post(path, person.cookie, { intent: "register" }));
      // Some people press the button twice.
      for (const person of people.slice(0, DOUBLE_SUBMITS)) requests.push(post(path, person.cookie, { intent: "register" }));
      const responses = await Promise.all(requests);

      expect(responses.filter((r) => r.status >= 500)).toEqual([]);
      expect(new Set(responses.map((r) => r.status))).toEqual(new Set([302]));
      expect(statusCounts(event.id)).toEqual({ confirmed: SEATS, waitlisted: PEOPLE - SEATS });
      const rows = db.select().from(registrations).where(eq(registrations.eventId, event.id)).all();
      expect(new Set(rows.map((r) => r.userId)).size).toBe(PEOPLE);
      expect(rows).toHaveLength(PEOPLE);

      // What people were told: each waiting place exactly once, 1..180, matching the queue order.
      const told = responses.map(flashOf);
      const positions = told.map((m) => /number (\d+)\./.exec(m)?.[1]).filter(Boolean).map(Number);
      expect(positions.sort((a, b) => a - b)).toEqual(Array.from({ length: PEOPLE - SEATS }, (_, i) => i + 1));
      expect(told.filter((m) => m.startsWith("Your seat is booked"))).toHaveLength(SEATS);
      expect(told.filter((m) => m.startsWith("You are already registered"))).toHaveLength(DOUBLE_SUBMITS);
      const queue = rows
        .filter((r) => r.status === "waitlisted")
        .sort((a, b) => a.waitlistedAt! - b.waitlistedAt! || (a.id < b.id ? -1 : 1));

      // Confirmed people cancel at the same moment: each frees a seat for the next in line, once.
      const leaving = rows.filter((r) => r.status === "confirmed").slice(0, CANCELLATIONS);
      const cookieOf = new Map(people.map((p) => [p.id, p.cookie]));
      const cancels = await Promise.all(
        leaving.flatMap((r) => [
          post(`/me/tickets/${r.id}`, cookieOf.get(r.userId)!, { intent: "cancel" }),
          post(`/me/tickets/${r.id}`, cookieOf.get(r.userId)!, { intent: "cancel" }),
        ]),
      );
      expect(cancels.filter((r) => r.status !== 302)).toEqual([]);
      expect(statusCounts(event.id)).toEqual({
        confirmed: SEATS - CANCELLATIONS,
        offered: CANCELLATIONS,
        cancelled: CANCELLATIONS,
        waitlisted: PEOPLE - SEATS - CANCELLATIONS,
      });
      const promoted = queue.slice(0, CANCELLATIONS).map((r) => r.userId);
      const offeredNow = db
        .select({ userId: registrations.userId })
        .from(registrations)
        .where(and(eq(registrations.eventId, event.id), eq(registrations.status, "offered")))
        .all()
        .map((r) => r.userId);
      expect(offeredNow.sort()).toEqual([...promoted].sort());

      // One offer email each, really delivered over SMTP.
      const emailOf = new Map(people.map((p) => [p.id, p.email]));
      const promotedEmails = promoted.map((id) => emailOf.get(id)!);
      const offers = await waitFor("the offer emails", () => {
        const sent = sink.messages.filter((m) => m.subject.startsWith(`A seat is free for you at ${event.title}: `));
        return sent.length >= CANCELLATIONS && sent;
      });
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(offers.flatMap((m) => m.to).sort()).toEqual([...promotedEmails].sort());
      const queued = db
        .select({ n: sql<number>`count(*)` })
        .from(outbox)
        .where(and(eq(outbox.template, "waitlist-offer"), sql`json_extract(${outbox.props}, '$.eventTitle') = ${event.title}`))
        .get()!.n;
      expect(queued).toBe(CANCELLATIONS);
      const confirmations = () => sink.messages.filter((m) => m.subject === `Your seat at ${event.title} is confirmed`);
      await waitFor("the confirmation emails", () => confirmations().length >= SEATS);
      expect(confirmations()).toHaveLength(SEATS);
    }, 120_000);
  }
});
