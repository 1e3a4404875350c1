import { expect, expectAccessible, mailbox, test, uniqueEmail } from "./fixtures";
import { createNairaCampaign } from "./paystack-helpers";

// A Naira gift end to end: the donate page, the local Paystack stand-in's checkout (whose Pay
// signs and sends `charge.success` to the app, then sends the donor back with the reference),
// the thanks page that verifies with Paystack, and the receipt by SMTP.

test("a guest gives Naira by card through Paystack, after changing their mind once", async ({ page }) => {
  const campaign = await createNairaCampaign(`Job club laptops ${Date.now()}`);
  const email = uniqueEmail("paystack-donor");

  await page.goto(`/donate/${campaign.slug}`);
  await expect(page.getByText("You pay on Paystack's secure page, then come back here.")).toBeVisible();
  await page.getByLabel("Another amount", { exact: true }).check();
  await page.getByLabel("Another amount (NGN)").fill("7,500");
  await page.getByLabel("Your name").fill("Adébáyọ̀ Ọlọ́fin");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Show my name").check();
  await page.getByRole("radio", { name: "Card", exact: true }).check();
  await page.getByRole("button", { name: "Continue" }).click();

  // Paystack's checkout, played by the stand-in: the amount is the one the server stored.
  await expect(page).toHaveURL(new RegExp(`^${process.env.E2E_PAYSTACK_URL}/pay/[0-9a-f]+$`));
  await expect(page.locator("[data-amount]")).toHaveText("7500.00 NGN");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page).toHaveURL(new RegExp(`/donate/${campaign.slug}\\?cancelled=1$`));
  await expect(page.getByText("You left the card payment page, so your card was not charged.")).toBeVisible();

  await page.getByLabel("A workshop seat").check();
  await page.getByLabel("Your name").fill("Adébáyọ̀ Ọlọ́fin");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("radio", { name: "Card", exact: true }).check();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.locator("[data-amount]")).toHaveText("5000.00 NGN");
  await page.getByRole("button", { name: "Pay" }).click();

  await expect(page).toHaveURL(new RegExp(`/donate/${campaign.slug}/thanks\\?trxref=SSP-[A-Z0-9]+&reference=SSP-[A-Z0-9]+$`));
  await expect(page.getByRole("heading", { level: 1, name: "Thank you for your gift" })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("Status: paid");
  await expect(page.getByText("Thank you, Adébáyọ̀ Ọlọ́fin. We received your gift of ₦5,000")).toBeVisible();
  await expectAccessible(page);

  const receipt = await mailbox.waitFor(email, /Thank you: your ₦5,000 gift .* \(receipt \d{4}-\d{4}\)/);
  expect(receipt.text).toContain(campaign.title);
  await page.goto(mailbox.link(receipt, "/receipts/"));
  await expect(page.getByRole("heading", { level: 1, name: /^Receipt \d{4}-\d{4}$/ })).toBeVisible();
  await expect(page.getByText("Adébáyọ̀ Ọlọ́fin")).toBeVisible();
});
