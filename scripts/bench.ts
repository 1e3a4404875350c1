// `npm run bench`: throughput and latency of key pages on the large data set, against a minimal
// reference page served by the same server. Figures are ratios within one run, not absolutes.
import autocannon from "autocannon";
import { startAppServer } from "../tests/support/app-server";

type BenchRoute = { path: string; label?: string };

/** The reference is the smallest real page; each area adds its key pages here. */
export const REFERENCE: BenchRoute = { path: "/status", label: "reference (/status)" };
export const BENCH_ROUTES: BenchRoute[] = [{ path: "/" }, { path: "/login" }];

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);

type Row = { route: string; rps: number; p50: number; p99: number; non2xx: number; errors: number };

async function run(url: string, route: BenchRoute): Promise<Row> {
  // A short warm-up so the first route does not pay for JIT and caches.
  await autocannon({ url: url + route.path, connections: 10, duration: 1 });
  const result = await autocannon({ url: url + route.path, connections: CONNECTIONS, duration: DURATION });
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

console.log("Seeding the large data set and starting the production server…");
const server = await startAppServer({ seed: "large", env: { LOG_LEVEL: "error" } });
try {
  const reference = await run(server.url, REFERENCE);
  const rows = [reference];
  for (const route of BENCH_ROUTES) rows.push(await run(server.url, route));
  console.log(`\nautocannon, ${CONNECTIONS} connections, ${DURATION} s per route, one server process\n`);
  print(rows, reference);
  if (rows.some((r) => r.errors > 0 || r.non2xx > 0)) {
    console.error("Some requests failed: see the non-2xx and errors columns.");
    process.exitCode = 1;
  }
} finally {
  await server.stop();
}
