import type { Page } from "@playwright/test";
import { expectAccessibleWithoutScripts } from "./account-helpers";
import { createCampaign } from "./campaign-helpers";
import { createAccount, expect, signIn, test } from "./fixtures";

// JavaScript is off in this project: an organiser records laptops given in kind with plain HTML
// forms, and opens the receipt the donor is handed, as a page and as a PDF.

function postTo(page: Page, path: string) {
  return page.waitForResponse((response) => response.request().method() === "POST" && new URL(response.url()).pathname === path);
}

const problem = (page: Page) => page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "There is a problem" }) });

test("an organiser records an in-kind gift and opens its receipt, without JavaScript", async ({ page, browser }) => {
  const stamp = Date.now().toString(36);
  const campaign = await createCampaign(`Laptops for the Yaba hub ${stamp}`);
  const organiser = await createAccount({ roles: ["organiser"], name: "Gifts Organiser" });
  await signIn(page.context(), organiser);

  // The registered details receipts carry.
  await page.goto("/admin/settings");
  await expect(page.getByRole("heading", { name: "Receipts" })).toBeVisible();
  await page.getByLabel("Registered name (optional)").fill("Steppingstone Test Trust (Ltd/Gte)");
  await page.getByLabel("Registration number (optional)").fill("RC 1234567");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText(/Settings saved\.|Nothing changed\./)).toBeVisible();

  await page.goto("/admin/donations");
  await page.getByRole("link", { name: "Record a cash or in-kind gift" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Record a gift received in person" })).toBeVisible();
  await expectAccessibleWithoutScripts(page, browser);

  // In kind without saying what: a 400, the problem at the field, what was typed kept.
  await page.getByLabel("Campaign").selectOption({ label: `${campaign.title} (NGN)` });
  await page.getByLabel("In kind", { exact: true }).check();
  await page.getByLabel("Amount, or fair value").fill("1,200,000");
  await page.getByLabel("Donor's name").fill("Adébáyọ̀ Ọlọ́fin");
  const refused = postTo(page, "/admin/donations/new");
  await page.getByRole("button", { name: "Record the gift" }).click();
  expect((await refused).status()).toBe(400);
  await expect(problem(page).getByRole("link", { name: /Say what was given/ })).toBeVisible();
  await expect(page.getByLabel("Donor's name")).toHaveValue("Adébáyọ̀ Ọlọ́fin");
  await expect(page.getByLabel("Amount, or fair value")).toHaveValue("1,200,000");
  await expectAccessibleWithoutScripts(page, browser);

  await page.getByLabel("What was given (gifts in kind only)").fill(`10 laptops ${stamp}`);
  await page.getByRole("button", { name: "Record the gift" }).click();
  await expect(page.getByText(/Gift recorded with receipt \d{4}-\d{4}\. Open the receipt to print it/)).toBeVisible();
  await expect(page.getByText(`10 laptops ${stamp} (fair value)`)).toBeVisible();
  await expect(page.getByText("no email given")).toBeVisible();
  await expectAccessibleWithoutScripts(page, browser);

  await page.getByRole("link", { name: /^Receipt \d{4}-\d{4}$/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Receipt \d{4}-\d{4}$/ })).toBeVisible();
  const receipt = page.locator(".receipt");
  await expect(receipt).toContainText("Fair value");
  await expect(receipt).toContainText("₦1,200,000");
  await expect(receipt).toContainText(`In kind: 10 laptops ${stamp}`);
  await expect(receipt).toContainText("Adébáyọ̀ Ọlọ́fin");
  await expect(receipt).toContainText("Steppingstone Test Trust (Ltd/Gte)");
  await expect(receipt).toContainText("Registration number: RC 1234567");
  await expect(receipt).toContainText("Nothing was given in return for this gift.");
  await expect(page.locator("script[src]")).toHaveCount(0);
  await expectAccessibleWithoutScripts(page, browser);

  const pdfHref = await page.getByRole("link", { name: "download the receipt as a PDF" }).getAttribute("href");
  const pdf = await page.context().request.get(pdfHref!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect(pdf.headers()["content-disposition"]).toMatch(/^attachment; filename="receipt-\d{4}-\d{4}\.pdf"$/);
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
});
