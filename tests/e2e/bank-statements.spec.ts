import { waitForHydration } from "./account-helpers";
import { createAccount, expect, expectAccessible, signIn, test } from "./fixtures";

// With JavaScript on, the upload goes to the page's data URL as multipart: the server lets that
// through for this page alone, and a file over the limit is refused at the field before it is sent.

test("an organiser uploads a statement with JavaScript on", async ({ page }) => {
  const organiser = await createAccount({ roles: ["organiser"] });
  const stamp = Date.now().toString(36);
  const day = new Intl.DateTimeFormat("en-GB", { timeZone: "Africa/Lagos", day: "2-digit", month: "2-digit", year: "numeric" }).format(Date.now());
  const csv = ["Date Posted,Value Date,Description,Debit,Credit,Balance", `${day},${day},CASH DEPOSIT ${stamp},,"1,234.56","9,999.99"`].join("\n");

  await signIn(page.context(), organiser);
  await page.goto("/admin/donations/statements");
  await waitForHydration(page);
  await page.getByLabel("Statement file (CSV)").setInputFiles({ name: `zenith-${stamp}.csv`, mimeType: "text/csv", buffer: Buffer.alloc(2_000_001, "a") });
  await page.getByRole("button", { name: "Upload and match" }).click();
  await expect(page.getByText("That file is larger than 2 MB. Export a shorter period, such as one month").first()).toBeVisible();

  await page.getByLabel("Statement file (CSV)").setInputFiles({ name: `zenith-${stamp}.csv`, mimeType: "text/csv", buffer: Buffer.from(csv) });
  await expect(page.getByText("That file is larger than 2 MB. Export a shorter period, such as one month")).toHaveCount(0);
  await page.getByRole("button", { name: "Upload and match" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `zenith-${stamp}.csv` })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Credits without a pledge (1)" })).toBeVisible();
  await expect(page.getByText(`CASH DEPOSIT ${stamp}`)).toBeVisible();
  await expectAccessible(page);
});
