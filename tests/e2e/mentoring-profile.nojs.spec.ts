import { expectAccessibleWithoutScripts } from "./account-helpers";
import { createAccount, expect, signIn, test } from "./fixtures";

// JavaScript is off in this project: the mentee profile is a plain HTML form.

test("a participant writes their mentee profile without JavaScript, fixing a mistake on the way", async ({ page, browser }) => {
  const participant = await createAccount({ roles: ["participant"], name: "Bisi Mentee" });
  await signIn(page.context(), participant);
  await page.goto("/me/mentoring/profile");
  await expect(page.getByRole("heading", { level: 1, name: "Your mentee profile" })).toBeVisible();
  await expectAccessibleWithoutScripts(page, browser);

  await page.getByLabel("Roles you are aiming for").fill("Data analyst");
  await page.getByLabel("Time zone").fill("Lagos time");
  const rejected = page.waitForResponse((r) => r.request().method() === "POST");
  await page.getByRole("button", { name: "Save profile" }).click();
  expect((await rejected).status()).toBe(400);
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary).toContainText("Choose at least one way of meeting");
  await expect(summary).toContainText("Enter a time zone like Africa/Lagos or Europe/London");
  await expect(summary).toContainText("Choose at least one language");
  // What was typed survives the round trip.
  await expect(page.getByLabel("Roles you are aiming for")).toHaveValue("Data analyst");
  await expectAccessibleWithoutScripts(page, browser);

  await page.getByLabel("Time zone").fill("Africa/Lagos");
  await page.getByRole("checkbox", { name: "English" }).check();
  await page.getByRole("checkbox", { name: "WhatsApp" }).check();
  await page.getByRole("checkbox", { name: "Saturday morning" }).check();
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Your mentee profile is saved.")).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "WhatsApp" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Saturday morning" })).toBeChecked();
  await expect(page.getByLabel("Roles you are aiming for")).toHaveValue("Data analyst");
});
