// `npm run bench`: throughput and latency of key pages on the large data set, against a minimal
// reference page served by the same server. Figures are ratios within one run, not absolutes.
import autocannon from "autocannon";
import { startAppServer } from "../tests/support/app-server";
import { busiestUpcomingEventPath } from "./event-sample";
import { largestCohortPath, sessionCookieFor } from "./programme-sample";
import { publishedImpactYearPath } from "./impact-sample";

/** `headers`: sent with every request (a session cookie for pages behind a log-in). */
type BenchRoute = { path: string; label?: string; headers?: Record<string, string> };

/** The reference is the smallest real page; each area adds its key pages here. */
export const REFERENCE: BenchRoute = { path: "/status", label: "reference (/status)" };
export const BENCH_ROUTES: BenchRoute[] = [{ path: "/" }, { path: "/login" }, { path: "/events" }, { path: "/donate/workshop-seats-2027", label: "/donate/workshop-seats-2027 (5,000 gifts)" }];

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);

type Row = { route: string; rps: number; p50: number; p99: number; non2xx: number; errors: number };

async function run(url: string, route: BenchRoute): Promise<Row> {
  // A short warm-up on one connection, so the first route does not pay for JIT and caches, and a
  // slow page's measured run does not start behind a backlog of warm-up requests.
  await autocannon({ url: url + route.path, headers: route.headers, connections: 1, duration: 1 });
  const result = await autocannon({ url: url + route.path, headers: route.headers, connections: CONNECTIONS, duration: DURATION });
  return {
    route: route.label ?? route.path,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

function print(rows: Row[], reference: Row) {
  const header = ["route", "req/s", "p50 ms", "p99 ms", "vs reference", "non-2xx", "errors"];
  const lines = rows.map((r) => [
    r.route,
    r.rps.toFixed(0),
    String(r.p50),
    String(r.p99),
    `${(r.rps / reference.rps).toFixed(2)}x`,
    String(r.non2xx),
    String(r.errors),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  console.log(format(header));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const line of lines) console.log(format(line));
}

// `npm run bench -- --scale 4`: the large data set times four (20,000 participants over two years).
const scaleAt = process.argv.indexOf("--scale");
const SCALE = scaleAt > 0 ? Number(process.argv[scaleAt + 1]) : 1;
console.log(`Seeding the large data set${SCALE > 1 ? ` times ${SCALE}` : ""} and starting the production server…`);
const server = await startAppServer({ seed: "large", scale: SCALE, env: { LOG_LEVEL: "error" } });
try {
  const reference = await run(server.url, REFERENCE);
  const rows = [reference];
  // An event page whose address depends on the seeded data: the busiest upcoming one.
  const eventPage = busiestUpcomingEventPath(server.databaseFile);
  // The organisers' dashboard of a 50-member cohort (15 steps, 20 cohorts in the database), signed in.
  const organiser = await sessionCookieFor(server, "organiser@example.org");
  const cohortPage = largestCohortPath(server.databaseFile);
  // The mentors list as the demo participant sees it: every approved mentor scored against their profile.
  const participant = await sessionCookieFor(server, "participant@example.org");
  // This year's public impact page: every figure of the year counted on the whole data set (ADR 0041).
  const impactYear = await publishedImpactYearPath(server);
  const routes = [
    ...BENCH_ROUTES,
    { path: eventPage, label: `${eventPage} (busiest upcoming event)` },
    { path: "/programme" },
    { path: cohortPage, label: "/admin/cohorts/:id (50 members × 15 steps, organiser)", headers: { cookie: organiser.header } },
    { path: `${cohortPage}.data`, label: "/admin/cohorts/:id.data (the same, data request)", headers: { cookie: organiser.header } },
    { path: "/admin?period=year", label: "/admin?period=year (the dashboard's charts for a year, organiser)", headers: { cookie: organiser.header } },
    { path: "/admin/journey?period=year", label: "/admin/journey?period=year (the funnel and its medians, organiser)", headers: { cookie: organiser.header } },
    { path: "/mentors", label: "/mentors (106 approved mentors scored for the participant)", headers: { cookie: participant.header } },
    { path: impactYear, label: `${impactYear} (the annual impact report, public)` },
  ];
  for (const route of routes) rows.push(await run(server.url, route));
  console.log(`\nautocannon, ${CONNECTIONS} connections, ${DURATION} s per route, one server process\n`);
  print(rows, reference);
  if (rows.some((r) => r.errors > 0 || r.non2xx > 0)) {
    console.error("Some requests failed: see the non-2xx and errors columns.");
    process.exitCode = 1;
  }
} finally {
  await server.stop();
}
