import { expect, expectAccessible, test } from "./fixtures";
import { askForLoginCode, fillPhoneSignup, textedCode, uniquePhone } from "./phone-helpers";

// Sign up with a mobile number and the code texted to it, then log in again by phone (ADR 0032).

test("sign up with a mobile number and a texted code, then log in again by phone", async ({ page }) => {
  const phone = uniquePhone();

  await page.goto("/signup");
  await page.getByRole("link", { name: "Sign up with your mobile number" }).click();
  await fillPhoneSignup(page, "Kemi Bello", phone.typed);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Text me a code" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Enter the code we texted you" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText(phone.typed);
  await expectAccessible(page);

  await page.getByLabel("Code from the text message").fill(await textedCode(phone.international, 1));
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/me$/);
  await expect(page.getByText("Welcome! Your account is ready, and your mobile number is confirmed.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Hello, Kemi Bello" })).toBeVisible();
  // No address to confirm, and none made up shown.
  await expect(page.getByRole("region", { name: "Confirm your email address" })).toHaveCount(0);
  await page.goto("/me/account");
  await expect(page.getByText("No email address.")).toBeVisible();
  await expect(page.getByText("@invalid.example")).toHaveCount(0);
  await page.goto("/me/phone");
  await expect(page.getByText(`Your mobile number is ${phone.typed}.`)).toBeVisible();
  await expectAccessible(page);

  await page.goto("/me");
  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page).toHaveURL(/\/$/);

  await askForLoginCode(page, phone.typed);
  await page.getByLabel("Code from the text message").fill(await textedCode(phone.international, 2));
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/me$/);
  await expect(page.getByRole("heading", { level: 1, name: "Hello, Kemi Bello" })).toBeVisible();
});
