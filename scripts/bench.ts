// `npm run bench`: throughput and latency of key pages on the large data set, beside two references
// measured in the same run on the same machine: a minimal React Router app with one route on
// Express (the framework's floor) and bare node:http (the machine's ceiling). The goals are ratios
// to the first reference (issue 18); absolute figures are context only. See docs/benchmarks.md.
import autocannon from "autocannon";
import { startAppServer } from "../tests/support/app-server";
import { buildReferenceApp, removeReferenceBuild, startBareHttp, startReferenceApp } from "../bench/reference-servers";
import { peakRssMiB, restartPeakRss, waitForQuietMachine } from "../bench/quiet-machine";
import { printTable } from "../bench/table";
import { busiestUpcomingDoorPath, busiestUpcomingEventPath } from "./event-sample";
import { largestCohortPath, sessionCookieFor } from "./programme-sample";
import { publishedImpactYearPath } from "./impact-sample";
import { seededDatabase } from "./bench-database";

/** `headers`: sent with every request (a session cookie for pages behind a log-in). */
type BenchRoute = { path: string; label?: string; headers?: Record<string, string> };

/** The app's smallest real page: the floor goal is measured on it. */
export const SMALLEST: BenchRoute = { path: "/status", label: "/status (the app's smallest page)" };
export const BENCH_ROUTES: BenchRoute[] = [{ path: "/" }, { path: "/login" }, { path: "/events" }, { path: "/donate/workshop-seats-2027", label: "/donate/workshop-seats-2027 (5,000 gifts)" }];

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
// Issue 18's goals.
const FLOOR_RATIO = 0.7;
const PAGE_RATIO = 0.5;
const PAGE_P99_MS = 500;

/** `peak`: the app server's highest resident memory during the row, in MiB, where it can be read. */
type Row = { route: string; rps: number; p50: number; p99: number; non2xx: number; errors: number; load: number; peak?: number | null };

