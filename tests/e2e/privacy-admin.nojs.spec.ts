import type { Page } from "@playwright/test";
import { expectAccessibleWithoutScripts } from "./account-helpers";
import { createAccount, expect, signIn, test } from "./fixtures";

// This project runs with JavaScript disabled: the organisers' privacy pages are plain HTML forms.

function postTo(page: Page, path: string) {
  return page.waitForResponse((response) => response.request().method() === "POST" && new URL(response.url()).pathname === path);
}

const problem = (page: Page) => page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "There is a problem" }) });

test("an organiser records a request, answers it, logs a breach and tells the NDPC, all without JavaScript", async ({ page, browser }) => {
  const organiser = await createAccount({ roles: ["organiser"], name: "Privacy Lead" });
  await signIn(page.context(), organiser);
  const stamp = Date.now().toString(36);

  await page.goto("/admin");
  await page.locator(".card").getByRole("link", { name: "Privacy", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Privacy and data protection" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Register of processing" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: "Gifts and receipts" })).toBeVisible();
  await expectAccessibleWithoutScripts(page, browser);

  // A request by letter: refused at the fields first, keeping what was typed.
  await page.getByRole("link", { name: "Record a request" }).click();
  await page.getByLabel("How to reach them").fill(`Letter from Ibadan ${stamp}`);
  const refused = postTo(page, "/admin/privacy/requests/new");
  await page.getByRole("button", { name: "Record the request" }).click();
  expect((await refused).status()).toBe(400);
  await expect(problem(page).getByRole("link", { name: "Choose what the person is asking for" })).toBeVisible();
  await expect(problem(page).getByRole("link", { name: "Enter the name of the person asking" })).toBeVisible();
  await expect(page.getByLabel("How to reach them")).toHaveValue(`Letter from Ibadan ${stamp}`);
  await expectAccessibleWithoutScripts(page, browser);
  await page.getByLabel("What are they asking for?").selectOption({ label: "Access (a copy of their data)" });
  await page.getByLabel("Their name").fill(`Yemi ${stamp}`);
  await page.getByRole("button", { name: "Record the request" }).click();
  await expect(page.getByText("Request recorded. Answer it within 30 days.")).toBeVisible();
  await expect(page.getByText("30 days left")).toBeVisible();

  // A refusal needs its reason.
  const reasonless = postTo(page, page.url().replace(/^https?:\/\/[^/]+/, ""));
  await page.getByRole("button", { name: "Refuse the request" }).click();
  expect((await reasonless).status()).toBe(400);
  await expect(problem(page)).toContainText("Give the reason for refusing");
  await page.getByLabel("Why the request is refused").fill("We hold no data about this person.");
  await page.getByRole("button", { name: "Refuse the request" }).click();
  await expect(page.getByText("Request refused.")).toBeVisible();
  await expect(page.getByText("We hold no data about this person.")).toBeVisible();
  await expectAccessibleWithoutScripts(page, browser);

  // A breach, counted down from when it was found.
  await page.locator(".breadcrumb").getByRole("link", { name: "Privacy", exact: true }).click();
  await page.getByRole("link", { name: "Log a breach" }).click();
  await page.getByLabel("What happened").fill(`Registration list emailed to the wrong group ${stamp}`);
  await page.getByLabel("How many people, roughly (optional)").fill("25");
  await page.getByRole("button", { name: "Log the breach" }).click();
  await expect(page.getByText("Breach logged.")).toBeVisible();
  await expect(page.getByText("72 hours left to tell the NDPC")).toBeVisible();
  await expectAccessibleWithoutScripts(page, browser);
  await page.getByRole("button", { name: "Record that the NDPC was told" }).click();
  await expect(page.getByText("Recorded when the NDPC was told.")).toBeVisible();
  await expect(page.getByText("NDPC told in time")).toBeVisible();
  await page.getByRole("button", { name: "Close the breach" }).click();
  await expect(page.getByText("Breach closed.")).toBeVisible();

  await page.locator(".breadcrumb").getByRole("link", { name: "Privacy", exact: true }).click();
  const log = page.getByRole("region", { name: "Breach log" });
  await expect(log.getByRole("row").filter({ hasText: stamp })).toContainText("Closed");
});

test("a person corrects their name, and an organiser corrects someone's email on request, without JavaScript", async ({ page, browser }) => {
  const person = await createAccount({ roles: ["participant"], name: "Amaka Nwosu" });
  await signIn(page.context(), person);
  await page.goto("/me/account");
  await page.getByLabel("Name", { exact: true }).fill("Amaka Nwosu-Obi");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByText("Your name has been changed.")).toBeVisible();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Amaka Nwosu-Obi");

  const organiser = await createAccount({ roles: ["organiser"] });
  const other = await createAccount({ roles: ["participant"] });
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: process.env.E2E_BASE_URL });
  const admin = await context.newPage();
  await signIn(context, organiser);
  await admin.goto(`/admin/people/${person.id}`);
  const form = admin.locator("form").filter({ has: admin.getByRole("button", { name: "Save corrections" }) });
  await form.getByLabel("Email address").fill(other.email.toUpperCase());
  const taken = postTo(admin, `/admin/people/${person.id}`);
  await form.getByRole("button", { name: "Save corrections" }).click();
  expect((await taken).status()).toBe(400);
  await expect(problem(admin)).toContainText("Another account already uses that email address");
  await expectAccessibleWithoutScripts(admin, browser);
  const corrected = `amaka.${Date.now().toString(36)}@example.org`;
  await admin.locator("form").filter({ has: admin.getByRole("button", { name: "Save corrections" }) }).getByLabel("Email address").fill(corrected);
  await admin.getByRole("button", { name: "Save corrections" }).click();
  await expect(admin.getByText("Corrected: email address.")).toBeVisible();
  await expect(admin.locator(".summary-list")).toContainText(corrected);
  await context.close();
});
