import type { Browser } from "@playwright/test";
import { expectAccessibleWithoutScripts } from "./account-helpers";
import { createAccount, expect, mailbox, signIn, test, uniqueEmail, watchConsole } from "./fixtures";
import { createNairaCampaign } from "./paystack-helpers";

// A Naira gift paid through the Paystack stand-in, then partly refunded by an organiser from the
// gift's page: Paystack queues the refund and reports it by a signed `refund.processed`, which is
// when the gift shows it and the donor is emailed. The organiser's page runs without JavaScript
// here: plain forms, a refused amount answered 400 at the field, then post-redirect-get.

async function donationIdOf(email: string): Promise<string> {
  const { db } = await import("~db/client.server");
  const { donations } = await import("~db/schema");
  const { desc, eq } = await import("drizzle-orm");
  const row = db.select({ id: donations.id }).from(donations).where(eq(donations.donorEmail, email)).orderBy(desc(donations.createdAt)).get();
  if (!row) throw new Error(`No gift from ${email}`);
  return row.id;
}

async function payFiveThousand(browser: Browser, email: string): Promise<string> {
  const campaign = await createNairaCampaign(`Refund laptops ${Date.now()}`);
  const donor = await browser.newPage();
  await donor.goto(`/donate/${campaign.slug}`);
  await donor.getByLabel("A workshop seat").check();
  await donor.getByLabel("Your name").fill("Ngozi Eze");
  await donor.getByLabel("Email address").fill(email);
  await donor.getByRole("radio", { name: "Card", exact: true }).check();
  await donor.getByRole("button", { name: "Continue" }).click();
  await donor.getByRole("button", { name: "Pay" }).click();
  await expect(donor.getByRole("status")).toHaveText("Status: paid");
  await donor.close();
  return donationIdOf(email);
}

/** The organiser's page, with or without JavaScript: a refused amount first, then a partial refund. */
async function refundPart(browser: Browser, javaScriptEnabled: boolean) {
  const email = uniqueEmail("paystack-refund-donor");
  const id = await payFiveThousand(browser, email);
  const organiserContext = await browser.newContext({ javaScriptEnabled, baseURL: process.env.E2E_BASE_URL, extraHTTPHeaders: { "X-Forwarded-For": `2001:db8::77:${javaScriptEnabled ? 2 : 1}` } });
  const page = await organiserContext.newPage();
  const consoleErrors = watchConsole(page);
  const organiser = await createAccount({ roles: ["organiser"], name: "Refund Organiser" });
  await signIn(page.context(), organiser);
  await page.goto(`/admin/donations/${id}`);
  await expect(page.getByRole("heading", { name: "Refund through Paystack" })).toBeVisible();

  // More than the gift: refused at the field, what was typed kept.
  await page.getByLabel("Amount to refund, in NGN (optional)").fill("6,000");
  await page.getByLabel("Reason").fill("Paid for two seats by mistake");
  const refused = page.waitForResponse((response) => response.request().method() === "POST");
  await page.getByRole("button", { name: "Refund" }).click();
  expect((await refused).status()).toBe(400);
  await expect(page.getByText("Enter an amount more than 0 and at most ₦5,000").first()).toBeVisible();
  await expect(page.getByLabel("Reason")).toHaveValue("Paid for two seats by mistake");
  if (!javaScriptEnabled) await expectAccessibleWithoutScripts(page, browser);

  // With JavaScript, the corrected amount's click must not be lost as the error clears.
  await page.getByLabel("Amount to refund, in NGN (optional)").fill("1,500");
  await page.getByRole("button", { name: "Refund" }).click();
  await expect(page.getByText("Refund of ₦1,500 sent to Paystack.")).toBeVisible();

  // Paystack's event applies it: reload until the gift shows it.
  await expect(async () => {
    await page.reload();
    await expect(page.getByText("₦1,500 on", { exact: false })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(page.getByText(/₦1,500 on .*: Paid for two seats by mistake/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Refund through Paystack" })).toBeVisible();
  await expect(page.getByText("Leave empty to refund everything still paid: ₦3,500.")).toBeVisible();
  if (!javaScriptEnabled) await expectAccessibleWithoutScripts(page, browser);

  const message = await mailbox.waitFor(email, /We refunded ₦1,500 of your gift/);
  expect(message.text).toContain("₦5,000");
  // The refused amount's 400 is an answer the page shows, not an error; with JavaScript it comes by fetch.
  const unexpected = consoleErrors().filter((line) => !(javaScriptEnabled && /status of 400/.test(line)));
  expect(unexpected, "errors in the organiser's browser console").toEqual([]);
  await organiserContext.close();
}

test("an organiser refunds part of a Paystack gift from its page, without JavaScript", async ({ browser }) => {
  await refundPart(browser, false);
});

test("with JavaScript, a corrected amount after a refused one is refunded", async ({ browser }) => {
  await refundPart(browser, true);
});
