import { expectAccessibleWithoutScripts, logInThroughForm } from "./account-helpers";
import { createAccount, expect, mailbox, signIn, test } from "./fixtures";

// JavaScript is off, on a phone-sized screen: deleting one's account asks for the password, says
// when it will happen and how to stop it; logging in again stops it. Organisers erase on request
// from a confirm page, and set how long data is kept.

test.use({ viewport: { width: 360, height: 740 } });

test("someone asks to delete their account, is told the date by email, and keeps it by logging in", async ({ page, browser, context }) => {
  const person = await createAccount({ roles: ["participant"], name: "Ifeoma Leaving" });
  await signIn(context, person);

  await page.goto("/me/privacy/delete");
  await expect(page.getByRole("heading", { level: 1, name: "Delete my account" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "What we keep, without your name" })).toBeVisible();
  await expectAccessibleWithoutScripts(page, browser);

  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.getByText("Enter your password").first()).toBeVisible();
  await page.getByLabel("Your password").fill("not the password");
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.getByText("That password is not right").first()).toBeVisible();
  await expectAccessibleWithoutScripts(page, browser);

  await page.getByLabel("Your password").fill(person.password);
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.getByText(/Your account will be deleted on .+\. We have emailed you how to keep it\./)).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: /Your account will be deleted on/ })).toBeVisible();
  await expectAccessibleWithoutScripts(page, browser);
  const message = await mailbox.waitFor(person.email, /account will be deleted/);
  expect(message.text).toContain("Log in before then and your account stays");

  await context.clearCookies();
  await logInThroughForm(page, person.email, person.password);
  await expect(page.getByText("Welcome back. Your account will not be deleted.")).toBeVisible();
  await page.goto("/me/privacy/delete");
  await expect(page.getByRole("button", { name: "Delete my account" })).toBeVisible();
});

test("an organiser erases someone on request, and sets the retention periods", async ({ page, browser, context }) => {
  const organiser = await createAccount({ roles: ["organiser"], name: "Console Keeper" });
  const person = await createAccount({ roles: ["participant"], name: "Ngozi By Letter" });
  await signIn(context, organiser);

  await page.goto(`/admin/people/${person.id}/erase`);
  await expect(page.getByRole("heading", { level: 1, name: "Erase Ngozi By Letter" })).toBeVisible();
  await expectAccessibleWithoutScripts(page, browser);
  await page.getByLabel("How did they ask?").fill("Letter received 3 December");
  await page.getByRole("button", { name: "Erase their data" }).click();
  await expect(page.getByText("Tick the box to confirm that this cannot be undone").first()).toBeVisible();
  await expect(page.getByLabel("How did they ask?")).toHaveValue("Letter received 3 December");
  await page.getByLabel("I understand this erases their data for good").check();
  await page.getByRole("button", { name: "Erase their data" }).click();
  await expect(page.getByText(/Their personal data has been erased/)).toBeVisible();

  await page.goto("/admin/privacy/retention");
  await expect(page.getByRole("heading", { level: 1, name: "Keeping data" })).toBeVisible();
  await expectAccessibleWithoutScripts(page, browser);
  await page.getByLabel(/Keep the text of sent emails for/).fill("3");
  await page.getByRole("button", { name: "Save periods" }).click();
  await expect(page.getByText("Enter between 7 and 730 days").first()).toBeVisible();
  await page.getByLabel(/Keep the text of sent emails for/).fill("120");
  await page.getByRole("button", { name: "Save periods" }).click();
  await expect(page.getByText("Saved. The next run uses the new periods.")).toBeVisible();
  await page.getByRole("button", { name: "Run now" }).click();
  await expect(page.getByText(/Retention run finished/)).toBeVisible();
  await expect(page.getByRole("table")).toBeVisible();
});
