import type { Browser, Page } from "@playwright/test";
import { expect, expectAccessible, mailbox, watchConsole } from "./fixtures";

/**
 * Signed-in pages hydrate; a form submitted before React has taken over the document would go
 * out as a plain POST and hide a broken client-side path. React marks each host element it has
 * hydrated, and the <html> element is the last one it completes.
 */
export async function waitForHydration(page: Page) {
  await page.waitForFunction(() => Object.keys(document.documentElement).some((key) => key.startsWith("__reactProps$")));
}

/**
 * A second, separate browser (another device of the same person). It gets its own client
 * address and fails the test on console errors, like the fixture's page does.
 */
export async function openOtherDevice(browser: Browser, options: { baseURL?: string; ip: string }) {
  const context = await browser.newContext({ baseURL: options.baseURL, extraHTTPHeaders: { "X-Forwarded-For": options.ip } });
  const page = await context.newPage();
  const errors = watchConsole(page);
  return {
    context,
    page,
    async close() {
      await context.close();
      expect(errors(), "errors in the other browser's console").toEqual([]);
    },
  };
}

/** Logs in through the real form (a public page: plain HTML, no hydration to wait for). */
export async function logInThroughForm(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
}

/** A participant's date of birth well over any age of consent. */
export const ADULT_BIRTH_DATE = "1996-05-14";

/**
 * What every sign-up form asks besides the account (ADR 0023): a date of birth for participants,
 * and the two boxes everyone ticks.
 */
export async function agreeOnSignupForm(page: Page, options: { birthDate?: string } = {}) {
  if (options.birthDate) await page.getByLabel("Date of birth").fill(options.birthDate);
  await page.getByLabel("I have read the privacy notice").check();
  await page.getByLabel("I agree to the terms of use").check();
}

/** A session has ended when loading /me sends the browser to the log-in page. */
export async function expectSignedOut(page: Page) {
  await page.goto("/me");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fme$/);
  await expect(page.getByRole("heading", { level: 1, name: "Log in" })).toBeVisible();
}

export async function expectSignedInAs(page: Page, name: string) {
  await page.goto("/me");
  await expect(page).toHaveURL(/\/me$/);
  await expect(page.getByRole("heading", { level: 1, name: `Hello, ${name}` })).toBeVisible();
}

/** Waits for the email really delivered over SMTP and returns its link into the app. */
export async function emailedLink(to: string, subject: RegExp, pathPrefix: string) {
  const message = await mailbox.waitFor(to, subject);
  return mailbox.link(message, pathPrefix);
}

/**
 * axe runs as a script in the page, which a page without JavaScript cannot do. The document the
 * script-less browser shows is served again to a browser with scripts on (same
 * address, so its stylesheet loads) and checked there.
 */
export async function expectAccessibleWithoutScripts(page: Page, browser: Browser) {
  const url = page.url();
  // Without its scripts, as the script-less browser had it.
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, "");
  // Contexts made in a test take the project's options: scripts must be switched back on here.
  const context = await browser.newContext({ javaScriptEnabled: true });
  try {
    const copy = await context.newPage();
    await copy.route(url, (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }));
    await copy.goto(url);
    await expectAccessible(copy);
  } finally {
    await context.close();
  }
}
