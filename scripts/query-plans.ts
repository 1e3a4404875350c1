// `npm run bench:plans [-- --scale 10]`: visits every page a visitor, a participant, a mentor, a
// sponsor and an organiser can reach by following links on the large data set, records each SQL
// statement the server runs (bench/trace-statements.mjs), and asks SQLite how it reads each one.
// It lists every statement that reads a large table from end to end (ADR 0055): the speed issue's
// "no request reads a table whole". Paged reads along an index (a LIMIT) and exports (.csv, whole by
// design) are listed apart. It fails when any other statement scans a large table.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { startAppServer } from "../tests/support/app-server";
import { printTable } from "../bench/table";
import { seededDatabase } from "./bench-database";
import { sessionCookieFor } from "./programme-sample";

const scaleAt = process.argv.indexOf("--scale");
const SCALE = scaleAt > 0 ? Number(process.argv[scaleAt + 1]) : 1;
/** A table with at least this many rows per 1× of data is large. */
const LARGE_ROWS = 2_000 * SCALE;
const PAGES_PER_ROLE = 400;
/** Pages of one shape (the same route with other ids or another page number) visited per role. */
const PER_SHAPE = 2;

const ROLES: { role: string; email: string | null; start: string[] }[] = [
  { role: "visitor", email: null, start: ["/", "/events", "/events?when=past", "/programme", "/donate", "/sponsors", "/mentors", "/login"] },
  { role: "participant", email: "participant@example.org", start: ["/me", "/mentors", "/programme", "/events"] },
  { role: "mentor", email: "mentor@example.org", start: ["/me", "/me/mentoring"] },
  { role: "sponsor", email: "sponsor@example.org", start: ["/me", "/me/giving", "/me/giving/impact"] },
  { role: "organiser", email: "organiser@example.org", start: ["/admin"] },
];
// Links that change something when followed, leave the app, or only repeat what another visit reads.
const NOT_FOLLOWED = /logout|\/s\/|\.png|\.ics|\/calendar\/|unsubscribe|\/door\/|\/assets\//;

type Traced = { sql: string; values: unknown[] | Record<string, unknown> | null; page: string };

const shapeOf = (pagePath: string) =>
  pagePath
    .replace(/\?.*$/, "")
    .split("/")
    .map((part) => (/[0-9]/.test(part) && part.length > 6 ? ":id" : part))
    .join("/");

