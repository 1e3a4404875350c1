// `npm run bench:messages`: a message to 5,000 people. How long queuing it takes (one
// transaction; the target is under a second), then the built server's worker draining it to a
// local SMTP sink while autocannon asks for a public page: page latency with and without the
// drain, and how long the drain took. Everything on 127.0.0.1, in a temporary directory.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { startAppServer } from "../tests/support/app-server";
import { startSmtpSink } from "../tests/support/smtp-sink";

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 5_000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const WORKER_MS = process.env.BENCH_WORKER_MS ?? "100";
const PAGE = process.env.BENCH_PAGE ?? "/events";
const DRAIN_LIMIT_MS = 15 * 60_000;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-messages-"));
const databaseFile = path.join(dir, "bench.db");
const sink = await startSmtpSink();
console.log(`Starting the production server (worker every ${WORKER_MS} ms, mail to a local SMTP sink)…`);
const server = await startAppServer({
  databaseFile,
  env: { LOG_LEVEL: "error", SMTP_URL: sink.url, MAIL_FROM: "Bench <no-reply@example.org>", WORKER_INTERVAL_MS: WORKER_MS },
});

// This process writes to the server's database as the console would (the server migrated it).
process.env.DATABASE_URL = databaseFile;
process.env.APP_URL = server.url;
process.env.LOG_LEVEL = "error";
const { db, closeDatabase } = await import("~db/client.server");
const { insertUser } = await import("~/modules/auth/index.server");
const { appendConsents } = await import("~/modules/auth/consents.server");
const { enqueueBroadcast } = await import("~/modules/outbox/index.server");
const { sendOrScheduleBroadcast } = await import("~/modules/admin/index.server");

function time<T>(fn: () => T): { ms: number; value: T } {
  const start = process.hrtime.bigint();
  const value = fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

const recipients: { userId: string; email: string; name: string }[] = [];
const organiser = db.transaction(
  (tx) => {
    const now = Date.now();
    for (let i = 1; i <= PEOPLE; i++) {
      const email = `bench-person${i}@example.org`;
      const userId = insertUser(tx, { email, name: `Person ${i}`, passwordHash: "not-a-real-hash", roles: ["participant"] });
      appendConsents(tx, { userId, entries: [{ purpose: "news", granted: true }], source: "signup", now });
      recipients.push({ userId, email, name: `Person ${i}` });
    }
    return insertUser(tx, { email: "bench-organiser@example.org", name: "Organiser", passwordHash: "not-a-real-hash", roles: ["organiser"] });
  },
  { behavior: "immediate" },
);

const message = { subject: "New workshops this month", body: "Three new workshops are open for booking. Seats go fast.", link: "/events" };

// The queuing alone, rolled back so only the real send below is drained.
class RollBack extends Error {}
let enqueueMs = 0;
try {
  db.transaction(
    (tx) => {
      const queued = time(() => enqueueBroadcast(tx, { broadcastId: "bench-dry-run", recipients, ...message }));
      enqueueMs = queued.ms;
      if (queued.value !== PEOPLE) throw new Error(`queued ${queued.value} of ${PEOPLE}`);
      throw new RollBack();
    },
    { behavior: "immediate" },
  );
} catch (error) {
  if (!(error instanceof RollBack)) throw error;
}

const pending = new Database(databaseFile, { readonly: true });
const count = (status: string, broadcastId: string) =>
  (pending.prepare("select count(*) as n from outbox where broadcast_id = ? and status = ?").get(broadcastId, status) as { n: number }).n;

async function pageLoad(label: string) {
  const result = await autocannon({ url: server.url + PAGE, connections: CONNECTIONS, duration: DURATION });
  return { label, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, failed: result.non2xx + result.errors };
}

try {
  await autocannon({ url: server.url + PAGE, connections: 5, duration: 1 });
  const idle = await pageLoad("worker idle");

  // The real thing: the group worked out (everyone who agreed to news), the message and every person's copy in one transaction.
  const sent = time(() => sendOrScheduleBroadcast({ actorId: organiser, audience: { kind: "news" }, message, sendAtLocal: null }));
  if (!sent.value.ok) throw new Error(sent.value.message);
  const { broadcastId } = sent.value;
  const drainStart = Date.now();
  let drainedAt: number | null = null;
  const poll = setInterval(() => {
    if (drainedAt === null && count("pending", broadcastId) === 0) drainedAt = Date.now();
  }, 200);
  const busy = await pageLoad(`worker draining ${PEOPLE.toLocaleString("en-GB")} messages`);
  const pendingAfterLoad = count("pending", broadcastId);
  while (drainedAt === null && Date.now() - drainStart < DRAIN_LIMIT_MS) await new Promise((resolve) => setTimeout(resolve, 200));
  clearInterval(poll);

  const delivered = count("sent", broadcastId);
  console.log(`\n${PEOPLE.toLocaleString("en-GB")} people, one server process, autocannon ${CONNECTIONS} connections × ${DURATION} s on ${PAGE}\n`);
  console.log(`queue one message to all (enqueueBroadcast, one transaction):       ${enqueueMs.toFixed(0)} ms`);
  console.log(`send now end to end (resolve the group, the message, every copy):  ${sent.ms.toFixed(0)} ms`);
  console.log("\n| page load | req/s | p50 ms | p99 ms | failed |");
  console.log("|---|---|---|---|---|");
  for (const row of [idle, busy]) console.log(`| ${row.label} | ${row.rps.toFixed(0)} | ${row.p50} | ${row.p99} | ${row.failed} |`);
  if (drainedAt === null) console.log(`\ndrain: not finished within ${DRAIN_LIMIT_MS / 60_000} minutes (${delivered} sent)`);
  else {
    const seconds = (drainedAt - drainStart) / 1000;
    console.log(`\ndrain: ${delivered.toLocaleString("en-GB")} sent in ${seconds.toFixed(1)} s (${(delivered / seconds).toFixed(0)} messages/s; ${pendingAfterLoad} still waiting when the page load ended), ${sink.messages.length} received by the SMTP sink`);
  }
  const ok = enqueueMs < 1000 && drainedAt !== null && delivered === PEOPLE && idle.failed === 0 && busy.failed === 0;
  if (!ok) {
    console.error("\nSomething missed: queuing took a second or more, the drain did not finish, or requests failed.");
    process.exitCode = 1;
  }
} finally {
  pending.close();
  closeDatabase();
  await server.stop();
  await sink.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
