import { strFromU8, unzipSync } from "fflate";
import { expectAccessibleWithoutScripts } from "./account-helpers";
import { createAccount, expect, mailbox, signIn, test } from "./fixtures";

// JavaScript is off, on a phone-sized screen: asking for a download is one button, the emailed link
// opens a page saying what the file is and how big, and the file is a ZIP of the person's data.

test.use({ viewport: { width: 360, height: 740 } });

test("someone asks for their data, gets the link by email and downloads the ZIP; another account cannot", async ({ page, browser, context }) => {
  const person = await createAccount({ roles: ["participant"], name: "Adaeze Okafor" });
  await signIn(context, person);

  await page.goto("/me/privacy/download");
  await expect(page.getByRole("heading", { level: 1, name: "Download your data" })).toBeVisible();
  await expect(page.getByText("You have not asked for a download yet.")).toBeVisible();
  await expectAccessibleWithoutScripts(page, browser);
  await page.getByRole("button", { name: "Ask for a download" }).click();
  await expect(page.getByText(`We will email the link to ${person.email} when it is ready.`)).toBeVisible();

  const link = mailbox.link(await mailbox.waitFor(person.email, /is ready to download/), "/me/privacy/download/");
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Your data is ready" })).toBeVisible();
  await expectAccessibleWithoutScripts(page, browser);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /Download your data \(ZIP/ }).click()]);
  expect(download.suggestedFilename()).toMatch(/^my-data-\d{4}-\d{2}-\d{2}\.zip$/);
  const files = unzipSync(new Uint8Array(await (await import("node:fs/promises")).readFile((await download.path())!)));
  expect(strFromU8(files["index.html"]!)).toContain("Adaeze Okafor");
  expect(JSON.parse(strFromU8(files["data.json"]!)).person.email).toBe(person.email);

  await page.goto("/me/privacy/download");
  await expect(page.getByText(/Your download has been ready since/)).toBeVisible();
  await expect(page.getByText(/You last downloaded it on/)).toBeVisible();

  // The same link, signed in as someone else: it does not exist for them.
  const other = await createAccount({ roles: ["participant"] });
  await signIn(context, other);
  const response = await page.goto(link);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "This download link does not work" })).toBeVisible();
  await expectAccessibleWithoutScripts(page, browser);
});
