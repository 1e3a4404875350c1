// `npm run bench:door`: phones syncing queued check-ins after the network came back. An event of
// BENCH_PEOPLE registrations; PHONES volunteers each hold QUEUE check-ins (overlapping: every
// person is checked in by two phones at different times). Each phone sends its whole queue in one
// request, all at once; the figures are the time to the last reply and the exactness of the result.
import Database from "better-sqlite3";
import { startAppServer } from "../tests/support/app-server";
import { sessionCookieFor } from "./programme-sample";

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 1000);
const QUEUE = Number(process.env.BENCH_QUEUE ?? 500);
const PHONES = Number(process.env.BENCH_PHONES ?? 4);

function prepareEvent(databaseFile: string): { eventId: string; registrations: string[] } {
  const sqlite = new Database(databaseFile);
  sqlite.pragma("busy_timeout = 5000");
  const now = Date.now();
  const eventId = "bench-door-event";
  const registrations: string[] = [];
  sqlite.transaction(() => {
    sqlite
      .prepare(
        `insert into events (id, slug, kind, title, starts_at, ends_at, capacity, status, created_at, updated_at, published_at)
         values (?, 'bench-door', 'workshop', 'Door bench', ?, ?, ?, 'published', ?, ?, ?)`,
      )
      .run(eventId, now - 3_600_000, now + 3_600_000, PEOPLE, now, now, now);
    const user = sqlite.prepare(`insert into users (id, email, name, password_hash, created_at, updated_at) values (?, ?, ?, '!', ?, ?)`);
    const registration = sqlite.prepare(
      `insert into registrations (id, event_id, user_id, status, check_in_token, short_code, created_at, updated_at, confirmed_at) values (?, ?, ?, 'confirmed', ?, ?, ?, ?, ?)`,
    );
    for (let i = 0; i < PEOPLE; i += 1) {
      const id = `bench-door-${i}`;
      user.run(id, `${id}@example.org`, `Door Bench ${i}`, now, now);
      registration.run(id, eventId, id, `token-${id}`, `BD${i}`, now, now, now);
      registrations.push(id);
    }
  })();
  sqlite.close();
  return { eventId, registrations };
}

/** How many are checked in, and how many of them at the earliest time any phone recorded. */
function checkedIn(databaseFile: string, eventId: string, earliest: Map<string, number>): { present: number; earliestKept: number } {
  const sqlite = new Database(databaseFile, { readonly: true });
  const rows = sqlite.prepare(`select id, checked_in_at as at from registrations where event_id = ? and checked_in_at is not null`).all(eventId) as { id: string; at: number }[];
  sqlite.close();
  return { present: rows.length, earliestKept: rows.filter((row) => row.at === earliest.get(row.id)).length };
}

const server = await startAppServer({ seed: "demo" });
try {
  const { eventId, registrations } = prepareEvent(server.databaseFile);
  const cookie = await sessionCookieFor(server, "door@example.org");
  const start = Date.now() - 30 * 60_000;
  // Phone p takes a window of the list; windows overlap by half, so each person is on two phones.
  const queues = Array.from({ length: PHONES }, (_, phone) =>
    Array.from({ length: QUEUE }, (_, i) => {
      const index = (phone * (QUEUE / 2) + i) % registrations.length;
      return { key: `p${phone}-${i}`, registrationId: registrations[index], at: start + phone * 1000 + i };
    }),
  );
  const earliest = new Map<string, number>();
  for (const item of queues.flat()) earliest.set(item.registrationId, Math.min(item.at, earliest.get(item.registrationId) ?? Infinity));
  const expected = earliest.size;
  const began = performance.now();
  const timings = await Promise.all(
    queues.map(async (checkIns) => {
      const sent = performance.now();
      const response = await fetch(`${server.url}/door/${eventId}/sync`, {
        method: "POST",
        headers: { cookie: cookie.header, "content-type": "application/json", origin: server.url },
        body: JSON.stringify({ checkIns, walkIns: [] }),
      });
      if (response.status !== 200) throw new Error(`sync answered ${response.status}: ${await response.text()}`);
      await response.json();
      return performance.now() - sent;
    }),
  );
  const total = performance.now() - began;
  const { present, earliestKept } = checkedIn(server.databaseFile, eventId, earliest);
  const exact = present === expected && earliestKept === expected;
  console.log(`| phones | check-ins each | distinct people | slowest reply ms | all synced ms | checked in | at the earliest time | exact |`);
  console.log(`|---|---|---|---|---|---|---|---|`);
  console.log(`| ${PHONES} | ${QUEUE} | ${expected} | ${Math.max(...timings).toFixed(0)} | ${total.toFixed(0)} | ${present} | ${earliestKept} | ${exact ? "yes" : "NO"} |`);
  if (!exact) process.exitCode = 1;
} finally {
  await server.stop();
}
