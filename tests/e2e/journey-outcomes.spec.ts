import { waitForHydration } from "./account-helpers";
import { createAccount, expect, expectAccessible, signIn, test } from "./fixtures";

// The organisers' side of outcomes: a person's journey on their page, an outcome recorded on their
// behalf, stories featured only while consent stands, and the follow-up schedule.

test.use({ viewport: { width: 360, height: 740 } });

test("an organiser reads a person's journey, records an outcome for them and features their story until it is withdrawn", async ({ page, context }) => {
  const organiser = await createAccount({ roles: ["organiser"] });
  const person = await createAccount({ roles: ["participant"], name: "Ifeanyi Journey" });
  const { recordOwnOutcome, saveStory, withdrawStory } = await import("~/modules/journey/index.server");
  recordOwnOutcome(person.id, { kind: "searching", employer: "", sector: "", fromTracker: false });
  saveStory(person.id, { story: "Practising interviews with my mentor changed everything.", mayQuote: true, byName: true });
  await signIn(context, organiser);

  await page.goto(`/admin/people/${person.id}`);
  const journey = page.getByRole("region", { name: "Journey" });
  await expect(journey.getByText("Still searching")).toBeVisible();
  await expectAccessible(page);
  await waitForHydration(page);
  await journey.getByRole("link", { name: "Record an outcome for Ifeanyi Journey" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Record an outcome for Ifeanyi Journey" })).toBeVisible();
  await waitForHydration(page);
  await page.getByLabel("Went back to study or training").check();
  await page.getByRole("button", { name: "Record the outcome" }).click();
  await expect(page.getByRole("alert").getByRole("link", { name: "Enter the sector, like banking or health" })).toBeVisible();
  await page.getByLabel("Employer, school or business name (optional)").fill("University of Lagos");
  await page.getByLabel("Sector").fill("Education");
  await page.getByRole("button", { name: "Record the outcome" }).click();
  await expect(page.getByText("Outcome recorded on their journey.")).toBeVisible();
  await expect(journey.getByText("University of Lagos · Education · recorded by an organiser")).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  await page.goto("/admin/stories");
  const story = page.getByRole("listitem").filter({ hasText: "Practising interviews with my mentor changed everything." });
  await expect(story.getByText(/Quoted as “Ifeanyi”/)).toBeVisible();
  await expectAccessible(page);
  await waitForHydration(page);
  await story.getByRole("button", { name: /Feature in reports/ }).click();
  await expect(page.getByText("Featured: reports will quote it.")).toBeVisible();
  await expect(story.getByText("Featured", { exact: true })).toBeVisible();

  withdrawStory(person.id);
  await page.reload();
  await expect(page.getByText("Practising interviews with my mentor changed everything.")).toHaveCount(0);
});

test("the follow-up schedule is checked at its field and saved", async ({ page, context }) => {
  const organiser = await createAccount({ roles: ["organiser"] });
  await signIn(context, organiser);
  await page.goto("/admin/settings");
  await waitForHydration(page);
  const form = page.getByRole("form", { name: "Follow-ups" });
  const field = form.getByLabel(/Ask “where are you now\?” this many months/);
  const before = await field.inputValue();
  await field.fill("3, 0");
  await form.getByRole("button", { name: "Save the follow-up schedule" }).click();
  await expect(form.locator(".field__error")).toContainText("Enter whole numbers of months from 1 to 36");
  await field.fill(before);
  await form.getByRole("button", { name: "Save the follow-up schedule" }).click();
  await expect(page.getByText("Nothing changed.")).toBeVisible();
  await expectAccessible(page);
});
