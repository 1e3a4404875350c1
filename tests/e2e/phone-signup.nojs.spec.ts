import type { Page } from "@playwright/test";
import { expectAccessibleWithoutScripts } from "./account-helpers";
import { expect, test } from "./fixtures";
import { askForLoginCode, fillPhoneSignup, textedCode, uniquePhone } from "./phone-helpers";

// This project runs with JavaScript disabled: sign-up and log-in by phone are plain HTML POSTs.

const postTo = (page: Page, path: string) => page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === path);

test("sign up with a mobile number and a texted code, then log in again by phone, without JavaScript", async ({ page, browser }) => {
  const phone = uniquePhone();

  await page.goto("/signup/phone");
  await expect(page.locator("script[src]")).toHaveCount(0);
  // A landline cannot get a text: refused at the field, everything typed kept.
  await fillPhoneSignup(page, "Emeka Nwosu", "0201 234 5678");
  let post = postTo(page, "/signup/phone");
  await page.getByRole("button", { name: "Text me a code" }).click();
  expect((await post).status()).toBe(400);
  await expect(page.getByRole("alert")).toContainText("Enter a mobile number like 0803 123 4567");
  await expect(page.getByLabel("Full name")).toHaveValue("Emeka Nwosu");
  await expect(page.getByLabel("I agree to the terms of use")).toBeChecked();
  await expectAccessibleWithoutScripts(page, browser);

  await page.getByLabel("Mobile number").fill(phone.typed);
  post = postTo(page, "/signup/phone");
  await page.getByRole("button", { name: "Text me a code" }).click();
  expect((await post).status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "Enter the code we texted you" })).toBeVisible();
  const code = await textedCode(phone.international, 1);

  // A wrong code keeps the second step, with the reason at the field.
  post = postTo(page, "/signup/phone");
  await page.getByLabel("Code from the text message").fill(code === "000000" ? "111111" : "000000");
  await page.getByRole("button", { name: "Create account" }).click();
  expect((await post).status()).toBe(400);
  await expect(page.getByRole("alert")).toContainText("That code is not right.");
  await expectAccessibleWithoutScripts(page, browser);

  await page.getByLabel("Code from the text message").fill(code);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/me$/);
  await expect(page.getByRole("heading", { level: 1, name: "Hello, Emeka Nwosu" })).toBeVisible();
  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page).toHaveURL(/\/$/);

  await askForLoginCode(page, phone.typed);
  await expect(page.locator("script[src]")).toHaveCount(0);
  await page.getByLabel("Code from the text message").fill(await textedCode(phone.international, 2));
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/me$/);
  await expect(page.getByRole("heading", { level: 1, name: "Hello, Emeka Nwosu" })).toBeVisible();
});
