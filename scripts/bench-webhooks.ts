// `npm run bench:webhooks`: how many signed Stripe and Paystack events per second the built
// server verifies and applies, and the p99 latency. Each event pays a different pending card gift
// (a real write: the gift, its receipt number and the receipt email in the outbox), then every
// tenth request replays an event already applied, as the providers' retries do.
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { signEvent, stripeEvent, TEST_WEBHOOK_SECRET, type StripeEventBody } from "../tests/support/stripe-events";
import { startAppServer } from "../tests/support/app-server";
import { PAYSTACK_TEST_KEY } from "../tests/support/paystack-stand-in";
import { preparePaystackGifts, signedChargeSuccess } from "./bench-webhooks-paystack";

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const GIFTS = Number(process.env.BENCH_GIFTS ?? 40_000);

function prepareGifts(databaseFile: string): string[] {
  const sqlite = new Database(databaseFile);
  sqlite.pragma("busy_timeout = 5000");
  const now = Date.now();
  const sessions: string[] = [];
  sqlite.transaction(() => {
    sqlite
      .prepare(
        `insert into campaigns (id, slug, title, goal_amount, currency, min_amount, max_amount, status, created_at, updated_at)
         values ('bench', 'bench-webhooks', 'Webhook bench', 100000000, 'NGN', 100, 100000000, 'open', ?, ?)`,
      )
      .run(now, now);
    const insert = sqlite.prepare(
      `insert into donations (id, campaign_id, amount, currency, interval, method, status, donor_name, donor_email, recognition, checkout_session_id, created_at, updated_at)
       values (?, 'bench', 500000, 'NGN', 'one_off', 'card', 'pending', 'Bench Donor', ?, 'named', ?, ?, ?)`,
    );
    for (let i = 0; i < GIFTS; i += 1) {
      const session = `cs_bench_${i}`;
      insert.run(`bench-${i}`, `donor-${i}@example.org`, session, now, now);
      sessions.push(session);
    }
  })();
  sqlite.close();
  return sessions;
}

function completedEvent(session: string, index: number): StripeEventBody {
  return stripeEvent("checkout.session.completed", {
    id: session,
    object: "checkout.session",
    mode: "payment",
    status: "complete",
    payment_status: "paid",
    payment_intent: `pi_bench_${index}`,
    customer: null,
    subscription: null,
    invoice: null,
    amount_total: 500000,
    currency: "ngn",
    metadata: { donation_id: `bench-${index}` },
    client_reference_id: `bench-${index}`,
  });
}

function counts(databaseFile: string) {
  const sqlite = new Database(databaseFile, { readonly: true });
  const count = (query: string) => (sqlite.prepare(query).get() as { n: number }).n;
  try {
    // One read transaction: a request still finishing when autocannon stops cannot fall between the counts.
    return sqlite.transaction(() => ({
      paid: count("select count(*) as n from donations where status = 'paid'"),
      receipts: count("select count(distinct receipt_number) as n from donations where receipt_number is not null"),
      emails: count("select count(*) as n from outbox where template = 'donation-receipt'"),
      stripeEvents: count("select count(*) as n from stripe_events"),
      paystackEvents: count("select count(*) as n from provider_events where provider = 'paystack'"),
    }))();
  } finally {
    sqlite.close();
  }
}

type Delivery = { body: string; headers: Record<string, string> };

/** One autocannon run at a webhook: a fresh event for the next gift, or (every tenth) a replay of one applied. */
async function deliver(url: string, fresh: (index: number) => Delivery, gifts: number) {
  let next = 0;
  const applied: Delivery[] = [];
  return autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION,
    requests: [
      {
        method: "POST",
        setupRequest: (request) => {
          const replay = applied.length > 0 && next % 10 === 9;
          let delivery: Delivery;
          if (replay) delivery = applied[Math.floor(Math.random() * applied.length)];
          else {
            delivery = fresh(next % gifts);
            applied.push(delivery);
          }
          next += 1;
          return { ...request, body: delivery.body, headers: delivery.headers };
        },
      },
    ],
  });
}

function report(name: string, result: autocannon.Result, reference: autocannon.Result) {
  console.log(`${name}`);
  console.log(`  events/s:   ${result.requests.average.toFixed(0)} (÷ reference: ${(result.requests.average / reference.requests.average).toFixed(2)})`);
  console.log(`  latency:    p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`);
  console.log(`  requests:   ${result.requests.total} (non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts})`);
}

console.log("Starting the production server…");
// The outbox worker renders the receipts in the same process; BENCH_WORKER_MS=3600000 leaves it out.
const workerMs = process.env.BENCH_WORKER_MS ?? "2000";
const server = await startAppServer({
  env: {
    LOG_LEVEL: "error",
    STRIPE_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET,
    // Webhooks never call Paystack's API: the address is a closed loopback port, as a test key allows.
    PAYSTACK_SECRET_KEY: PAYSTACK_TEST_KEY,
    PAYSTACK_API_URL: "http://127.0.0.1:9",
    WORKER_INTERVAL_MS: workerMs,
  },
});
try {
  // The smallest real page of the same server, for a ratio that holds on a busy machine.
  const reference = await autocannon({ url: `${server.url}/status`, connections: CONNECTIONS, duration: DURATION });
  const sessions = prepareGifts(server.databaseFile);
  const references = preparePaystackGifts(server.databaseFile, GIFTS);
  const stripe = await deliver(
    `${server.url}/webhooks/stripe`,
    (index) => {
      const { payload, header } = signEvent(completedEvent(sessions[index], index));
      return { body: payload, headers: { "content-type": "application/json", "stripe-signature": header } };
    },
    sessions.length,
  );
  const paystack = await deliver(`${server.url}/webhooks/paystack`, (index) => signedChargeSuccess(references[index], index), references.length);
  // autocannon stops at the deadline without waiting for answers still on their way.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const after = counts(server.databaseFile);
  const failed = [stripe, paystack].some((result) => result.non2xx !== 0 || result.errors !== 0);
  const ok = !failed && after.paid === after.receipts && after.emails === after.paid && after.stripeEvents + after.paystackEvents === after.paid;
  console.log(`\nautocannon, ${CONNECTIONS} connections, ${DURATION} s each, one server process, ${GIFTS} pending gifts per provider, outbox worker every ${workerMs} ms\n`);
  console.log(`reference:  /status ${reference.requests.average.toFixed(0)} req/s, p99 ${reference.latency.p99} ms`);
  report("Stripe (checkout.session.completed)", stripe, reference);
  report("Paystack (charge.success)", paystack, reference);
  console.log(`applied:    ${after.stripeEvents} Stripe and ${after.paystackEvents} Paystack events stored, ${after.paid} gifts paid, ${after.receipts} receipt numbers, ${after.emails} receipt emails`);
  if (!ok) {
    console.error("Something went wrong: failed requests, or events, gifts, receipts and emails do not match one to one.");
    process.exitCode = 1;
  }
} finally {
  await server.stop();
}
