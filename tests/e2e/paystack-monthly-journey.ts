import type { Page } from "@playwright/test";
import { addMonthlyTier, createNairaCampaign } from "./paystack-helpers";
import { createAccount, expect, mailbox, signIn } from "./fixtures";

// A monthly Naira gift end to end: the donate page, the Paystack stand-in's checkout on a monthly
// plan (Pay sends `charge.success`, then `subscription.create`), the thanks page, the receipt's
// "Manage your monthly gift" button to a fresh Paystack manage page, and a cancellation there
// that reaches the app as an event and shows on the donor's giving page. Run with and without
// JavaScript: every step is a plain link or form.

export async function giveMonthlyThenStop(page: Page, checkAccessible: (page: Page) => Promise<void>) {
  const campaign = await createNairaCampaign(`Mentoring months in Naira ${Date.now()}`);
  await addMonthlyTier(campaign.id);
  const sponsor = await createAccount({ roles: ["sponsor"], name: "Ngozi Monthly" });
  await signIn(page.context(), sponsor);

  await page.goto(`/donate/${campaign.slug}`);
  await expect(page.getByText("You pay on Paystack's secure page, then come back here.")).toBeVisible();
  await page.getByLabel(/A month of mentoring/).check();
  await page.getByLabel("Show my name").check();
  await page.getByRole("radio", { name: "Card", exact: true }).check();
  await page.getByRole("button", { name: "Continue" }).click();

  await expect(page).toHaveURL(new RegExp(`^${process.env.E2E_PAYSTACK_URL}/pay/[0-9a-f]+$`));
  await expect(page.locator("[data-amount]")).toHaveText("10000.00 NGN");
  await page.getByRole("button", { name: "Pay" }).click();

  await expect(page).toHaveURL(new RegExp(`/donate/${campaign.slug}/thanks\\?trxref=SSP-[A-Z0-9]+&reference=SSP-[A-Z0-9]+$`));
  await expect(page.getByRole("status")).toHaveText("Status: paid");
  await checkAccessible(page);
  await mailbox.waitFor(sponsor.email, /Thank you: your ₦10,000 gift/);

  // From the giving page: a fresh Paystack manage page straight away.
  await page.goto("/me/giving");
  await expect(page.getByText("₦10,000 a month", { exact: false })).toBeVisible();
  await checkAccessible(page);
  await page.getByRole("button", { name: /Manage your monthly gift/ }).click();
  await expect(page).toHaveURL(new RegExp(`^${process.env.E2E_PAYSTACK_URL}/manage/SUB_[0-9a-f]+\\?t=[0-9a-f]+$`));
  await expect(page.locator("[data-status]")).toHaveText("active");

  // And from the receipt.
  await page.goto("/me/giving");
  await page.getByRole("link", { name: "The first gift’s receipt" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Receipt \d{4}-\d{4}$/ })).toBeVisible();
  await expect(page.getByText("Change your card, or stop the gift, on Paystack’s secure page.")).toBeVisible();
  await checkAccessible(page);

  // Paystack's manage links expire, so each press asks for a fresh one.
  await page.getByRole("button", { name: "Manage your monthly gift" }).click();
  await expect(page).toHaveURL(new RegExp(`^${process.env.E2E_PAYSTACK_URL}/manage/SUB_[0-9a-f]+\\?t=[0-9a-f]+$`));
  await expect(page.locator("[data-status]")).toHaveText("active");
  await page.getByRole("button", { name: "Cancel subscription" }).click();
  await expect(page.getByRole("status")).toHaveText("Your subscription has been cancelled.");

  await mailbox.waitFor(sponsor.email, /Your monthly gift to .* has stopped/);
  await page.goto("/me/giving");
  await expect(page.getByText("Cancelled")).toBeVisible();
  await expect(page.getByRole("button", { name: /Manage your monthly gift/ })).toHaveCount(0);
}
