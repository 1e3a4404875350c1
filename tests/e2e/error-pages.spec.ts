import { createAccount, expect, expectAccessible, signIn, test } from "./fixtures";

test("an unknown address gets the shared 404 page with a way home", async ({ page }) => {
  const response = await page.goto("/no-such-page/anywhere");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expect(page.getByText("The address may be mistyped, or the page may have moved.")).toBeVisible();
  await expect(page.getByRole("banner")).toBeVisible();
  await expect(page.getByRole("contentinfo")).toBeVisible();
  // The router's own wording is for developers, not for the person who mistyped an address.
  await expect(page.getByRole("main")).not.toContainText("No route matches");
  await expectAccessible(page);
  await page.getByRole("main").getByRole("link", { name: "Go to the home page" }).click();
  await expect(page).toHaveURL(/\/$/);
});

test("a participant opening /admin gets a 403 that says what to do", async ({ page, context }) => {
  const participant = await createAccount({ roles: ["participant"] });
  await signIn(context, participant);
  const response = await page.goto("/admin");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1, name: "You do not have access to this page" })).toBeVisible();
  await expect(page.getByText("This page is for organisers only.")).toBeVisible();
  await expect(page.getByText("ask an organiser")).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: "Go to the home page" })).toBeVisible();
  await expectAccessible(page);
});

test("someone signed out who opens /admin is sent to log in and then back, through setting up the second factor organisers need", async ({ page }) => {
  const organiser = await createAccount({ roles: ["organiser"] });
  await page.goto("/admin/people");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fadmin%2Fpeople$/);
  await page.getByLabel("Email address").fill(organiser.email);
  await page.getByLabel("Password", { exact: true }).fill(organiser.password);
  await page.getByRole("button", { name: "Log in" }).click();
  // Organisers must set up two-factor sign-in first (ADR 0022); the page they asked for is kept.
  await expect(page).toHaveURL(/\/me\/two-factor\?redirectTo=%2Fadmin%2Fpeople$/);
});

test("a missing record is a 404 with its own message", async ({ page, context }) => {
  const organiser = await createAccount({ roles: ["organiser"] });
  await signIn(context, organiser);
  const response = await page.goto("/admin/people/not-a-real-id");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expect(page.getByText("There is no person with that id.")).toBeVisible();
});

test("a request no page makes gets the shared page, with no stack trace or internals", async ({ page }) => {
  // The home page has no form: a POST to it is answered by the router itself.
  const response = await page.request.post("/", { form: { anything: "at all" } });
  expect(response.status()).toBe(405);
  const html = await response.text();
  expect(html).toContain("That action is not available here");
  expect(html).toContain("Go to the home page");
  expect(html).not.toMatch(/\bat \S+ \(|node_modules|\.server\.|did not provide an `action`|route &quot;root&quot;/);
});
