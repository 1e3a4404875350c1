import fs from "node:fs";
import path from "node:path";
import axe from "axe-core";
import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";
import type { Role } from "~db/schema";

export type MailMessage = {
  to: string[];
  from: string;
  subject: string;
  messageId: string;
  text: string;
  html: string;
  headers: Record<string, string>;
};

export type TestAccount = { id: string; email: string; name: string; password: string; roles: Role[] };

let sequence = 0;

/** A unique address per call, so parallel tests never meet. */
export function uniqueEmail(label = "person"): string {
  sequence += 1;
  return `${label}-${process.pid}-${Date.now().toString(36)}-${sequence}@example.org`;
}

function readMailbox(): MailMessage[] {
  const dir = process.env.E2E_MAIL_DIR!;
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => JSON.parse(fs.readFileSync(path.join(dir, name), "utf8")) as MailMessage);
}

export const mailbox = {
  all: readMailbox,
  /** Waits for a message to `to` whose subject matches, as really received over SMTP. */
  async waitFor(to: string, subject: RegExp, timeoutMs = 15_000): Promise<MailMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = readMailbox().find(
        (m) => m.to.some((address) => address.toLowerCase().includes(to.toLowerCase())) && subject.test(m.subject),
      );
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`No email to ${to} matching ${subject} within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  },
  /** The first link in the message's text that points into the app at `pathPrefix`. */
  link(message: MailMessage, pathPrefix: string): string {
    const base = process.env.E2E_BASE_URL!;
    const links = message.text.match(/https?:\/\/[^\s<>")\]]+/g) ?? [];
    const link = links.find((l) => l.startsWith(base + pathPrefix));
    if (!link) throw new Error(`No ${pathPrefix} link in: ${message.text}`);
    return link;
  },
};

/** Creates an account straight in the database, as the app itself would. */
export async function createAccount(options: { roles?: Role[]; verified?: boolean; name?: string } = {}): Promise<TestAccount> {
  const { db } = await import("~db/client.server");
  const { hashPassword } = await import("~/modules/auth/password.server");
  const { insertUser } = await import("~/modules/auth/users.server");
  const roles = options.roles ?? ["participant"];
  const email = uniqueEmail(roles[0]);
  const password = `pw-${Math.random().toString(36).slice(2)}-long`;
  const name = options.name ?? `Test ${roles[0]}`;
  const passwordHash = await hashPassword(password);
  const id = db.transaction((tx) => insertUser(tx, { email, name, passwordHash, roles, emailVerified: options.verified ?? true }));
  return { id, email, name, password, roles };
}

/**
 * Signs the browser context in by creating a real session, as a complete log-in would: one that
 * passed the password and a second factor just now (organisers need one for the console).
 */
export async function signIn(context: BrowserContext, account: Pick<TestAccount, "id">) {
  const { createSession } = await import("~/modules/auth/session.server");
  const { cookie } = createSession(account.id, "Playwright", { secondFactorAt: Date.now() });
  const [pair] = cookie.split(";");
  const index = pair.indexOf("=");
  await context.addCookies([
    {
      name: pair.slice(0, index),
      value: decodeURIComponent(pair.slice(index + 1)),
      url: process.env.E2E_BASE_URL!,
      httpOnly: true,
      sameSite: "Lax",
    },
  ]);
}

// axe-core is put into each page once, in its top frame, and runs there. The only frame a page
// has is an email preview sandboxed without scripts, which cannot take axe's script (trying stalls
// the run): it is left out. AxeBuilder sent the script again for every check, which took much of
// the end-to-end run.
async function withAxe(page: Page) {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axe.source);
}

/** The page's serious and critical accessibility violations, as "rule: help (where)". */
export async function seriousViolations(page: Page): Promise<string[]> {
  await withAxe(page);
  return page.evaluate(async (exclude) => {
    // Only violations are reported in full: every rule still runs, and the passes are not detailed.
    const results = await (window as unknown as { axe: typeof axe }).axe.run({ exclude }, { iframes: false, resultTypes: ["violations"] });
    return results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  }, ["iframe[sandbox]:not([sandbox~='allow-scripts'])"]);
}

/** Serious and critical accessibility violations fail the test. */
export async function expectAccessible(page: Page) {
  expect(await seriousViolations(page), `accessibility violations on ${page.url()}`).toEqual([]);
}

/**
 * Collects the page's console errors and uncaught exceptions. Chromium also logs "Failed to load
 * resource" for a document served with an error status, and sometimes for a page it could not
 * reach at all (offline); a test opening a 404, posting a form that answers 400 or opening a page
 * offline checks that outcome itself, so that line is left out for the page's own documents
 * (never for scripts, styles or other assets).
 */
export function watchConsole(page: Page): () => string[] {
  const errors: { text: string; url: string }[] = [];
  const failedDocuments = new Set<string>();
  page.on("console", (message) => {
    if (message.type() === "error") errors.push({ text: message.text(), url: message.location().url });
  });
  page.on("pageerror", (error) => errors.push({ text: error.message, url: "" }));
  page.on("response", (response) => {
    const request = response.request();
    if (response.status() >= 400 && request.isNavigationRequest() && request.frame() === page.mainFrame()) {
      failedDocuments.add(response.url());
    }
  });
  const unreachedDocuments = new Set<string>();
  page.on("requestfailed", (request) => {
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) unreachedDocuments.add(request.url());
  });
  return () =>
    errors
      .filter(({ text, url }) => !(text.startsWith("Failed to load resource: the server responded") && failedDocuments.has(url)))
      .filter(({ text, url }) => !(text.startsWith("Failed to load resource: net::ERR_INTERNET_DISCONNECTED") && unreachedDocuments.has(url)))
      // The outbox's mail preview is a frame sandboxed without scripts on purpose; Chromium sometimes
      // reports the sandbox doing its job.
      .filter(({ text }) => !/^Blocked script execution in 'about:srcdoc' because the document's frame is sandboxed/.test(text))
      .map(({ text }) => text);
}

let ipCounter = 0;

export const test = base.extend<{ failOnConsoleErrors: void }>({
  baseURL: async ({}, use) => use(process.env.E2E_BASE_URL),
  // Each test is its own client address, so per-IP rate limits never couple tests.
  extraHTTPHeaders: async ({}, use, testInfo) => {
    ipCounter += 1;
    await use({ "X-Forwarded-For": `2001:db8::${testInfo.workerIndex + 1}:${ipCounter}` });
  },
  // Watches the first page the test opens. Tests that only send HTTP requests open none, and so
  // start no renderer.
  failOnConsoleErrors: [
    async ({ context }, use) => {
      let errors = (): string[] => [];
      context.once("page", (page) => {
        errors = watchConsole(page);
      });
      await use();
      expect(errors(), "errors in the browser console").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
