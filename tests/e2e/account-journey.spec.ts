import { createAccount, expect, expectAccessible, mailbox, signIn, test, uniqueEmail } from "./fixtures";
import {
  ADULT_BIRTH_DATE,
  agreeOnSignupForm,
  emailedLink,
  expectSignedInAs,
  expectSignedOut,
  logInThroughForm,
  openOtherDevice,
  waitForHydration,
} from "./account-helpers";

test("sign up, confirm the email, log out and in, reset the password and end the other session", async ({
  page,
  browser,
  baseURL,
}) => {
  // The longest story here: a dozen pages, two emails and seven password checks in a row.
  test.slow();
  const name = "Ngozi Adeyemi";
  const email = uniqueEmail("journey");
  const oldPassword = "kettle orbit savanna";
  const newPassword = "lantern mango harmattan";

  await page.goto("/");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Join the programme" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Create your account" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Create a password").fill(oldPassword);
  await agreeOnSignupForm(page, { birthDate: ADULT_BIRTH_DATE });
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText(email);
  await expectAccessible(page);

  // Before confirming, the person's page asks for it.
  await logInThroughForm(page, email, oldPassword);
  await expect(page.getByRole("heading", { level: 1, name: `Hello, ${name}` })).toBeVisible();
  await expect(page.getByRole("region", { name: "Confirm your email address" })).toBeVisible();
  await expectAccessible(page);

  const verifyLink = await emailedLink(email, /confirm your email address/i, "/verify-email?token=");
  await page.goto(verifyLink);
  await expect(page.getByRole("heading", { level: 1, name: "Confirm your email address" })).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Confirm email address" }).click();
  await expect(page).toHaveURL(/\/me$/);
  await expect(page.getByText("Thank you. Your email address is confirmed.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Confirm your email address" })).toHaveCount(0);

  // The link was single-use.
  await page.goto(verifyLink);
  await expect(page.getByRole("heading", { level: 1, name: "This link cannot be used" })).toBeVisible();

  await page.goto("/me");
  await waitForHydration(page);
  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page.getByText("You have logged out.")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Log in" })).toBeVisible();
  await expectSignedOut(page);
  await expectAccessible(page);

  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(oldPassword);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/me$/);
  await expect(page.getByRole("heading", { level: 1, name: `Hello, ${name}` })).toBeVisible();

  // The same person is also signed in on another device.
  const other = await openOtherDevice(browser, { baseURL, ip: "2001:db8:1::77" });
  await logInThroughForm(other.page, email, oldPassword);
  await expectSignedInAs(other.page, name);

  await page.goto("/forgot-password");
  await expect(page.getByRole("heading", { level: 1, name: "Reset your password" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText(`If an account exists for ${email}`);

  const resetLink = await emailedLink(email, /reset your .* password/i, "/reset-password?token=");
  await page.goto(resetLink);
  await expect(page.getByRole("heading", { level: 1, name: "Choose a new password" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("New password").fill(newPassword);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByText("Your password has been changed. Log in with your new password.")).toBeVisible();
  await mailbox.waitFor(email, /password was changed/i);

  // Every session ended, this one and the other device's.
  await expectSignedOut(other.page);
  await other.close();
  await expectSignedOut(page);

  // The reset link cannot be used twice.
  await page.goto(resetLink);
  await expect(page.getByRole("heading", { level: 1, name: "This link has expired" })).toBeVisible();

  await logInThroughForm(page, email, oldPassword);
  await expect(page.getByRole("heading", { level: 1, name: "Log in" })).toBeVisible();
  await expect(page.getByRole("alert")).toContainText("Email or password is incorrect");
  await expect(page.getByLabel("Email address")).toHaveValue(email);
  await expectAccessible(page);

  await page.getByLabel("Password", { exact: true }).fill(newPassword);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/me$/);
  await expect(page.getByRole("heading", { level: 1, name: `Hello, ${name}` })).toBeVisible();
});

test("changing the password ends the other session and keeps this one", async ({ page, context, browser, baseURL }) => {
  const account = await createAccount({ name: "Emeka Obi" });
  await signIn(context, account);
  const other = await openOtherDevice(browser, { baseURL, ip: "2001:db8:1::78" });
  await signIn(other.context, account);
  await expectSignedInAs(other.page, account.name);

  await page.goto("/me");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Account settings" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Account settings" })).toBeVisible();
  await waitForHydration(page);
  await expectAccessible(page);
  const sessions = page.getByRole("table", { name: "Where you are signed in" }).getByRole("row");
  await expect(sessions).toHaveCount(3); // the header row and two sessions

  const passwordForm = page.getByRole("form", { name: "Change your password" });
  await passwordForm.getByLabel("Current password").fill(account.password);
  await passwordForm.getByLabel("New password").fill("baobab twilight ferry");
  await passwordForm.getByRole("button", { name: "Change password" }).click();
  await expect(
    page.getByText("Your password has been changed, and you have been signed out on 1 other session."),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/me\/account$/);
  await expect(sessions).toHaveCount(2);
  await expect(page.getByText("You are not signed in anywhere else.")).toBeVisible();
  await mailbox.waitFor(account.email, /password was changed/i);

  await expectSignedOut(other.page);
  await other.close();
  await expectSignedInAs(page, account.name);
});

test("my sessions lists both devices and signing out of the others ends the other one", async ({
  page,
  context,
  browser,
  baseURL,
}) => {
  const account = await createAccount({ name: "Halima Bello" });
  await signIn(context, account);
  const other = await openOtherDevice(browser, { baseURL, ip: "2001:db8:1::79" });
  await logInThroughForm(other.page, account.email, account.password);
  await expectSignedInAs(other.page, account.name);

  await page.goto("/me/account");
  await waitForHydration(page);
  const table = page.getByRole("table", { name: "Where you are signed in" });
  const rows = table.getByRole("row");
  await expect(rows).toHaveCount(3);
  await expect(table.getByRole("row").filter({ hasText: "This device" })).toHaveCount(1);
  await expect(table.getByRole("row").filter({ hasText: "In the last hour" })).toHaveCount(2);

  await page.getByRole("button", { name: "Sign out of all other sessions" }).click();
  await expect(page.getByText("You have been signed out of 1 other session.")).toBeVisible();
  await expect(rows).toHaveCount(2);
  await expect(page.getByRole("button", { name: "Sign out of all other sessions" })).toHaveCount(0);

  await expectSignedOut(other.page);
  await other.close();
  await expectSignedInAs(page, account.name);
});

for (const variant of [
  { path: "/signup/mentor", heading: "Sign up as a mentor", role: "Mentor" },
  { path: "/signup/sponsor", heading: "Create a sponsor account", role: "Sponsor" },
]) {
  test(`signing up at ${variant.path} gives the ${variant.role.toLowerCase()} role`, async ({ page }) => {
    const email = uniqueEmail(variant.role.toLowerCase());
    const password = "river copper drumbeat";
    await page.goto(variant.path);
    await expect(page.getByRole("heading", { level: 1, name: variant.heading })).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel("Full name").fill("Kemi Lawal");
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Create a password").fill(password);
    await agreeOnSignupForm(page);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
    await mailbox.waitFor(email, /confirm your email address/i);

    await logInThroughForm(page, email, password);
    await expect(page.getByRole("heading", { level: 1, name: "Hello, Kemi Lawal" })).toBeVisible();
    await expect(page.getByRole("main").getByText(variant.role, { exact: true })).toBeVisible();
  });
}
