// `npm run weight`: the bytes each public page transfers on a first visit (empty cache),
// compressed, by type. Fails when a page is over the budget.
import { chromium, type Page } from "@playwright/test";
import { startAppServer } from "../tests/support/app-server";
import { busiestUpcomingDoorPath, busiestUpcomingEventPath } from "./event-sample";
import { demoStepPath, sessionCookieFor } from "./programme-sample";

export const WEIGHT_BUDGET_BYTES = 100 * 1024;
/** Script on the door's check-in page, the scanner's decoder included (ADR 0037); public pages have none. */
export const SCANNER_SCRIPT_BUDGET_BYTES = 60 * 1024;

/** Public pages measured; each area adds its own. */
export const PUBLIC_PAGES = ["/", "/login", "/signup", "/forgot-password", "/events", "/programme", "/join/DEMO2026", "/donate", "/donate/workshop-seats-2027", "/sponsors"];

type Row = { path: string; status: number; requests: number; byType: Record<string, number>; total: number; scriptBudget: number };

const TYPES = ["document", "stylesheet", "script", "image", "font", "other"] as const;

type Cookie = { name: string; value: string };

type Options = {
  /** Measure as a signed-in person (a participant's step page, say). */
  cookie?: Cookie;
  /** What the person does once the page has loaded (start the scanner, say): its requests count too. */
  then?: (page: Page) => Promise<void>;
  /** The most script the page may load: none on public pages. */
  scriptBudget?: number;
};

async function measure(baseUrl: string, paths: string[], { cookie, then, scriptBudget = 0 }: Options = {}): Promise<Row[]> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    // A camera that films a test pattern, allowed without asking: the door page's scanner starts.
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"],
  });
  const rows: Row[] = [];
  try {
    for (const path of paths) {
      const context = await browser.newContext();
      if (cookie) await context.addCookies([{ name: cookie.name, value: cookie.value, url: baseUrl, httpOnly: true, sameSite: "Lax" }]);
      const page = await context.newPage();
      const finished: Promise<[string, number]>[] = [];
      page.on("requestfinished", (request) => {
        finished.push(
          request.sizes().then((sizes) => {
            // A script fetched ahead (rel=prefetch, the scanner's decoder) is still script.
            const type = request.url().endsWith(".js") ? "script" : request.resourceType();
            const bucket = (TYPES as readonly string[]).includes(type) ? type : "other";
            return [bucket, sizes.responseBodySize + sizes.responseHeadersSize];
          }),
        );
      });
      const response = await page.goto(baseUrl + path, { waitUntil: "networkidle" });
      if (then) {
        await then(page);
        await page.waitForLoadState("networkidle");
      }
      const sizes = await Promise.all(finished);
      const byType: Record<string, number> = Object.fromEntries(TYPES.map((t) => [t, 0]));
      for (const [type, bytes] of sizes) byType[type] += bytes;
      rows.push({ path, status: response?.status() ?? 0, requests: sizes.length, byType, total: sizes.reduce((n, [, b]) => n + b, 0), scriptBudget });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return rows;
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

function print(rows: Row[]) {
  const header = ["page", "status", "requests", ...TYPES.map((t) => `${t} KB`), "total KB", "budget", "script budget"];
  const lines = rows.map((r) => [
    r.path,
    String(r.status),
    String(r.requests),
    ...TYPES.map((t) => kb(r.byType[t])),
    kb(r.total),
    r.total <= WEIGHT_BUDGET_BYTES ? "ok" : "OVER",
    `${r.byType.script <= r.scriptBudget ? "ok" : "OVER"} (${kb(r.scriptBudget)})`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  console.log(format(header));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const line of lines) console.log(format(line));
}

const server = await startAppServer({ seed: "demo" });
try {
  // An event page whose address depends on the seeded data.
  const rows = await measure(server.url, [...PUBLIC_PAGES, busiestUpcomingEventPath(server.databaseFile)]);
  // A curriculum step as the demo participant reads it on a phone: signed in, with their answer.
  const participant = await sessionCookieFor(server, "participant@example.org");
  rows.push(...(await measure(server.url, [demoStepPath(server.databaseFile), "/me/programme"], { cookie: participant })));
  // The door's check-in page as a volunteer opens it, then starts the scanner (the decoder loads).
  const volunteer = await sessionCookieFor(server, "door@example.org");
  const scan = async (page: Page) => {
    await page.getByRole("button", { name: "Scan tickets" }).click();
    await page.getByRole("button", { name: "Stop scanning" }).waitFor();
  };
  rows.push(...(await measure(server.url, [busiestUpcomingDoorPath(server.databaseFile)], { cookie: volunteer, then: scan, scriptBudget: SCANNER_SCRIPT_BUDGET_BYTES })));
  print(rows);
  const failures = rows.filter((r) => r.total > WEIGHT_BUDGET_BYTES || r.byType.script > r.scriptBudget || r.status !== 200);
  if (failures.length) {
    console.error(`Over budget or not OK: ${failures.map((r) => r.path).join(", ")} (budget ${kb(WEIGHT_BUDGET_BYTES)} KB)`);
    process.exitCode = 1;
  }
} finally {
  await server.stop();
}
