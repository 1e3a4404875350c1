import { expectAccessibleWithoutScripts } from "./account-helpers";
import { expect, mailbox, test, uniqueEmail } from "./fixtures";
import { createNairaCampaign, paystackReferenceOf } from "./paystack-helpers";

// JavaScript is off: the donate form, Paystack's checkout and the thanks page are plain HTML, and
// coming back to the thanks page without paying never counts as a payment.

test("a guest gives Naira through Paystack with JavaScript off; the return address alone pays nothing", async ({ page, browser }) => {
  const campaign = await createNairaCampaign(`Workshop seats ${Date.now()}`);
  const email = uniqueEmail("paystack-nojs");

  await page.goto(`/donate/${campaign.slug}`);
  await expect(page.locator("script[src]")).toHaveCount(0);
  await page.getByLabel("A workshop seat").check();
  await page.getByLabel("Your name").fill("Ngozi Ìbàdàn");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Show my name").check();
  await page.getByRole("radio", { name: "Card", exact: true }).check();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(new RegExp(`^${process.env.E2E_PAYSTACK_URL}/pay/[0-9a-f]+$`));
  const checkout = page.url();

  // Typing the return address without paying: Paystack is asked, and says it was not paid.
  const reference = await paystackReferenceOf(email);
  await page.goto(`/donate/${campaign.slug}/thanks?trxref=${reference}&reference=${reference}`);
  await expect(page.getByRole("heading", { level: 1, name: "Your gift was not completed" })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("Status: not completed");
  await expectAccessibleWithoutScripts(page, browser);

  await page.goto(checkout);
  await page.getByRole("button", { name: "Pay" }).click();
  await expect(page).toHaveURL(new RegExp(`/donate/${campaign.slug}/thanks\\?trxref=${reference}&reference=${reference}$`));
  await expect(page.locator("script[src]")).toHaveCount(0);
  await expect(page.getByRole("status")).toHaveText("Status: paid");
  await expect(page.getByText("We received your gift of ₦5,000")).toBeVisible();
  await expectAccessibleWithoutScripts(page, browser);

  await mailbox.waitFor(email, /Thank you: your ₦5,000 gift .* \(receipt \d{4}-\d{4}\)/);
});