/** What a browser's address bar asks for; data requests (`.data`, `.json`) ask for anything. */
const BROWSER_PAGE = { accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" };

async function run(url: string, route: BenchRoute, serverPid?: number): Promise<Row> {
  const label = route.label ?? route.path;
  const load = await waitForQuietMachine(label);
  const peakPerRow = serverPid !== undefined && restartPeakRss(serverPid);
  const headers = /\.(data|json)$/.test(route.path) ? route.headers : { ...BROWSER_PAGE, ...route.headers };
  // A short warm-up on one connection, so the first route does not pay for JIT and caches, and a
  // slow page's measured run does not start behind a backlog of warm-up requests.
  await autocannon({ url: url + route.path, headers, connections: 1, duration: 1 });
  const result = await autocannon({ url: url + route.path, headers, connections: CONNECTIONS, duration: DURATION });
  const peak = peakPerRow ? peakRssMiB(serverPid) : undefined;
  return { route: label, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors, load, peak };
}

const ratio = (row: Row, to: Row) => `${(row.rps / to.rps).toFixed(2)}x`;

function print(rows: Row[], framework: Row, bare: Row) {
  const header = ["page", "req/s", "p50 ms", "p99 ms", "vs React Router", "vs node:http", "non-2xx", "errors", "load at start", "peak RSS MiB"];
  printTable(
    header,
    rows.map((r) => [r.route, r.rps.toFixed(0), String(r.p50), String(r.p99), ratio(r, framework), ratio(r, bare), String(r.non2xx), String(r.errors), r.load.toFixed(2), r.peak ? r.peak.toFixed(0) : "–"]),
  );
}

/** Issue 18's goals 1 and 2 for the app's rows: which are met, and which rows miss. */
function printGoals(pages: Row[], smallest: Row, framework: Row) {
  const floor = smallest.rps / framework.rps;
  console.log(`\nGoal 1, the floor: ${smallest.route} at ${floor.toFixed(2)}x the React Router app (goal ≥ ${FLOOR_RATIO}x): ${floor >= FLOOR_RATIO ? "met" : "missed"}`);
  const misses = pages.filter((r) => r.rps / framework.rps < PAGE_RATIO || r.p99 >= PAGE_P99_MS);
  console.log(`Goal 2, every key page ≥ ${PAGE_RATIO}x and p99 < ${PAGE_P99_MS} ms: ${misses.length ? `missed by ${misses.length} of ${pages.length}` : "met"}`);
  for (const r of misses) {
    const why = [r.rps / framework.rps < PAGE_RATIO ? `${ratio(r, framework)}` : "", r.p99 >= PAGE_P99_MS ? `p99 ${r.p99} ms` : ""].filter(Boolean).join(", ");
    console.log(`  - ${r.route}: ${why}`);
  }
}

// `npm run bench -- --scale 10`: the large data set times ten (50,000 participants); goal 3 compares
// each page's req/s in that run's table with the 1× run's (within 25 %).
const scaleAt = process.argv.indexOf("--scale");
const SCALE = scaleAt > 0 ? Number(process.argv[scaleAt + 1]) : 1;
// `BENCH_ONLY=admin,/donate`: only the pages whose label contains one of these (the references always run).
const ONLY = process.env.BENCH_ONLY?.split(",").filter(Boolean);
const serverEnv = { LOG_LEVEL: "error", ...(process.env.BENCH_SERVER_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS } : {}) };
console.log(`Seeding the large data set${SCALE > 1 ? ` times ${SCALE}` : ""} and starting the production server…`);
const server = await startAppServer({ ...seededDatabase(process.env.BENCH_DATABASE_COPY, SCALE), env: serverEnv });
console.log("Building the minimal React Router app…");
buildReferenceApp();
const framework = await startReferenceApp();
const bare = await startBareHttp();
try {
  const frameworkRow = await run(framework.url, { path: "/", label: "reference: React Router, one route, Express" });
  const bareRow = await run(bare.url, { path: "/", label: "reference: bare node:http" });
  await framework.stop();
  await bare.stop();
  // Addresses that depend on the seeded data: the busiest upcoming event, the largest cohort.
  const eventPage = busiestUpcomingEventPath(server.databaseFile);
  const doorList = `${busiestUpcomingDoorPath(server.databaseFile)}/list.json`;
  const cohortPage = largestCohortPath(server.databaseFile);
  // Signed in as someone who has just typed their second-factor code, as organisers in the console have.
  const organiser = { cookie: (await sessionCookieFor(server, "organiser@example.org")).header };
  const participant = { cookie: (await sessionCookieFor(server, "participant@example.org")).header };
  // This year's public impact page: every figure of the year counted on the whole data set (ADR 0041).
  const impactYear = await publishedImpactYearPath(server);
  const routes: BenchRoute[] = [
    SMALLEST,
    ...BENCH_ROUTES,
    { path: eventPage, label: `${eventPage} (busiest upcoming event)` },
    { path: "/programme" },
    { path: "/me", label: "/me (participant)", headers: participant },
    { path: "/mentors", label: "/mentors (106 approved mentors scored for the participant)", headers: participant },
    { path: cohortPage, label: "/admin/cohorts/:id (50 members × 15 steps, organiser)", headers: organiser },
    { path: `${cohortPage}.data`, label: "/admin/cohorts/:id.data (the same, data request)", headers: organiser },
    { path: "/admin?period=year", label: "/admin?period=year (the dashboard's charts for a year, organiser)", headers: organiser },
    { path: "/admin/journey?period=year", label: "/admin/journey?period=year (the funnel and its medians, organiser)", headers: organiser },
    { path: "/admin/donations", label: "/admin/donations (organiser)", headers: organiser },
    { path: doorList, label: "/door/:eventId/list.json (busiest upcoming event's door list, organiser)", headers: organiser },
    { path: impactYear, label: `${impactYear} (the annual impact report, public)` },
  ];
  // Before any row restarts it: the peak of starting and seeding the samples.
  const startPeak = peakRssMiB(server.pid);
  const pages: Row[] = [];
  for (const route of routes.filter((r) => !ONLY || ONLY.some((text) => (r.label ?? r.path).includes(text)))) pages.push(await run(server.url, route, server.pid));
  const rowPeaks = pages.map((r) => r.peak ?? null);
  const peak = rowPeaks.every((p) => p !== null) ? Math.max(startPeak ?? 0, ...(rowPeaks as number[])) : peakRssMiB(server.pid);

  console.log(`\nautocannon, ${CONNECTIONS} connections, ${DURATION} s per page, one server process; large data set${SCALE > 1 ? ` × ${SCALE}` : ""}\n`);
  print([frameworkRow, bareRow, ...pages], frameworkRow, bareRow);
  if (!ONLY) printGoals(pages, pages[0]!, frameworkRow);
  console.log(`\nCold start on this data set (spawn to first healthy /healthz): ${server.startedInMs.toFixed(0)} ms (goal ≤ 1,000 ms)`);
  console.log(`Peak RSS of the app server over the run (VmHWM): ${peak === null ? "unknown (no /proc)" : `${peak.toFixed(0)} MiB`} (goal ≤ 256 MiB)`);
  if ([frameworkRow, bareRow, ...pages].some((r) => r.errors > 0 || r.non2xx > 0)) {
    console.error("Some requests failed: see the non-2xx and errors columns.");
    process.exitCode = 1;
  }
} finally {
  await Promise.all([framework.stop(), bare.stop()]);
  removeReferenceBuild();
  await server.stop();
}
