import { waitForHydration } from "./account-helpers";
import { createAccount, expect, expectAccessible, signIn, test } from "./fixtures";

test("with JavaScript, the breach and request forms check before sending and land on the record", async ({ page }) => {
  const organiser = await createAccount({ roles: ["organiser"] });
  await signIn(page.context(), organiser);
  const stamp = Date.now().toString(36);

  await page.goto("/admin/privacy/breaches/new");
  await waitForHydration(page);
  await page.getByRole("button", { name: "Log the breach" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText("Say what happened");
  await page.getByLabel("What happened").fill(`Shared drive link posted publicly ${stamp}`);
  await page.getByLabel("When it was found (optional)").fill("2026-01-05T09:30");
  await page.getByRole("button", { name: "Log the breach" }).click();
  await expect(page.getByText("Breach logged.")).toBeVisible();
  // Found long ago and never reported: the page says so in red.
  await expect(page.locator(".tag--error")).toContainText("NDPC not told");
  await waitForHydration(page);
  await expectAccessible(page);
  await page.getByRole("textbox", { name: "Who is affected" }).fill("Everyone on the mailing list");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await expect(page.locator(".summary-list")).toContainText("Everyone on the mailing list");

  await page.goto("/admin/privacy/requests/new");
  await waitForHydration(page);
  await page.getByLabel("What are they asking for?").selectOption({ label: "Erasure" });
  await page.getByLabel("Their name").fill(`Musa ${stamp}`);
  await page.getByLabel("How to reach them").fill("0803 000 0000");
  await page.getByRole("button", { name: "Record the request" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Erasure: Musa ${stamp}` })).toBeVisible();
  await waitForHydration(page);
  await expectAccessible(page);
  await page.locator(".breadcrumb").getByRole("link", { name: "Privacy", exact: true }).click();
  await expect(page.getByRole("region", { name: "Open requests" }).getByRole("link", { name: `Musa ${stamp}` })).toBeVisible();
  await expectAccessible(page);
});
