import type { Page } from "@playwright/test";
import { agreeOnSignupForm, emailedLink, expectAccessibleWithoutScripts } from "./account-helpers";
import { createAccount, expect, test, uniqueEmail } from "./fixtures";
import { publishedEvent } from "./participant-helpers";
import { createOpenCohort } from "./programme-helpers";

// A young person under the age of consent signs up, waits for a parent or guardian, and can book
// once the guardian agrees through the emailed link (ADR 0023). Without JavaScript throughout.

/** A date of birth for someone who turned 15 this year. */
const FIFTEEN = `${new Date().getFullYear() - 15}-01-15`;

const postTo = (page: Page, path: string) => page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === path);

test("an under-18 waits for a guardian's consent, then books a seat", async ({ page, browser }) => {
  const organiser = await createAccount({ roles: ["organiser"] });
  const event = await publishedEvent(organiser);
  const cohort = await createOpenCohort(organiser, { name: `Young people's cohort ${Date.now()}` });
  const email = uniqueEmail("teen");
  const guardianEmail = uniqueEmail("mum");

  // Under 18 without a guardian's address: asked for it at the field, everything typed kept.
  await page.goto("/signup");
  await page.getByLabel("Full name").fill("Tolu Adeyemi");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Create a password").fill("mango rain harmattan");
  await agreeOnSignupForm(page, { birthDate: FIFTEEN });
  await page.getByLabel("Quote me in an impact story").check();
  let post = postTo(page, "/signup");
  await page.getByRole("button", { name: "Create account" }).click();
  expect((await post).status()).toBe(400);
  await expect(page.getByRole("alert")).toContainText("a parent or guardian needs to agree");
  await expect(page.getByLabel("Date of birth")).toHaveValue(FIFTEEN);
  await expect(page.getByLabel("Quote me in an impact story")).toBeChecked();
  await expectAccessibleWithoutScripts(page, browser);

  await page.getByLabel("Parent's or guardian's email").fill(guardianEmail);
  await page.getByLabel("Create a password").fill("mango rain harmattan");
  post = postTo(page, "/signup");
  await page.getByRole("button", { name: "Create account" }).click();
  expect((await post).status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
  await expect(page.getByText(/we have also emailed your parent or guardian/)).toBeVisible();

  // Confirming the address signs them in; their page says what waits.
  await page.goto(await emailedLink(email, /confirm your email address/i, "/verify-email?token="));
  await page.getByRole("button", { name: "Confirm email address" }).click();
  await expect(page).toHaveURL(/\/me$/);
  await expect(page.getByRole("region", { name: "Waiting for your parent or guardian" })).toBeVisible();
  await expectAccessibleWithoutScripts(page, browser);

  // They can read the event and the cohort, but not book or join.
  await page.goto(`/events/${event.slug}`);
  await expect(page.getByText("You can book once your parent or guardian has agreed to your account.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Book my seat" })).toHaveCount(0);
  await page.goto(`/join/${cohort.joinCode}`);
  await expect(page.getByText("You can join once your parent or guardian has agreed to your account.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Join this cohort" })).toHaveCount(0);

  // The privacy page shows who was asked and what was agreed.
  await page.goto("/me/privacy");
  await expect(page.getByText(`We emailed ${guardianEmail}`)).toBeVisible();
  await expect(page.getByRole("link", { name: "Download my data" })).toHaveAttribute("href", "/me/privacy/download");
  await expect(page.getByRole("link", { name: "Delete my account" })).toHaveAttribute("href", "/me/privacy/delete");
  await expectAccessibleWithoutScripts(page, browser);

  // The guardian, in another browser, opens the link and agrees.
  const link = await emailedLink(guardianEmail, /would like to join/, "/guardian-consent/");
  const guardian = await browser.newContext({ javaScriptEnabled: false });
  const guardianPage = await guardian.newPage();
  await guardianPage.goto(link);
  await expect(guardianPage.getByRole("heading", { level: 1, name: /Tolu Adeyemi would like to join/ })).toBeVisible();
  await expect(guardianPage.getByText("They also said yes to: Quote me in an impact story.")).toBeVisible();
  await expectAccessibleWithoutScripts(guardianPage, browser);
  post = postTo(guardianPage, new URL(link).pathname);
  await guardianPage.getByRole("button", { name: "Give my consent" }).click();
  expect((await post).status()).toBe(400);
  await expect(guardianPage.getByRole("alert")).toContainText("Enter the parent's or guardian's full name");
  await guardianPage.getByLabel("Your full name").fill("Funke Adeyemi");
  await guardianPage.getByLabel("Who are you to Tolu Adeyemi?").selectOption("Mother");
  await guardianPage.getByLabel("Your phone number").fill("0803 123 4567");
  await guardianPage.getByLabel("I agree that Tolu Adeyemi may have an account and take part").check();
  await guardianPage.getByRole("button", { name: "Give my consent" }).click();
  await expect(guardianPage.getByRole("heading", { level: 1, name: "Thank you" })).toBeVisible();
  // The link works once.
  const again = await guardianPage.goto(link);
  expect(again!.status()).toBe(410);
  await expect(guardianPage.getByRole("heading", { level: 1, name: "Consent has already been given" })).toBeVisible();
  await guardian.close();

  // The young person's account is open: the seat can be booked now.
  await page.goto(`/events/${event.slug}`);
  await page.getByRole("button", { name: "Book my seat" }).click();
  await expect(page).toHaveURL(/\/me\/tickets\/[a-z0-9]+$/);
  await expect(page.getByText("Seat confirmed")).toBeVisible();
  await page.goto("/me");
  await expect(page.getByRole("region", { name: "Waiting for your parent or guardian" })).toHaveCount(0);
});

test("an unknown guardian link answers 404 with a clear page", async ({ page }) => {
  const response = await page.goto(`/guardian-consent/${"a".repeat(32)}`);
  expect(response!.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "This link does not work" })).toBeVisible();
});
