import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateHOTP } from "@oslojs/otp";
import { createAccount, expect, signIn, test } from "./fixtures";
import { logInThroughForm } from "./account-helpers";

// Without JavaScript every step is a plain form: setting up, the recovery codes, and the log-in's second step.

test("without JavaScript, a person sets up an authenticator app and logs in with a code", async ({ page }) => {
  const person = await createAccount({ roles: ["participant"] });
  await signIn(page.context(), person);

  await page.goto("/me/account");
  await page.getByRole("link", { name: "Set up or manage two-factor sign-in" }).click();
  await page.getByLabel("Your password").fill(person.password);
  await page.getByRole("button", { name: "Continue" }).click();
  const key = decodeBase32IgnorePadding((await page.locator("#totp-secret").innerText()).replace(/\s/g, ""));
  const step = Math.floor(Date.now() / 30_000);
  await page.getByLabel("Code from the app").fill(generateHOTP(key, BigInt(step), 6));
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(page.locator(".recovery-codes code")).toHaveCount(10);

  await page.getByRole("button", { name: "Log out" }).click();
  await logInThroughForm(page, person.email, person.password);
  await expect(page).toHaveURL(/\/login\/code\?redirectTo=%2Fme$/);
  // The next step's code: the one that confirmed the app is spent.
  await page.getByLabel("Code", { exact: true }).fill(generateHOTP(key, BigInt(step + 1), 6));
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/me$/);
});
