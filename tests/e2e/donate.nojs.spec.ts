import type { Page } from "@playwright/test";
import { expectAccessibleWithoutScripts } from "./account-helpers";
import { expect, mailbox, test, uniqueEmail } from "./fixtures";

// JavaScript is off in this project: choosing a gift and pledging a bank transfer are plain HTML.

async function createTieredCampaign(title: string) {
  const { db } = await import("~db/client.server");
  const { campaigns, campaignTiers } = await import("~db/schema");
  const { randomId } = await import("~/utils/ids.server");
  const { getOrganisation, updateOrganisation } = await import("~/modules/organisation/settings.server");
  if (!getOrganisation().bankTransferDetails) updateOrganisation({ bankTransferDetails: "Steppingstone Test Trust\nDemo Bank Plc\nAccount number: 0123456789" });
  const id = randomId(16);
  const slug = `nojs-${id.slice(0, 10)}`;
  const now = Date.now();
  db.insert(campaigns)
    .values({ id, slug, title, summary: "Seats at next term's workshops.", story: "Every seat is **a step back**.", goalAmount: 1_000_000_00, currency: "NGN", minAmount: 1_000_00, maxAmount: 500_000_00, status: "open", createdAt: now, updatedAt: now })
    .run();
  db.insert(campaignTiers)
    .values([
      { id: randomId(16), campaignId: id, position: 1, name: "A workshop seat", amount: 5_000_00, interval: "one_off", description: "One seat and lunch" },
      { id: randomId(16), campaignId: id, position: 2, name: "A month of mentoring", amount: 10_000_00, interval: "monthly" },
    ])
    .run();
  return { id, slug, title };
}

function postTo(page: Page, path: string) {
  return page.waitForResponse((response) => response.request().method() === "POST" && new URL(response.url()).pathname === path);
}

test("a guest pledges a bank transfer from the donate page, with JavaScript off", async ({ page, browser }) => {
  const stamp = Date.now().toString(36);
  const campaign = await createTieredCampaign(`Workshop seats ${stamp}`);
  const email = uniqueEmail("nojs-donor");

  await page.goto("/donate");
  await expect(page.locator("script[src]")).toHaveCount(0);
  await page.getByRole("link", { name: campaign.title, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: campaign.title })).toBeVisible();
  await expect(page.getByText("₦0 raised of ₦1,000,000")).toBeVisible();
  await expect(page.locator("script[src]")).toHaveCount(0);
  await expectAccessibleWithoutScripts(page, browser);

  // Too little: a 400, the problem at the field, nothing written.
  await page.getByLabel("Another amount", { exact: true }).check();
  await page.getByLabel("Another amount (NGN)").fill("500");
  await page.getByLabel("Your name").fill("Chinedu Okeke");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Show me as “Anonymous”").check();
  await page.getByLabel("A message (optional)").fill(`Keep going <script>alert(1)</script> note-${stamp}`);
  await page.getByLabel("Bank transfer (one-off gifts)").check();
  const refused = postTo(page, `/donate/${campaign.slug}`);
  await page.getByRole("button", { name: "Continue" }).click();
  expect((await refused).status()).toBe(400);
  const summary = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "There is a problem" }) });
  await expect(summary.getByRole("link", { name: "The smallest gift is ₦1,000" })).toBeVisible();
  // What was typed survives the round trip.
  await expect(page.getByLabel("Your name")).toHaveValue("Chinedu Okeke");
  await expect(page.getByLabel("Show me as “Anonymous”")).toBeChecked();
  await expectAccessibleWithoutScripts(page, browser);

  // A tier instead: its amount is the server's.
  await page.getByLabel(/₦5,000 once: A workshop seat/).check();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Thank you: now make the transfer" })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/donate/${campaign.slug}/transfer/[a-z0-9]{26}$`));
  const reference = (await page.locator(".pledge-page__reference").textContent())!.trim();
  expect(reference).toMatch(/^SS-[2-9A-HJKMNP-TW-Z]{4}-[2-9A-HJKMNP-TW-Z]{4}$/);
  await expect(page.getByText("₦5,000", { exact: true })).toBeVisible();
  await expect(page.getByText("Waiting for your transfer")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Our bank details" })).toBeVisible();
  await expect(page.locator("script[src]")).toHaveCount(0);
  await expectAccessibleWithoutScripts(page, browser);

  const pledgeUrl = page.url();
  const message = await mailbox.waitFor(email, new RegExp(reference));
  expect(message.text).toContain("₦5,000");
  expect(mailbox.link(message, `/donate/${campaign.slug}/transfer/`)).toBe(pledgeUrl);

  // Pending pledges are not on the wall and do not count yet.
  await page.goto(`/donate/${campaign.slug}`);
  await expect(page.getByText("₦0 raised of ₦1,000,000")).toBeVisible();
  await expect(page.getByText(`note-${stamp}`)).toHaveCount(0);
});
