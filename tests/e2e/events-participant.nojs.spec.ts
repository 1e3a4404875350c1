import type { Page } from "@playwright/test";
import { ADULT_BIRTH_DATE, agreeOnSignupForm, emailedLink, expectAccessibleWithoutScripts } from "./account-helpers";
import { createAccount, expect, mailbox, test, uniqueEmail } from "./fixtures";
import { expectConfirmationWithIcs, expectMessageCount, publishedEvent, registrationOf } from "./participant-helpers";

// JavaScript is off in this project: booking, signing up, cancelling and booking again are plain HTML forms.

function postTo(page: Page, path: string) {
  return page.waitForResponse((response) => response.request().method() === "POST" && new URL(response.url()).pathname === path);
}

test("a visitor signs up and books in one form, confirms the address to reach the ticket, cancels and books again", async ({ page, browser }) => {
  const organiser = await createAccount({ roles: ["organiser"] });
  const question = "What kind of work are you looking for?";
  const event = await publishedEvent(organiser, { capacity: 3, question });
  const email = uniqueEmail("nojs-booker");

  await page.goto(`/events/${event.slug}`);
  await expect(page.locator("script[src]")).toHaveCount(0);
  await expect(page.getByText("3 seats left")).toBeVisible();
  await expectAccessibleWithoutScripts(page, browser);

  // Nothing filled in: a 400 with every problem listed, nothing booked.
  const refused = postTo(page, `/events/${event.slug}`);
  await page.getByRole("button", { name: "Book my seat" }).click();
  expect((await refused).status()).toBe(400);
  const summary = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "There is a problem" }) });
  await expect(summary.getByRole("link", { name: "Enter your name" })).toBeVisible();
  await expect(summary.getByRole("link", { name: `Answer the question "${question}"` })).toBeVisible();
  await expectAccessibleWithoutScripts(page, browser);

  await page.getByLabel("Full name").fill("Funmi Adeyemi");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Create a password").fill("yam pepper harmattan");
  await agreeOnSignupForm(page, { birthDate: ADULT_BIRTH_DATE });
  await page.getByLabel(question).fill("Logistics");
  await page.getByRole("button", { name: "Book my seat" }).click();
  // The seat is held, and nobody is signed in until the address is confirmed (ADR 0020).
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await expect(page.getByText("2 seats left")).toBeVisible();
  await expectAccessibleWithoutScripts(page, browser);

  await page.goto(await emailedLink(email, /confirm your email address/i, "/verify-email?token="));
  await page.getByRole("button", { name: "Confirm email address" }).click();
  await expect(page).toHaveURL(/\/me\/tickets\/[a-z0-9]+$/);
  const ticketUrl = page.url();
  await expect(page.getByText("Thank you. Your email address is confirmed.")).toBeVisible();
  await expect(page.getByText("Seat confirmed")).toBeVisible();
  await expect(page.getByRole("img", { name: "QR code for check-in" })).toBeVisible();
  await expectAccessibleWithoutScripts(page, browser);
  // The ticket email came too, and the answer was kept.
  expect(await expectConfirmationWithIcs(email, event)).toBe(ticketUrl);

  await page.getByText("Cannot come?").click();
  await page.getByRole("button", { name: "Cancel my registration" }).click();
  await expect(page.getByText(/Your registration is cancelled/)).toBeVisible();
  await page.getByRole("link", { name: "Register again" }).click();
  await expect(page.getByText("3 seats left")).toBeVisible();
  // Signed in now: only the question is asked.
  await expect(page.getByLabel("Email address")).toHaveCount(0);
  await page.getByLabel(question).fill("Logistics, or warehouse work");
  await page.getByRole("button", { name: "Book my seat" }).click();
  await expect(page).toHaveURL(ticketUrl);
  await expect(page.getByText("Seat confirmed")).toBeVisible();
  await expectMessageCount(email, new RegExp(`Your seat at ${event.title} is confirmed`), 2);
});

test("an address that already has an account books nothing: its owner is emailed a way to log in", async ({ page, browser }) => {
  const organiser = await createAccount({ roles: ["organiser"] });
  const event = await publishedEvent(organiser);
  const owner = await createAccount({ roles: ["participant"], name: "Real Owner" });

  await page.goto(`/events/${event.slug}`);
  await page.getByLabel("Full name").fill("Somebody Else");
  await page.getByLabel("Email address").fill(owner.email);
  await page.getByLabel("Create a password").fill("not the real password");
  await agreeOnSignupForm(page, { birthDate: ADULT_BIRTH_DATE });
  await page.getByRole("button", { name: "Book my seat" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await expectAccessibleWithoutScripts(page, browser);
  expect(await registrationOf(event.id, owner.id)).toBeUndefined();

  const message = await mailbox.waitFor(owner.email, new RegExp(`Log in to book your seat at ${event.title}`));
  expect(message.text).toContain("Hello Real Owner");
  await page.goto(mailbox.link(message, "/login?redirectTo="));
  await page.getByLabel("Email address").fill(owner.email);
  await page.getByLabel("Password", { exact: true }).fill(owner.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(new RegExp(`/events/${event.slug}$`));
  await page.getByRole("button", { name: "Book my seat" }).click();
  await expect(page.getByText("Seat confirmed")).toBeVisible();
});
