import { waitForHydration } from "./account-helpers";
import { createAccount, expect, expectAccessible, signIn, test } from "./fixtures";

test("an organiser starts a campaign, adds and orders tiers, opens it, and donors see it", async ({ page }) => {
  const organiser = await createAccount({ roles: ["organiser"], name: "Adaeze Organiser" });
  await signIn(page.context(), organiser);
  const stamp = Date.now().toString(36);
  const title = `Mentoring fund ${stamp}`;

  await page.goto("/admin");
  await page.locator(".card").getByRole("link", { name: "Campaigns", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Campaigns" })).toBeVisible();
  await waitForHydration(page);
  await expectAccessible(page);

  // Checked in the browser before anything is sent.
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Goal").fill("250,000.505");
  await page.getByRole("button", { name: "Save as a draft" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText("Use at most 2 digits after the decimal point in the goal");
  await page.getByLabel("Goal").fill("250,000");
  await page.getByLabel("Goal").press("Enter");

  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("Campaign saved as a draft.")).toBeVisible();
  await expect(page.getByText("₦0 raised of ₦250,000 · 0 donors")).toBeVisible();
  await waitForHydration(page);
  await expectAccessible(page);

  const addTier = page.locator("form").filter({ has: page.getByRole("button", { name: "Add the tier" }) });
  for (const [name, amount, interval] of [
    ["A workshop seat", "5,000", "One-off"],
    ["A month of mentoring", "10000", "Monthly"],
  ]) {
    await addTier.getByLabel("Name").fill(name);
    await addTier.getByLabel("Amount").fill(amount);
    await addTier.getByLabel("How often").selectOption({ label: interval });
    await addTier.getByRole("button", { name: "Add the tier" }).click();
    await expect(page.getByText(`Tier “${name}” added.`)).toBeVisible();
    await waitForHydration(page);
  }
  await page.getByRole("button", { name: "Move up A month of mentoring" }).click();
  await expect(page.getByText("Tiers reordered.")).toBeVisible();
  await expect(page.locator(".tier-editor h3")).toHaveText(["A month of mentoring", "A workshop seat"]);
  await waitForHydration(page);

  const details = page.locator("form").filter({ has: page.getByRole("button", { name: "Save the campaign" }) });
  await details.getByLabel("Story (optional)").fill("Mentors meet job seekers **every week**.");
  await details.getByLabel("Status").selectOption({ label: "Open" });
  await details.getByRole("button", { name: "Save the campaign" }).click();
  await expect(page.getByText("Campaign saved.")).toBeVisible();
  await expectAccessible(page);

  // The public side: listed, with its tiers in the organiser's order and the story rendered.
  await page.goto("/donate");
  await page.getByRole("link", { name: title, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.locator(".prose strong")).toHaveText("every week");
  await expect(page.getByRole("radio")).toHaveCount(2 + 1 + 2 + 3 + 2);
  const gifts = page.getByRole("group", { name: "Your gift" }).getByRole("radio");
  await expect(gifts.nth(0)).toHaveAccessibleName("₦10,000 a month: A month of mentoring");
  await expect(gifts.nth(1)).toHaveAccessibleName("₦5,000 once: A workshop seat");
  await expectAccessible(page);
});
