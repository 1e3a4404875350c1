import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateHOTP } from "@oslojs/otp";
import type { Page } from "@playwright/test";
import { createAccount, expect, expectAccessible, mailbox, test } from "./fixtures";
import { logInThroughForm, waitForHydration } from "./account-helpers";

const STEP_MS = 30_000;

/**
 * What an authenticator app holding this key shows, for a 30-second step after `usedStep`: the
 * server never takes a code twice, so a log-in right after setting up uses the next step's code,
 * which it accepts as a phone clock running a little ahead.
 */
function codeAfter(key: Uint8Array, usedStep: number): { code: string; step: number } {
  const step = Math.max(Math.floor(Date.now() / STEP_MS), usedStep + 1);
  return { code: generateHOTP(key, BigInt(step), 6), step };
}

async function logOut(page: Page) {
  await page.goto("/me");
  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page.getByText("You have logged out.")).toBeVisible();
}

test("an organiser sets up an authenticator app, logs in with a code, and uses a recovery code once", async ({ page }) => {
  test.slow();
  const organiser = await createAccount({ roles: ["organiser"], name: "Kemi Organiser" });

  // Organisers must use a second factor: the console sends them to set one up first.
  await logInThroughForm(page, organiser.email, organiser.password);
  await expect(page).toHaveURL(/\/me$/);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/me\/two-factor\?redirectTo=%2Fadmin$/);
  await expect(page.getByText("Organisers here must use two-factor sign-in")).toBeVisible();
  await expectAccessible(page);

  await waitForHydration(page);
  await page.getByLabel("Your password").fill(organiser.password);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "Scan this code with your app" })).toBeVisible();
  await expect(page.getByRole("img", { name: "QR code to add this account to an authenticator app" })).toBeVisible();
  await expectAccessible(page);
  const key = decodeBase32IgnorePadding((await page.locator("#totp-secret").innerText()).replace(/\s/g, ""));

  const enrolment = codeAfter(key, -1);
  await page.getByLabel("Code from the app").fill(enrolment.code);
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(page.getByRole("heading", { name: /Save your recovery codes/ })).toBeVisible();
  const recoveryCodes = await page.locator(".recovery-codes code").allInnerTexts();
  expect(recoveryCodes).toHaveLength(10);
  await expectAccessible(page);
  await page.getByRole("link", { name: "I have saved my codes. Continue" }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await mailbox.waitFor(organiser.email, /Two-factor sign-in is on/);

  // Logging in again: the password, then a code, before any session exists.
  await logOut(page);
  await logInThroughForm(page, organiser.email, organiser.password);
  await expect(page).toHaveURL(/\/login\/code\?redirectTo=%2Fme$/);
  await expect(page.getByRole("heading", { level: 1, name: "Enter your code" })).toBeVisible();
  await page.goto("/me");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fme$/);
  await logInThroughForm(page, organiser.email, organiser.password);
  const login = codeAfter(key, enrolment.step);
  await page.getByLabel("Code", { exact: true }).fill(login.code);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/me$/);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/admin$/);

  // Without the phone: a recovery code works once.
  await logOut(page);
  await logInThroughForm(page, organiser.email, organiser.password);
  await page.getByLabel("Code", { exact: true }).fill(recoveryCodes[0]!);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/me$/);
  await mailbox.waitFor(organiser.email, /A recovery code was used/);

  // ...and not twice.
  await logOut(page);
  await logInThroughForm(page, organiser.email, organiser.password);
  await page.getByLabel("Code", { exact: true }).fill(recoveryCodes[0]!);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByText("That code did not work").first()).toBeVisible();
  await expect(page).toHaveURL(/\/login\/code/);
  await expectAccessible(page);
  await page.goto("/me");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fme$/);
});
