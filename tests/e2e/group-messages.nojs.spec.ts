import { expectAccessibleWithoutScripts } from "./account-helpers";
import { createAccount, expect, signIn, test } from "./fixtures";
import { emailedAddresses, outboxRowsOf, pastSaturdayWorkshop, writeToCheckedIn } from "./group-messages-helpers";

// JavaScript is off in this project: the message form shows every group's fields and is plain HTML.

test("without JavaScript an organiser checks the reach and sends to those checked in; a missing choice is refused at its field", async ({ page, browser }) => {
  const organiser = await createAccount({ roles: ["organiser"] });
  const workshop = await pastSaturdayWorkshop(organiser, { came: ["Gbenga Came"], stayedAway: ["Halima Stayed"] });
  const subject = `Slides from Saturday ${Date.now().toString(36)}`;
  await signIn(page.context(), organiser);
  // The lists hold the nearest events; this run's workshop is found by its name.
  await page.goto(`/admin/messages/new?find=${encodeURIComponent(workshop.title)}`);
  // Every field of every group is there to fill in.
  await expect(page.getByLabel("Campaign")).toBeVisible();
  await expect(page.getByLabel("Weeks without a session")).toBeVisible();

  await page.getByLabel("Subject").fill(subject);
  await page.getByLabel("Message").fill("The slides are on the events page.");
  await page.getByLabel("Group").selectOption({ label: "Checked in at an event" });
  const refused = page.waitForResponse((response) => response.request().method() === "POST");
  await page.getByRole("button", { name: "Check who it reaches" }).click();
  expect((await refused).status()).toBe(400);
  await expect(page.locator(".field--error")).toContainText("Choose an event or a series");
  await expect(page.getByLabel("Subject")).toHaveValue(subject);
  await expectAccessibleWithoutScripts(page, browser);

  await writeToCheckedIn(page, workshop, subject);
  await page.getByRole("button", { name: "Check who it reaches" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Who it reaches" })).toContainText(`Checked in at ${workshop.optionLabel}: 1 person.`);
  await page.getByRole("button", { name: "Send now" }).click();
  await expect(page.getByText("Sent to 1 person.")).toBeVisible();
  const broadcastId = new URL(page.url()).pathname.split("/").pop()!;

  expect(await emailedAddresses(subject, workshop.came)).toEqual([workshop.came[0].email.toLowerCase()]);
  expect((await outboxRowsOf(broadcastId)).map((row) => row.recipient)).toEqual([workshop.came[0].email]);
});

test("without JavaScript a time already past is refused at its field, with the message kept", async ({ page }) => {
  const organiser = await createAccount({ roles: ["organiser"] });
  const workshop = await pastSaturdayWorkshop(organiser, { came: ["Ngozi Came"], stayedAway: [] });
  await signIn(page.context(), organiser);
  await page.goto(`/admin/messages/new?find=${encodeURIComponent("Resilience workshop")}`);
  // Find sends the whole form by GET: the lists come back narrowed, and what was typed is kept.
  await page.getByLabel("Subject").fill("Next month's follow-up");
  await page.getByLabel("Find by name").fill(workshop.title);
  await page.getByRole("button", { name: "Find", exact: true }).click();
  await expect(page.getByLabel("Find by name")).toHaveValue(workshop.title);
  await expect(page.getByLabel("Subject")).toHaveValue("Next month's follow-up");
  await expect(page.getByLabel("Event or series").locator("option")).toHaveText(["Choose an event or series", workshop.optionLabel]);
  await writeToCheckedIn(page, workshop, "Next month's follow-up");
  await page.getByLabel("Send on").fill("2020-01-01T10:00");
  const refused = page.waitForResponse((response) => response.request().method() === "POST");
  await page.getByRole("button", { name: "Schedule" }).click();
  expect((await refused).status()).toBe(400);
  await expect(page.getByText("Choose a time in the future, or send it now").first()).toBeVisible();
  await expect(page.getByLabel("Subject")).toHaveValue("Next month's follow-up");
});
