import { waitForHydration } from "./account-helpers";
import { createAccount, expect, expectAccessible, mailbox, signIn, test } from "./fixtures";

test("an organiser creates a cohort, invites a participant by email, and sees them in the grid once they join", async ({ page, browser, baseURL }) => {
  const organiser = await createAccount({ roles: ["organiser"], name: "Adaeze Organiser" });
  const participant = await createAccount({ roles: ["participant"], name: "Kemi Invited" });
  await signIn(page.context(), organiser);
  const name = `Surulere cohort ${Date.now().toString(36)}`;

  await page.goto("/admin");
  await page.locator(".card").getByRole("link", { name: "Cohorts", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Cohorts" })).toBeVisible();
  await waitForHydration(page);
  await expectAccessible(page);

  // The form says what is wrong before anything is saved.
  await page.getByRole("button", { name: "Create cohort" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary).toContainText("Enter the cohort's name");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Hour steps open").selectOption({ label: "12 midnight" });
  await page.getByLabel("Places").fill("5");
  await page.getByRole("button", { name: "Create cohort" }).click();

  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByText(/Cohort “.*” created/)).toBeVisible();
  await expect(page.getByText("0 of 5 places")).toBeVisible();
  await waitForHydration(page);
  await expectAccessible(page);

  await page.getByLabel("Email addresses").fill(participant.email);
  await page.getByRole("button", { name: "Send invitations" }).click();
  await expect(page.getByText("Invitation sent to 1 person.")).toBeVisible();
  const message = await mailbox.waitFor(participant.email, new RegExp(`Join the cohort ${name}`));
  const link = mailbox.link(message, "/join/");

  const other = await browser.newContext({ baseURL, extraHTTPHeaders: { "X-Forwarded-For": "2001:db8::77:1" } });
  try {
    await signIn(other, participant);
    const invited = await other.newPage();
    await invited.goto(link);
    await invited.getByRole("button", { name: "Join this cohort" }).click();
    await expect(invited.getByText(`Welcome to ${name}`)).toBeVisible();
    await expect(invited.getByText("0 of 15 steps done")).toBeVisible();
  } finally {
    await other.close();
  }

  await page.reload();
  const row = page.getByRole("row", { name: /Kemi Invited/ });
  await expect(row.getByRole("cell").nth(0)).toHaveText("0/15");
  await expect(row.getByRole("cell").nth(1)).toHaveText("○");
  await expect(page.getByText("1 of 5 places")).toBeVisible();
});

test("an organiser copies the curriculum, edits a step with the plain form and previews it", async ({ page }) => {
  const organiser = await createAccount({ roles: ["organiser"] });
  await signIn(page.context(), organiser);
  const title = `Our programme ${Date.now().toString(36)}`;

  await page.goto("/admin/curricula");
  await waitForHydration(page);
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Start from").selectOption({ label: "A copy of “Bounce back after a job rejection”" });
  await page.getByRole("button", { name: "Create curriculum" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Ask for constructive feedback", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Step 2: Ask for constructive feedback" })).toBeVisible();
  await waitForHydration(page);
  await expectAccessible(page);
  await page.getByLabel("Subject").fill("About the {{role}} role at {{employer}}");
  await page.getByRole("button", { name: "Save step" }).click();
  await expect(page.getByText("{{employer}} is not one of the blanks below")).toBeVisible();
  await page.getByLabel("Subject").fill("About the {{role}} role at {{company}}");
  await page.getByRole("button", { name: "Save step" }).click();
  await expect(page.getByText("Step saved.")).toBeVisible();

  await page.getByRole("link", { name: "Preview as a participant sees it" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ask for constructive feedback" })).toBeVisible();
  await expect(page.getByLabel("Company name")).toBeVisible();
  await expect(page.getByText("This preview does not save anything.")).toBeVisible();
  await expectAccessible(page);
});
