// `npm run bench:booking`: booking seats through the real event-page form on the large data set.
// rush: BENCH_RUSH_PEOPLE (2,000) signed-in people press "Book my seat" at the same moment for an
// event of BENCH_RUSH_SEATS (500) seats; the figures are the time to the last reply and its
// exactness in the database. steady: BENCH_CONNECTIONS (50) connections book for BENCH_SECONDS
// (20 s), a different person each time, on an event with a million seats. See docs/benchmarks.md.
import { startAppServer } from "../tests/support/app-server";
import { book, bookingAgent, openConnections, type BookingReply } from "../bench/booking-client";
import { confirmedCount, rushChecks } from "../bench/booking-checks";
import { createBookers, createOpenEvent, type Booker } from "../bench/booking-world";
import { waitForQuietMachine } from "../bench/quiet-machine";
import { percentile, printTable } from "../bench/table";

const RUSH_PEOPLE = Number(process.env.BENCH_RUSH_PEOPLE ?? 2000);
const RUSH_SEATS = Number(process.env.BENCH_RUSH_SEATS ?? 500);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const STEADY_SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const STEADY_PEOPLE = Number(process.env.BENCH_STEADY_PEOPLE ?? 30_000);
// Issue 18's goals.
const RUSH_GOAL_MS = 4_000;
const RUSH_P99_GOAL_MS = 2_000;
const STEADY_GOAL_PER_MINUTE = 30_000;

const ms = (value: number) => value.toFixed(0);

console.log("Seeding the large data set and starting the production server…");
const server = await startAppServer({ seed: "large", env: { LOG_LEVEL: "error", ...(process.env.BENCH_SERVER_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS } : {}) } });
try {
  console.log(`Creating ${RUSH_PEOPLE + STEADY_PEOPLE} signed-in participants and two events…`);
  const rushEvent = await createOpenEvent(server, RUSH_SEATS, "Booking rush");
  const steadyEvent = await createOpenEvent(server, 1_000_000, "Steady booking");
  const rushers = await createBookers(server, RUSH_PEOPLE, "rush");
  const steadyPeople = await createBookers(server, STEADY_PEOPLE, "steady");

  // The rush: everyone's connection is open (they are on the event page), then all press at once.
  const rushAgent = bookingAgent(RUSH_PEOPLE);
  await openConnections(server.url, rushAgent, RUSH_PEOPLE);
  const rushLoad = await waitForQuietMachine("the rush");
  const rushStart = performance.now();
  const rushReplies = await Promise.all(rushers.map((booker) => book(server.url, rushEvent.slug, booker, rushAgent)));
  const rushMs = performance.now() - rushStart;
  rushAgent.destroy();
  const checks = rushChecks(server.databaseFile, rushEvent.id, RUSH_SEATS, rushers, rushReplies);
  const exact = checks.every(([, ok]) => ok);
  const rushP99 = percentile(rushReplies.map((r) => r.ms), 99);

  // Steady: each connection books, waits for the answer, and books again for the next person.
  const steadyAgent = bookingAgent(CONNECTIONS);
  await openConnections(server.url, steadyAgent, CONNECTIONS);
  const steadyLoad = await waitForQuietMachine("steady booking");
  let next = 0;
  const nextBooker = (): Booker | undefined => steadyPeople[next++];
  const steadyReplies: BookingReply[] = [];
  const steadyStart = performance.now();
  const deadline = steadyStart + STEADY_SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      for (let booker = nextBooker(); booker && performance.now() < deadline; booker = nextBooker()) {
        steadyReplies.push(await book(server.url, steadyEvent.slug, booker, steadyAgent));
      }
    }),
  );
  const steadyMs = performance.now() - steadyStart;
  steadyAgent.destroy();
  const booked = steadyReplies.filter((r) => r.outcome === "confirmed").length;
  const stored = confirmedCount(server.databaseFile, steadyEvent.id);
  const perMinute = (booked / steadyMs) * 60_000;
  const steadyExact = stored === booked && booked === steadyReplies.length;

  console.log(`\nRush: ${RUSH_PEOPLE} people, ${RUSH_SEATS} seats, all at once on open connections\n`);
  printTable(
    ["people", "seats", "first send to last reply ms", "p50 ms", "p99 ms", "exact", "load at start"],
    [[String(RUSH_PEOPLE), String(RUSH_SEATS), ms(rushMs), ms(percentile(rushReplies.map((r) => r.ms), 50)), ms(rushP99), exact ? "yes" : "NO", rushLoad.toFixed(2)]],
  );
  for (const [check, ok] of checks) console.log(`  ${ok ? "ok  " : "FAIL"} ${check}`);
  console.log(`\nSteady: ${CONNECTIONS} connections for ${STEADY_SECONDS} s, a different person each request, one event\n`);
  printTable(
    ["replies", "booked (replies)", "booked (database)", "per minute", "p50 ms", "p99 ms", "exact", "load at start"],
    [[String(steadyReplies.length), String(booked), String(stored), ms(perMinute), ms(percentile(steadyReplies.map((r) => r.ms), 50)), ms(percentile(steadyReplies.map((r) => r.ms), 99)), steadyExact ? "yes" : "NO", steadyLoad.toFixed(2)]],
  );
  if (next >= steadyPeople.length) console.warn(`warning: all ${STEADY_PEOPLE} people booked before the time was up; raise BENCH_STEADY_PEOPLE`);

  const met = (ok: boolean) => (ok ? "met" : "missed");
  console.log(`\nGoals (issue 18, goal 4):`);
  console.log(`  rush drained in under ${RUSH_GOAL_MS} ms: ${ms(rushMs)} ms, ${met(rushMs < RUSH_GOAL_MS)}`);
  console.log(`  rush p99 under ${RUSH_P99_GOAL_MS} ms: ${ms(rushP99)} ms, ${met(rushP99 < RUSH_P99_GOAL_MS)}`);
  console.log(`  steady ≥ ${STEADY_GOAL_PER_MINUTE} accepted a minute: ${ms(perMinute)}, ${met(perMinute >= STEADY_GOAL_PER_MINUTE)}`);
  if (!exact || !steadyExact) {
    console.error("The bookings are not exact: see the checks above.");
    process.exitCode = 1;
  }
} finally {
  await server.stop();
}
