import type { Page } from "@playwright/test";
import { ADULT_BIRTH_DATE, agreeOnSignupForm, emailedLink, expectAccessibleWithoutScripts } from "./account-helpers";
import { createAccount, expect, signIn, test, uniqueEmail } from "./fixtures";
import { createOpenCohort } from "./programme-helpers";

// JavaScript is off in this project: joining, reading a step and saving its exercise are plain HTML.

function postTo(page: Page, path: string) {
  return page.waitForResponse((response) => response.request().method() === "POST" && new URL(response.url()).pathname === path);
}

test("join a cohort by code, read step 1, save its exercise and see progress; the organiser's grid shows it", async ({ page, browser }) => {
  const organiser = await createAccount({ roles: ["organiser"] });
  const cohort = await createOpenCohort(organiser, { name: `No-JS cohort ${Date.now()}` });
  const participant = await createAccount({ roles: ["participant"], name: "Bisi Ogun" });
  await signIn(page.context(), participant);

  await page.goto("/me/programme");
  await expect(page.locator("script[src]")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "You are not in a cohort yet" })).toBeVisible();
  // Typed as people do on a phone: lower case, with a dash.
  await page.getByLabel("Join code").fill(`${cohort.joinCode.slice(0, 4).toLowerCase()}-${cohort.joinCode.slice(4)}`);
  await page.getByRole("button", { name: "Find my cohort" }).click();
  await expect(page).toHaveURL(new RegExp(`/join/${cohort.joinCode}$`));
  await expect(page.getByRole("heading", { level: 1, name: `Join ${cohort.name}` })).toBeVisible();
  await expectAccessibleWithoutScripts(page, browser);
  await page.getByRole("button", { name: "Join this cohort" }).click();

  await expect(page).toHaveURL(/\/me\/programme$/);
  await expect(page.getByText(`Welcome to ${cohort.name}`)).toBeVisible();
  await expect(page.getByText("0 of 15 steps done")).toBeVisible();
  await expectAccessibleWithoutScripts(page, browser);
  await page.getByRole("link", { name: "Open step 1" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Accept the outcome gracefully" })).toBeVisible();
  await expect(page.getByText("Step 1 of 15")).toBeVisible();
  await expect(page.locator("script[src]")).toHaveCount(0);
  await expectAccessibleWithoutScripts(page, browser);

  // Nothing written: a 400, with the problems listed and at the fields; nothing saved.
  const refused = postTo(page, `/me/programme/${cohort.id}/steps/1`);
  await page.getByRole("button", { name: "Save and complete this step" }).click();
  expect((await refused).status()).toBe(400);
  const summary = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "There is a problem" }) });
  await expect(summary.getByRole("link", { name: "Write your answer to “What are you feeling right now?”" })).toBeVisible();
  await expectAccessibleWithoutScripts(page, browser);

  await page.getByLabel("What are you feeling right now?").fill("Disappointed, and a bit tired.");
  await page.getByLabel("What will you do next?").fill("Rest tonight, then update my CV on Saturday.");
  await page.getByRole("button", { name: "Save and complete this step" }).click();
  await expect(page.getByText("Saved. Step 1 is done.")).toBeVisible();
  await expect(page.getByText(/You completed this step on/)).toBeVisible();
  await expect(page.getByLabel("What will you do next?")).toHaveValue("Rest tonight, then update my CV on Saturday.");

  await page.getByRole("link", { name: "My programme" }).first().click();
  await expect(page.getByText("1 of 15 steps done")).toBeVisible();
  await expect(page.getByRole("progressbar")).toHaveAttribute("value", "1");
  // Step 2 opens in two days: its title and date only.
  await expect(page.getByText(/Ask for constructive feedback · opens/)).toBeVisible();

  const organiserContext = await browser.newContext({ javaScriptEnabled: false });
  try {
    await signIn(organiserContext, organiser);
    const grid = await organiserContext.newPage();
    await grid.goto(`/admin/cohorts/${cohort.id}`);
    const row = grid.getByRole("row", { name: /Bisi Ogun/ });
    await expect(row.getByRole("cell").nth(0)).toHaveText("1/15");
    await expect(row.getByRole("cell").nth(1)).toHaveText("✓");
    await expect(row.getByRole("cell").nth(2)).toHaveText("·");
    // Completion, never content.
    await expect(grid.getByText("Rest tonight")).toHaveCount(0);
  } finally {
    await organiserContext.close();
  }
});

test("a step that has not opened sends its title and date only, by page and by data request", async ({ page, request, baseURL }) => {
  const organiser = await createAccount({ roles: ["organiser"] });
  const cohort = await createOpenCohort(organiser, { name: `Locked cohort ${Date.now()}` });
  const member = await createAccount({ roles: ["participant"] });
  const outsider = await createAccount({ roles: ["participant"] });
  const { joinCohort } = await import("~/modules/cohorts/membership.server");
  expect(joinCohort({ user: member, cohortId: cohort.id })).toMatchObject({ ok: true, status: "joined" });
  // Words from step 2's text and exercise.
  const secrets = [/Chidinma/, /Feedback on my interview/, /Interviewer's name/];

  await signIn(page.context(), member);
  const response = await page.goto(`/me/programme/${cohort.id}/steps/2`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "Ask for constructive feedback" })).toBeVisible();
  await expect(page.getByText(/This step opens on/)).toBeVisible();
  const html = await page.content();
  for (const secret of secrets) expect(html).not.toMatch(secret);
  const data = await page.request.get(`${baseURL}/me/programme/${cohort.id}/steps/2.data`);
  expect(data.status()).toBe(200);
  const body = await data.text();
  expect(body).toContain("Ask for constructive feedback");
  for (const secret of secrets) expect(body).not.toMatch(secret);

  const { sessionCookie } = await import("./security-helpers");
  const asOutsider = await request.get(`/me/programme/${cohort.id}/steps/1.data`, { headers: { Cookie: await sessionCookie(outsider.id, "Playwright") }, maxRedirects: 0 });
  expect(asOutsider.status()).toBe(403);
  expect(await asOutsider.text()).not.toMatch(/disappointed|Accept the outcome/i);
});

test("someone new opens a cohort's join link, signs up, confirms and lands back on it, signed in", async ({ page }) => {
  const organiser = await createAccount({ roles: ["organiser"] });
  const cohort = await createOpenCohort(organiser, { name: `Join-link cohort ${Date.now()}` });
  const email = uniqueEmail("joiner");
  const password = "gentle cassava monsoon";

  await page.goto(`/join/${cohort.joinCode}`);
  await page.getByRole("link", { name: "Create an account" }).click();
  await page.getByLabel("Full name").fill("Kemi Joiner");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Create a password").fill(password);
  await agreeOnSignupForm(page, { birthDate: ADULT_BIRTH_DATE });
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();

  await page.goto(await emailedLink(email, /confirm your email address/i, "/verify-email?token="));
  await page.getByRole("button", { name: "Confirm email address" }).click();
  await expect(page).toHaveURL(new RegExp(`/join/${cohort.joinCode}$`));
  await expect(page.getByText("Thank you. Your email address is confirmed.")).toBeVisible();
  await page.getByRole("button", { name: "Join this cohort" }).click();
  await expect(page.getByText(`Welcome to ${cohort.name}`)).toBeVisible();
});
