import { expectAccessibleWithoutScripts } from "./account-helpers";
import { createAccount, expect, mailbox, signIn, test, uniqueEmail } from "./fixtures";
import { accepted } from "../support/outcomes";

// With JavaScript off: a company writes through "Partner with us", every organiser hears of it by
// email, and an organiser moves the enquiry along the pipeline; a sponsor finds their gifts and
// their year-end statement.

test("a partner enquiry reaches the organisers and moves along the pipeline", async ({ page, browser }) => {
  const organiser = await createAccount({ roles: ["organiser"], name: "Pipeline Organiser" });
  const stamp = Date.now().toString(36);
  const organisation = `Ikeja Print Works ${stamp}`;

  await page.goto("/partner");
  await expect(page.getByRole("heading", { level: 1, name: "Partner with us" })).toBeVisible();
  await expectAccessibleWithoutScripts(page, browser);
  // A first try with the message too short: the error is at the field, the rest is kept.
  await page.getByLabel("Organisation").fill(organisation);
  await page.getByLabel("Your name").fill("Folake Adeyemi");
  await page.getByLabel("Email address").fill(uniqueEmail("partner"));
  await page.getByLabel("In-kind support (space, equipment, services)").check();
  await page.getByLabel("What do you have in mind?").fill("Print");
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.getByRole("heading", { name: "There is a problem" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Tell us a little more: at least 10 characters" })).toBeVisible();
  await expect(page.getByLabel("Organisation")).toHaveValue(organisation);
  await expectAccessibleWithoutScripts(page, browser);

  await page.getByLabel("What do you have in mind?").fill("We could print your workshop handouts every month, free.");
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Thank you" })).toBeVisible();
  await expect(page.getByText(organisation)).toBeVisible();

  const email = await mailbox.waitFor(organiser.email, new RegExp(`Partner enquiry from ${organisation}`));
  expect(email.text).toContain("We could print your workshop handouts every month, free.");
  await signIn(page.context(), organiser);
  await page.goto(mailbox.link(email, "/admin/partners"));
  const card = page.locator(".card").filter({ hasText: organisation });
  await expect(card).toHaveCount(1);
  await expect(page.locator("#stage-new").locator("xpath=..")).toContainText(organisation);
  await expectAccessibleWithoutScripts(page, browser);
  await card.getByLabel(`Stage for ${organisation}`).selectOption("in_discussion");
  await card.getByRole("button", { name: `Move ${organisation}` }).click();
  await expect(page.getByText("Moved to “In discussion”.")).toBeVisible();
  await expect(page.locator("#stage-in_discussion").locator("xpath=..")).toContainText(organisation);
  await expect(page.locator("#stage-new").locator("xpath=..")).not.toContainText(organisation);
});

test("a donor's year-end statement lists their paid gifts, printable and as CSV", async ({ page, browser }) => {
  const { createDonation } = await import("~/modules/sponsorship/donations.server");
  const { markDonationPaid } = await import("~/modules/sponsorship/fulfilment.server");
  const { db } = await import("~db/client.server");
  const { campaigns } = await import("~db/schema");
  const { randomId } = await import("~/utils/ids.server");
  const sponsor = await createAccount({ roles: ["sponsor"], name: "Statement Sponsor" });
  const campaignId = randomId(16);
  const now = Date.now();
  const title = `Statement appeal ${now.toString(36)}`;
  db.insert(campaigns)
    .values({ id: campaignId, slug: `statement-${campaignId.slice(0, 10)}`, title, goalAmount: 10_000_000, currency: "NGN", minAmount: 100_000, maxAmount: 10_000_000, status: "open", createdAt: now, updatedAt: now })
    .run();
  const gift = accepted(createDonation({ campaignId, amount: 1_250_000, interval: "one_off", method: "bank_transfer", donorName: sponsor.name, donorEmail: sponsor.email, userId: sponsor.id, recognition: "unlisted" }));
  db.transaction((tx) => markDonationPaid(tx, gift.id, { now: Date.now() }), { behavior: "immediate" });
  const year = new Intl.DateTimeFormat("en-GB", { timeZone: "Africa/Lagos", year: "numeric" }).format(Date.now());

  await signIn(page.context(), sponsor);
  await page.goto("/me");
  await expect(page.getByRole("region", { name: "Giving" })).toContainText("1 gift, ₦12,500 in all");
  await page.getByRole("link", { name: "My gifts, receipts and statements" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My giving" })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: title })).toContainText("₦12,500");
  await expectAccessibleWithoutScripts(page, browser);
  await page.getByRole("link", { name: `Statement for ${year}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Giving statement ${year}` })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: title })).toContainText("₦12,500");
  await expectAccessibleWithoutScripts(page, browser);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "download it as CSV" }).click();
  expect((await download).suggestedFilename()).toBe(`giving-statement-${year}.csv`);
});
