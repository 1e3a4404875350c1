import type { Page } from "@playwright/test";
import { expect, mailbox, test, uniqueEmail } from "./fixtures";
import { ADULT_BIRTH_DATE, agreeOnSignupForm, emailedLink, expectAccessibleWithoutScripts, expectSignedOut } from "./account-helpers";

// This project runs with JavaScript disabled: every form here is a plain HTML POST.

function postTo(page: Page, path: string) {
  return page.waitForResponse((response) => response.request().method() === "POST" && new URL(response.url()).pathname === path);
}

/** The summary at the top links to the field, and the field carries the same message. */
async function expectFieldError(page: Page, label: string, message: string) {
  const summary = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "There is a problem" }) });
  const field = page.getByLabel(label, { exact: true });
  const id = await field.getAttribute("id");
  await expect(summary.getByRole("link", { name: message })).toHaveAttribute("href", `#${id}`);
  await expect(field).toHaveAttribute("aria-invalid", "true");
  // Read out as "Error: <message>", then the hint if there is one.
  const escaped = message.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  await expect(field).toHaveAccessibleDescription(new RegExp(`^Error: ${escaped}`));
}

test("sign up, confirm, log in and log out without JavaScript", async ({ page }) => {
  const email = uniqueEmail("nojs");
  const password = "gentle cassava monsoon";

  await page.goto("/signup");
  await expect(page.locator("script[src]")).toHaveCount(0);
  await page.getByLabel("Full name").fill("Bisi Ogun");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Create a password").fill(password);
  await agreeOnSignupForm(page, { birthDate: ADULT_BIRTH_DATE });
  const signup = postTo(page, "/signup");
  await page.getByRole("button", { name: "Create account" }).click();
  expect((await signup).status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();

  await page.goto(await emailedLink(email, /confirm your email address/i, "/verify-email?token="));
  await page.getByRole("button", { name: "Confirm email address" }).click();
  // Confirming signs the person in (ADR 0020).
  await expect(page).toHaveURL(/\/me$/);
  await expect(page.getByText("Thank you. Your email address is confirmed.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Hello, Bisi Ogun" })).toBeVisible();
  await page.getByRole("button", { name: "Log out" }).click();

  await page.goto("/login");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/me$/);
  await expect(page.getByRole("heading", { level: 1, name: "Hello, Bisi Ogun" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Confirm your email address" })).toHaveCount(0);

  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByText("You have logged out.")).toBeVisible();
  await expectSignedOut(page);
});

test("sign-up errors: a summary linking to each field, the message at the field, a 400, the typed values kept", async ({
  page,
  browser,
}) => {
  await page.goto("/signup");
  await page.getByLabel("Email address").fill("not an address");
  await page.getByLabel("Create a password").fill("short");
  let post = postTo(page, "/signup");
  await page.getByRole("button", { name: "Create account" }).click();
  expect((await post).status()).toBe(400);
  await expect(page.getByRole("heading", { name: "There is a problem" })).toBeVisible();
  await expectFieldError(page, "Full name", "Enter your name");
  await expectFieldError(page, "Email address", "Enter an email address in the correct format, like name@example.com");
  await expectFieldError(page, "Create a password", "Password must be 8 characters or more");
  await expect(page.getByLabel("Email address")).toHaveValue("not an address");
  await expect(page.getByLabel("Create a password")).toHaveValue("");
  await expectAccessibleWithoutScripts(page, browser);

  const email = uniqueEmail("common");
  await page.getByLabel("Full name").fill("Yemi Adebayo");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Create a password").fill("password1");
  await agreeOnSignupForm(page, { birthDate: ADULT_BIRTH_DATE });
  post = postTo(page, "/signup");
  await page.getByRole("button", { name: "Create account" }).click();
  expect((await post).status()).toBe(400);
  await expectFieldError(
    page,
    "Create a password",
    "This password is too common and easy to guess. Choose a different password, for example three random words",
  );
  await expect(page.getByRole("alert").getByRole("listitem")).toHaveCount(1);
  await expect(page.getByLabel("Full name")).toHaveValue("Yemi Adebayo");
  await expect(page.getByLabel("Email address")).toHaveValue(email);
  await expect(page.getByLabel("Create a password")).toHaveValue("");

  // Nothing was created, so nothing was sent.
  expect(mailbox.all().filter((message) => message.to.some((to) => to.includes(email)))).toEqual([]);
});

test("log-in errors: an empty email is flagged at the field and a wrong password gets the generic message", async ({
  page,
  browser,
}) => {
  await page.goto("/login");
  let post = postTo(page, "/login");
  await page.getByRole("button", { name: "Log in" }).click();
  expect((await post).status()).toBe(400);
  await expectFieldError(page, "Email address", "Enter your email address");
  await expectFieldError(page, "Password", "Enter your password");
  await expectAccessibleWithoutScripts(page, browser);

  const email = uniqueEmail("nobody");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill("not the password");
  post = postTo(page, "/login");
  await page.getByRole("button", { name: "Log in" }).click();
  expect((await post).status()).toBe(400);
  await expect(page.getByRole("alert")).toContainText("Email or password is incorrect");
  await expect(page.getByLabel("Email address")).toHaveValue(email);
  await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");
});
