import { createAccount, expect, expectAccessible, mailbox, signIn, test, uniqueEmail } from "./fixtures";
import { agreeOnSignupForm, openOtherDevice, waitForHydration } from "./account-helpers";

test("an organiser invites a mentor, who creates an account from the emailed link, and reads it in the outbox", async ({
  page,
  context,
  browser,
  baseURL,
}) => {
  const organiser = await createAccount({ roles: ["organiser"], name: "Funmi Organiser" });
  await signIn(context, organiser);
  const inviteeEmail = uniqueEmail("invitee");

  await page.goto("/admin");
  await expect(page.getByRole("heading", { level: 1, name: "Organisers' console" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Invitations" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Invitations" })).toBeVisible();
  await waitForHydration(page);
  await expectAccessible(page);
  await page.getByLabel("Email address").fill(inviteeEmail);
  await page.getByRole("radio", { name: "Mentor" }).check();
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${inviteeEmail}.`)).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: inviteeEmail });
  await expect(row).toContainText("Pending");
  await expect(row).toContainText("Mentor");

  const invitation = await mailbox.waitFor(inviteeEmail, /Funmi Organiser invited you to join .* as a mentor/);
  const link = mailbox.link(invitation, "/invitations/");

  const invitee = await openOtherDevice(browser, { baseURL, ip: "2001:db8:2::50" });
  await invitee.page.goto(link);
  await expect(invitee.page.getByRole("heading", { level: 1, name: "Join as a mentor" })).toBeVisible();
  await expect(invitee.page.getByLabel("Email address")).toHaveValue(inviteeEmail);
  await expectAccessible(invitee.page);
  await invitee.page.getByLabel("Your name").fill("Segun Mentor");
  await invitee.page.getByLabel("Choose a password").fill("hibiscus lagoon ladder");
  await agreeOnSignupForm(invitee.page);
  await invitee.page.getByRole("button", { name: "Create account and accept" }).click();
  await expect(invitee.page).toHaveURL(/\/me$/);
  await expect(invitee.page.getByText("Welcome: you are now a mentor.")).toBeVisible();
  await expect(invitee.page.getByRole("heading", { level: 1, name: "Hello, Segun Mentor" })).toBeVisible();
  await expect(invitee.page.getByRole("main").getByText("Mentor", { exact: true })).toBeVisible();
  // Invited by email, so the address is already confirmed.
  await expect(invitee.page.getByRole("region", { name: "Confirm your email address" })).toHaveCount(0);

  // The link worked once.
  await invitee.page.goto(link);
  await expect(invitee.page.getByRole("heading", { level: 1, name: "This invitation has already been used" })).toBeVisible();
  await expectAccessible(invitee.page);
  await invitee.close();

  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: inviteeEmail })).toContainText("Accepted");

  await page.goto("/admin/outbox");
  await expect(page.getByRole("heading", { level: 1, name: "Outbox" })).toBeVisible();
  await expectAccessible(page);
  const sent = page.getByRole("row").filter({ hasText: inviteeEmail });
  await expect(sent).toContainText("Sent");
  await sent.getByRole("link", { name: invitation.subject }).click();
  await expect(page.getByRole("heading", { level: 1, name: invitation.subject })).toBeVisible();
  await expect(page.getByRole("main")).toContainText(inviteeEmail);
  // Sent by email, its one-time link belongs to the invitee alone.
  await expect(page.getByText("This message carries a one-time link for its recipient")).toBeVisible();
  expect(await page.content()).not.toContain(link.split("/").pop()!);
  await expectAccessible(page);
});

test("an organiser reads a sent message in the outbox", async ({ page, context }) => {
  const organiser = await createAccount({ roles: ["organiser"], name: "Dayo Organiser" });
  await signIn(context, organiser);
  // Changing the password sends a message with no secret in it, so the outbox shows it whole.
  await page.goto("/me/account");
  await waitForHydration(page);
  const passwordForm = page.getByRole("form", { name: "Change your password" });
  await passwordForm.getByLabel("Current password").fill(organiser.password);
  await passwordForm.getByLabel("New password").fill("acacia sunrise bicycle");
  await passwordForm.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Your password has been changed.")).toBeVisible();
  const delivered = await mailbox.waitFor(organiser.email, /password was changed/i);

  await page.goto("/admin/outbox");
  const row = page.getByRole("row").filter({ hasText: organiser.email });
  await expect(row).toContainText("Sent");
  await row.getByRole("link", { name: delivered.subject }).click();
  await expect(page.getByRole("heading", { level: 1, name: delivered.subject })).toBeVisible();
  await expect(page.getByRole("main")).toContainText(organiser.email);
  await expect(page.getByRole("main")).toContainText(delivered.messageId);
  await expect(page.getByRole("heading", { name: "Plain text" })).toBeVisible();
  const firstLine = delivered.text.split("\n").find((line) => line.trim().length > 20)!.trim();
  await expect(page.getByText(firstLine, { exact: false }).first()).toBeVisible();
  await expectAccessible(page);
});

test("an organiser changes a person's roles and the audit log records it", async ({ page, context, browser, baseURL }) => {
  const organiser = await createAccount({ roles: ["organiser"], name: "Tope Organiser" });
  const person = await createAccount({ roles: ["participant"], name: `Chidi ${Date.now().toString(36)}` });
  await signIn(context, organiser);

  await page.goto("/admin/people");
  await expect(page.getByRole("heading", { level: 1, name: "People" })).toBeVisible();
  await waitForHydration(page);
  await expectAccessible(page);
  await page.getByRole("searchbox", { name: "Search by name or email" }).fill(person.email);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByText(`1 found for “${person.email}”`)).toBeVisible();
  await page.getByRole("link", { name: person.name }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/people/${person.id}$`));
  await expect(page.getByRole("heading", { level: 1, name: person.name })).toBeVisible();
  await waitForHydration(page);
  await expectAccessible(page);

  const roles = page.getByRole("group", { name: "Roles" });
  await expect(roles.getByRole("checkbox", { name: /Participant/ })).toBeChecked();
  await roles.getByRole("checkbox", { name: /Mentor/ }).check();
  await page.getByRole("button", { name: "Save roles" }).click();
  await expect(page.getByText("Roles saved: now")).toContainText("mentor");
  await expect(roles.getByRole("checkbox", { name: /Mentor/ })).toBeChecked();

  await page.goto("/admin/audit");
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  await expectAccessible(page);
  const entry = page.getByRole("row").filter({ hasText: "role.changed" }).filter({ hasText: person.name });
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText(organiser.name);
  await expect(entry).toContainText("participant → ");
  await expect(entry.getByRole("cell").last()).toContainText("mentor");

  await page.getByRole("link", { name: "Organisers' console" }).click();
  await page.getByRole("link", { name: "Organisation settings" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Organisation settings" })).toBeVisible();
  await expect(page.getByLabel("Name", { exact: true })).not.toHaveValue("");
  await expectAccessible(page);

  // The person sees the new role on their own page.
  const theirs = await openOtherDevice(browser, { baseURL, ip: "2001:db8:2::51" });
  await signIn(theirs.context, person);
  await theirs.page.goto("/me");
  await expect(theirs.page.getByRole("main").getByText("Mentor", { exact: true })).toBeVisible();
  await theirs.close();
});
