import { createAccount, expect, expectAccessible, mailbox, signIn, test, uniqueEmail } from "./fixtures";

// A card gift end to end: the donate page, the local Stripe stand-in's pay page (which signs and
// sends `checkout.session.completed` to the app, as Stripe does), the thanks page, the receipt by
// SMTP and the receipt page its link opens. The campaign is in pounds: Stripe serves sponsors
// abroad, while Naira gifts go to Paystack (donate-paystack.spec.ts).

async function createCardCampaign(title: string) {
  const { db } = await import("~db/client.server");
  const { campaigns, campaignTiers } = await import("~db/schema");
  const { randomId } = await import("~/utils/ids.server");
  const id = randomId(16);
  const slug = `card-${id.slice(0, 10)}`;
  const now = Date.now();
  db.insert(campaigns)
    .values({ id, slug, title, summary: "Seats for the next workshop.", story: "Help people back to work.", goalAmount: 50_000_000, currency: "GBP", minAmount: 100_000, maxAmount: 100_000_000, status: "open", createdAt: now, updatedAt: now })
    .run();
  db.insert(campaignTiers)
    .values([
      { id: randomId(16), campaignId: id, position: 0, name: "A workshop seat", amount: 500_000, interval: "one_off", description: "One person, one day." },
      { id: randomId(16), campaignId: id, position: 1, name: "A month of mentoring", amount: 1_000_000, interval: "monthly", description: "" },
    ])
    .run();
  return { id, slug, title };
}

test("a guest gives once by card, sees it paid, and gets a receipt that opens", async ({ page }) => {
  const campaign = await createCardCampaign(`Workshop seats ${Date.now()}`);
  const email = uniqueEmail("card-donor");

  await page.goto(`/donate/${campaign.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: campaign.title })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel(/A workshop seat/).check();
  await page.getByLabel("Your name").fill("Ngozi Card");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Show my name").check();
  await page.getByLabel("A message (optional)").fill("For the next workshop.");
  await page.getByRole("radio", { name: "Card", exact: true }).check();
  await page.getByRole("button", { name: "Continue" }).click();

  // Stripe's hosted page, played by the stand-in: the amount is the tier's, set by the server.
  await expect(page).toHaveURL(new RegExp(`^${process.env.E2E_STRIPE_URL}/pay/cs_test_`));
  await expect(page.locator("[data-amount]")).toHaveText("5000.00 GBP");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Pay" }).click();

  await expect(page).toHaveURL(new RegExp(`/donate/${campaign.slug}/thanks\\?session_id=cs_test_`));
  await expect(page.getByRole("heading", { level: 1, name: "Thank you for your gift" })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("Status: paid");
  await expect(page.getByText("We received your gift of £5,000")).toBeVisible();
  await expectAccessible(page);

  const receipt = await mailbox.waitFor(email, /Thank you: your £5,000 gift .* \(receipt \d{4}-\d{4}\)/);
  const number = /receipt (\d{4}-\d{4})/.exec(receipt.subject)![1];
  expect(receipt.text).toContain(campaign.title);
  await page.goto(mailbox.link(receipt, "/receipts/"));
  await expect(page.getByRole("heading", { level: 1, name: `Receipt ${number}` })).toBeVisible();
  await expect(page.getByText("£5,000", { exact: true })).toBeVisible();
  await expect(page.getByText("Ngozi Card")).toBeVisible();
  await expect(page.getByRole("button", { name: "Manage your monthly gift" })).toHaveCount(0);
  await expectAccessible(page);

  // The same link without its secret shows nothing.
  const bare = new URL(mailbox.link(receipt, "/receipts/"));
  bare.search = "";
  const response = await page.goto(bare.toString());
  expect(response?.status()).toBe(404);
});

test("a signed-in sponsor gives monthly, then manages the gift from the receipt", async ({ page }) => {
  const campaign = await createCardCampaign(`Mentoring months ${Date.now()}`);
  const sponsor = await createAccount({ roles: ["sponsor"], name: "Tunde Monthly" });
  await signIn(page.context(), sponsor);

  await page.goto(`/donate/${campaign.slug}`);
  await expect(page.getByLabel("Email address")).toHaveValue(sponsor.email);
  await page.getByLabel(/A month of mentoring/).check();
  await page.getByLabel("Do not list me").check();
  await page.getByRole("radio", { name: "Card", exact: true }).check();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.locator("[data-amount]")).toHaveText("10000.00 GBP");
  await page.getByRole("button", { name: "Pay" }).click();
  await expect(page.getByRole("status")).toHaveText("Status: paid");
  await page.getByRole("link", { name: "See your receipt" }).click();

  await expect(page.getByRole("heading", { level: 1, name: /^Receipt \d{4}-\d{4}$/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Manage your monthly gift" }).click();
  await expect(page).toHaveURL(new RegExp(`^${process.env.E2E_STRIPE_URL}/portal/bps_test_`));
  await page.getByRole("link", { name: "Return" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Receipt / })).toBeVisible();
  await mailbox.waitFor(sponsor.email, /Thank you: your £10,000 gift/);
});