async function crawl(url: string, databaseFile: string, traceFile: string): Promise<Traced[]> {
  const traced: Traced[] = [];
  let read = 0;
  const newStatements = (page: string) => {
    const text = fs.existsSync(traceFile) ? fs.readFileSync(traceFile, "utf8") : "";
    for (const line of text.slice(read).split("\n").filter(Boolean)) traced.push({ ...(JSON.parse(line) as Omit<Traced, "page">), page });
    read = text.length;
  };
  for (const { role, email, start } of ROLES) {
    const cookie = email ? (await sessionCookieFor({ url, databaseFile }, email)).header : "";
    newStatements(`${role}: signing in`);
    const visits = new Map<string, number>();
    const seen = new Set<string>();
    const queue = [...start];
    let pages = 0;
    while (queue.length && pages < PAGES_PER_ROLE) {
      const pagePath = queue.shift()!;
      const shape = shapeOf(pagePath);
      if (seen.has(pagePath) || (visits.get(shape) ?? 0) >= PER_SHAPE) continue;
      seen.add(pagePath);
      visits.set(shape, (visits.get(shape) ?? 0) + 1);
      pages += 1;
      const response = await fetch(url + pagePath, { headers: cookie ? { cookie } : {}, redirect: "manual" });
      const body = await response.text();
      newStatements(`${role} ${pagePath}`);
      if (!(response.headers.get("content-type") ?? "").includes("text/html")) continue;
      for (const [, href] of body.matchAll(/href="(\/[^"#]*)"/g)) {
        const next = href!.replaceAll("&amp;", "&");
        if (!NOT_FOLLOWED.test(next) && !seen.has(next)) queue.push(next);
      }
    }
    console.log(`${role}: ${pages} pages`);
  }
  return traced;
}

type Finding = { page: string; reads: string; sql: string; kind: "scan" | "paged" | "export" };

function findScans(databaseFile: string, traced: Traced[]): Finding[] {
  const db = new Database(databaseFile, { readonly: true });
  const tables = new Map<string, number>();
  for (const name of db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'").pluck().all() as string[]) {
    tables.set(name, db.prepare(`select count(*) from "${name}"`).pluck().get() as number);
  }
  const indexTable = new Map(db.prepare("select name, tbl_name from sqlite_master where type = 'index'").raw().all() as [string, string][]);
  // A partial index holds only the rows its WHERE picks (the young people waiting for consent, say).
  const partial = new Set(db.prepare("select name from sqlite_master where type = 'index' and sql like '% WHERE %'").pluck().all() as string[]);
  const findings: Finding[] = [];
  for (const { sql, values, page } of traced) {
    if (!/^\s*(select|with)\b/i.test(sql)) continue;
    const aliases = new Map<string, string>();
    for (const [, table, alias] of sql.matchAll(/\b(?:from|join)\s+"?(\w+)"?(?:\s+(?:as\s+)?"?(\w+)"?)?/gi)) {
      aliases.set(table!, table!);
      if (alias && !/^(where|on|inner|left|cross|join|group|order|limit|union|as)$/i.test(alias)) aliases.set(alias, table!);
    }
    let plan: string[];
    try {
      const explain = db.prepare(`explain query plan ${sql}`);
      plan = (values === null ? explain.all(...Array((sql.match(/\?/g) ?? []).length).fill(null)) : explain.all(values as never)).map((row) => (row as { detail: string }).detail);
    } catch {
      continue;
    }
    for (const step of plan) {
      const match = /^SCAN (\w+)(?: USING (?:COVERING )?INDEX (\w+))?/.exec(step);
      if (!match || (match[2] && partial.has(match[2]))) continue;
      const table = (match[2] && indexTable.get(match[2])) ?? aliases.get(match[1]!) ?? match[1]!;
      if ((tables.get(table) ?? 0) < LARGE_ROWS) continue;
      const kind = /\.csv(\?|$)/.test(page) ? "export" : match[2] && /\blimit\b/i.test(sql) ? "paged" : "scan";
      findings.push({ page, reads: `${table} (${tables.get(table)!.toLocaleString("en-GB")} rows): ${step}`, sql: sql.replace(/\s+/g, " ").slice(0, 160), kind });
    }
  }
  db.close();
  return findings;
}

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "steppingstone-plans-"));
const traceFile = path.join(workDir, "statements.jsonl");
console.log(`Seeding the large data set${SCALE > 1 ? ` times ${SCALE}` : ""} and starting the production server…`);
const server = await startAppServer({
  ...seededDatabase(process.env.BENCH_DATABASE_COPY, SCALE),
  env: { LOG_LEVEL: "error", NODE_OPTIONS: `--import ${path.resolve("bench/trace-statements.mjs")}`, TRACE_STATEMENTS_FILE: traceFile },
});
let traced: Traced[];
try {
  traced = await crawl(server.url, server.databaseFile, traceFile);
} finally {
  await server.stop();
  fs.rmSync(workDir, { recursive: true, force: true });
}
const findings = findScans(server.databaseFile, traced);
console.log(`\n${traced.length} distinct statements; large tables hold ${LARGE_ROWS.toLocaleString("en-GB")} rows or more.`);
for (const kind of ["export", "paged", "scan"] as const) {
  const rows = findings.filter((finding) => finding.kind === kind);
  const title = { export: "Exports (whole by design)", paged: "Paged reads along an index (LIMIT)", scan: "Statements that read a large table whole" }[kind];
  console.log(`\n${title}: ${rows.length}`);
  if (rows.length) printTable(["first run by", "reads", "statement"], rows.map((row) => [row.page, row.reads, row.sql]));
}
if (findings.some((finding) => finding.kind === "scan")) process.exitCode = 1;
