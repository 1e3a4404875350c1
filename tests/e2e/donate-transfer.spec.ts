import { createAccount, expect, expectAccessible, mailbox, signIn, test, uniqueEmail } from "./fixtures";

// A bank-transfer pledge end to end: a guest pledges on the donate page, an organiser marks the
// transfer received in the console, the receipt arrives over SMTP, and the sponsor walls (the
// campaign's and the overall one) show the named donor with their message.

async function createTransferCampaign(title: string) {
  const { db } = await import("~db/client.server");
  const { campaigns } = await import("~db/schema");
  const { randomId } = await import("~/utils/ids.server");
  const id = randomId(16);
  const slug = `transfer-${id.slice(0, 10)}`;
  const now = Date.now();
  db.insert(campaigns)
    .values({ id, slug, title, summary: "Laptops for the job club.", story: "Help people apply for work.", goalAmount: 50_000_000, currency: "NGN", minAmount: 100_000, maxAmount: 100_000_000, status: "open", createdAt: now, updatedAt: now })
    .run();
  // Bank transfer is offered only once the organisation has given its bank details.
  const { getOrganisation, updateOrganisation } = await import("~/modules/organisation/settings.server");
  if (!getOrganisation().bankTransferDetails.trim()) updateOrganisation({ bankTransferDetails: "Steppingstone Test\nDemo Bank Plc\nAccount 0000000000" });
  return { id, slug, title };
}

test("a named bank-transfer pledge is marked received, sends its receipt and joins the walls", async ({ page }) => {
  const stamp = Date.now().toString(36);
  const campaign = await createTransferCampaign(`Job club laptops ${stamp}`);
  const email = uniqueEmail("transfer-donor");
  const donorName = `Adaeze Transfer ${stamp}`;
  const message = `Keep going, job club! <b>${stamp}</b>`;

  // The donor, a guest.
  await page.goto(`/donate/${campaign.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: campaign.title })).toBeVisible();
  await page.getByLabel("Another amount (NGN)").fill("7,500");
  await page.getByLabel("Your name").fill(donorName);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Show my name").check();
  await page.getByLabel("A message (optional)").fill(message);
  await page.getByLabel("Bank transfer (one-off gifts)").check();
  await page.getByRole("button", { name: "Continue" }).click();

  await expect(page).toHaveURL(new RegExp(`/donate/${campaign.slug}/transfer/[a-z0-9]{26}$`));
  const pledgeUrl = page.url();
  // The reference and the bank details by email too.
  const pledgeEmail = await mailbox.waitFor(email, /SS-/);
  const reference = /SS-[2-9A-HJKMNP-TW-Z]{4}-[2-9A-HJKMNP-TW-Z]{4}/.exec(pledgeEmail.subject + pledgeEmail.text)![0];
  expect(pledgeEmail.text).toContain("₦7,500");
  expect(pledgeEmail.text).toContain("Demo Bank Plc");

  // Not on the walls until the money arrives.
  await page.goto(`/donate/${campaign.slug}`);
  await expect(page.getByText(donorName)).toHaveCount(0);

  // An organiser finds it by its reference and marks it received.
  const organiser = await createAccount({ roles: ["organiser"], name: "Treasurer Organiser" });
  await signIn(page.context(), organiser);
  await page.goto("/admin/donations");
  await expect(page.getByRole("heading", { level: 1, name: "Donations" })).toBeVisible();
  await page.getByLabel("Name, email or reference").fill(reference.toLowerCase());
  await page.getByRole("button", { name: "Show gifts" }).click();
  await expect(page).toHaveURL(/q=ss-/);
  const row = page.getByRole("row").filter({ hasText: reference });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Waiting for payment");
  await expectAccessible(page);
  await row.getByRole("button", { name: `Mark received for transfer ${reference}` }).click();
  await expect(page.getByText("Marked received. The donor's receipt is on its way.")).toBeVisible();
  await expect(row).toContainText("Paid");
  await expect(row).toContainText(/Receipt \d{4}-\d{4}/);

  // The gift's own page says who confirmed it.
  await row.getByRole("link", { name: donorName }).click();
  await expect(page.getByText("(marked received by Treasurer Organiser)")).toBeVisible();
  await expect(page.getByRole("button", { name: /Mark received/ })).toHaveCount(0);
  await expectAccessible(page);

  // The receipt, by real SMTP, and the page its link opens for the guest.
  const receipt = await mailbox.waitFor(email, /receipt \d{4}-\d{4}/);
  const number = /receipt (\d{4}-\d{4})/.exec(receipt.subject)![1];
  expect(receipt.subject).toContain("₦7,500");
  await page.context().clearCookies();
  const receiptLink = mailbox.link(receipt, "/receipts/");
  await page.goto(receiptLink);
  await expect(page.getByRole("heading", { level: 1, name: `Receipt ${number}` })).toBeVisible();
  await expect(page.getByText(donorName)).toBeVisible();
  await expectAccessible(page);

  // Both walls list the donor with the message, as text.
  await page.goto(`/donate/${campaign.slug}`);
  const campaignWall = page.locator(".sponsor-wall__entry").filter({ hasText: donorName });
  await expect(campaignWall).toHaveCount(1);
  await expect(campaignWall.locator(".sponsor-wall__message")).toHaveText(message);
  await expectAccessible(page);
  await page.goto("/sponsors");
  const overallWall = page.locator(".sponsor-wall__entry").filter({ hasText: donorName });
  await expect(overallWall).toHaveCount(1);
  await expect(overallWall.locator(".sponsor-wall__message")).toHaveText(message);
  await expectAccessible(page);

  // Another donor, signed in, never sees this receipt, nor the gift among their own.
  const other = await createAccount({ roles: ["sponsor"], name: "Other Sponsor" });
  await signIn(page.context(), other);
  const bare = new URL(receiptLink);
  bare.search = "";
  expect((await page.goto(bare.toString()))?.status()).toBe(404);
  await page.goto("/me/giving");
  await expect(page.getByRole("heading", { level: 1, name: "My giving" })).toBeVisible();
  await expect(page.getByText(number)).toHaveCount(0);
  await expect(page.getByText("No gifts yet")).toBeVisible();
  await expectAccessible(page);

  // The pledge's own page now says it arrived, still with its reference.
  await page.goto(pledgeUrl);
  await expect(page.getByRole("heading", { level: 1, name: "Your bank transfer" })).toBeVisible();
  await expect(page.getByText(reference)).toBeVisible();
  await expect(page.getByText("Received on")).toBeVisible();
  await expectAccessible(page);
});
