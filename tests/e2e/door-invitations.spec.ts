import type { Browser, Page } from "@playwright/test";
import { agreeOnSignupForm, emailedLink, openOtherDevice, waitForHydration } from "./account-helpers";
import { createPublishedEvent } from "./event-helpers";
import { createAccount, expect, expectAccessible, signIn, test, uniqueEmail } from "./fixtures";

// Invitations to the door team (ADR 0034): by email to someone with no account, and by a link shown
// as a QR code at the door that several newcomers use.

let device = 0;

/** The page fits a 360 px phone: nothing wider than the screen. */
async function expectFitsPhone(page: Page) {
  await page.setViewportSize({ width: 360, height: 740 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}

/** A volunteer on their own phone (their own network address) signs up on the invitation page and lands at /door. */
async function signUpOnPhone(browser: Browser, link: string, volunteer: { name: string; email?: string }, eventTitle: string, check?: (page: Page) => Promise<void>) {
  device += 1;
  const phone = await openOtherDevice(browser, { baseURL: process.env.E2E_BASE_URL, ip: `2001:db8:d00::${process.pid % 1000}:${device}` });
  await phone.page.goto(link);
  await expect(phone.page.getByRole("heading", { level: 1, name: "Join the door team" })).toBeVisible();
  await check?.(phone.page);
  await phone.page.getByLabel("Your name").fill(volunteer.name);
  if (volunteer.email) await phone.page.getByLabel("Email address").fill(volunteer.email);
  await phone.page.getByLabel("Choose a password").fill("lanterns at the gate");
  await agreeOnSignupForm(phone.page);
  await phone.page.getByRole("button", { name: "Create account and join" }).click();
  await expect(phone.page).toHaveURL(/\/door$/);
  await expect(phone.page.getByText("Welcome to the door team")).toBeVisible();
  await expect(phone.page.getByRole("link", { name: eventTitle })).toBeVisible();
  await phone.close();
}

test("an organiser invites an address with no account; the volunteer signs up from the email and reaches /door", async ({ page, browser }) => {
  const organiser = await createAccount({ roles: ["organiser"] });
  const event = await createPublishedEvent(organiser, { title: `Door invitations ${Date.now().toString(36)}` });
  const email = uniqueEmail("door-newcomer");

  await signIn(page.context(), organiser);
  await page.goto(`/admin/events/${event.id}/door-team`);
  await waitForHydration(page);
  await page.getByLabel("Their email address").fill(email);
  await page.getByRole("button", { name: "Add to the door team" }).click();
  await expect(page.getByText(`No account uses ${email} yet, so we emailed an invitation.`)).toBeVisible();
  await expect(page.getByRole("list", { name: "Pending invitations" })).toContainText(email);
  await expectAccessible(page);

  const link = await emailedLink(email, /invited you to check people in/, "/door-invitations/");
  await signUpOnPhone(browser, link, { name: "Tola Newcomer" }, event.title, async (phone) => {
    await expect(phone.getByText(`invited ${email} to check people in`)).toBeVisible();
    await expectFitsPhone(phone);
    await expectAccessible(phone);
  });

  await page.reload();
  await expect(page.getByRole("list", { name: "Door team" })).toContainText("Tola Newcomer");
  await expect(page.getByRole("list", { name: "Pending invitations" })).toHaveCount(0);
});

test("the on-the-spot link shows as a QR code and signs up more than one volunteer", async ({ page, browser }) => {
  const organiser = await createAccount({ roles: ["organiser"] });
  const event = await createPublishedEvent(organiser, { title: `Door link ${Date.now().toString(36)}` });

  await signIn(page.context(), organiser);
  await page.goto(`/admin/events/${event.id}/door-team`);
  await waitForHydration(page);
  await page.getByRole("button", { name: "Make a link and QR code" }).click();
  const qr = page.getByRole("img", { name: "QR code that opens the link to join the door team" });
  await expect(qr.locator("svg")).toBeVisible();
  const link = (await page.getByRole("link", { name: /\/door-invitations\// }).textContent())!;
  expect(link).toMatch(/^http.+\/door-invitations\/[a-z2-7]{32}$/);
  await expect(page.getByRole("list", { name: "Live links" })).toBeVisible();
  await expectAccessible(page);
  await expectFitsPhone(page);

  await signUpOnPhone(browser, link, { name: "Ada Walk-in", email: uniqueEmail("ada") }, event.title, async (phone) => {
    await expectFitsPhone(phone);
    await expectAccessible(phone);
  });
  await signUpOnPhone(browser, link, { name: "Bayo Walk-in", email: uniqueEmail("bayo") }, event.title);

  await page.reload();
  await expect(page.getByRole("list", { name: "Door team" })).toContainText("Ada Walk-in");
  await expect(page.getByRole("list", { name: "Door team" })).toContainText("Bayo Walk-in");

  // Ended early: the link answers that it has ended.
  await waitForHydration(page);
  await page.getByRole("button", { name: /End now/ }).click();
  await expect(page.getByText("Link ended: nobody can join through it any more.")).toBeVisible();
  const ended = await page.goto(link);
  expect(ended?.status()).toBe(410);
  await expect(page.getByRole("heading", { level: 1, name: "This invitation has ended" })).toBeVisible();
});
