import type { Page } from "@playwright/test";
import { agreeOnSignupForm, emailedLink, expectAccessibleWithoutScripts } from "./account-helpers";
import { doorLinkToken } from "./door-invitation-helpers";
import { createPublishedEvent } from "./event-helpers";
import { createAccount, expect, signIn, test, uniqueEmail } from "./fixtures";

// Accepting an invitation to the door team without JavaScript (ADR 0034): plain forms, errors at
// the field, and the volunteer at /door.

const postTo = (page: Page, path: string) => page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === path);

test("a volunteer signs up from an emailed invitation, fixing a missed box on the way", async ({ page, browser }) => {
  const organiser = await createAccount({ roles: ["organiser"] });
  const event = await createPublishedEvent(organiser, { title: `No-script door ${Date.now().toString(36)}` });
  const email = uniqueEmail("door-nojs");
  const { inviteDoorVolunteer } = await import("~/modules/events/door-invitations.server");
  const invited = await inviteDoorVolunteer({ email, eventId: event.id, inviter: { id: organiser.id, name: organiser.name } }, "192.0.2.77");
  expect(invited).toMatchObject({ ok: true, kind: "invited" });

  const link = await emailedLink(email, /invited you to check people in/, "/door-invitations/");
  const path = new URL(link).pathname;
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Join the door team" })).toBeVisible();
  await expect(page.getByLabel("Email address")).toHaveValue(email);
  await expectAccessibleWithoutScripts(page, browser);

  await page.getByLabel("Your name").fill("Musa Door");
  await page.getByLabel("Choose a password").fill("lanterns at the gate");
  await page.getByLabel("I have read the privacy notice").check();
  let post = postTo(page, path);
  await page.getByRole("button", { name: "Create account and join" }).click();
  expect((await post).status()).toBe(400);
  await expect(page.locator(".field--error")).toContainText("Tick the box to agree to the terms of use");
  await expect(page.getByLabel("Your name")).toHaveValue("Musa Door");
  await expectAccessibleWithoutScripts(page, browser);

  await page.getByLabel("Choose a password").fill("lanterns at the gate");
  await agreeOnSignupForm(page);
  post = postTo(page, path);
  await page.getByRole("button", { name: "Create account and join" }).click();
  expect((await post).status()).toBe(302);
  await expect(page).toHaveURL(/\/door$/);
  await expect(page.getByRole("link", { name: event.title })).toBeVisible();

  // The link worked once.
  const again = await page.goto(link);
  expect(again?.status()).toBe(410);
  await expect(page.getByRole("heading", { level: 1, name: "This invitation has already been used" })).toBeVisible();
});

test("a signed-in person joins through the link shown at the door with one button", async ({ page, browser }) => {
  const organiser = await createAccount({ roles: ["organiser"] });
  const event = await createPublishedEvent(organiser, { title: `No-script door link ${Date.now().toString(36)}` });
  const regular = await createAccount({ name: "Kemi Regular" });
  const token = await doorLinkToken(event.id, organiser.id);

  await signIn(page.context(), regular);
  await page.goto(`/door-invitations/${token}`);
  await expect(page.getByText(`invites you to check people in at “${event.title}”`)).toBeVisible();
  await expectAccessibleWithoutScripts(page, browser);
  const post = postTo(page, `/door-invitations/${token}`);
  await page.getByRole("button", { name: "Join the door team" }).click();
  expect((await post).status()).toBe(302);
  await expect(page).toHaveURL(/\/door$/);
  await expect(page.getByText("Welcome to the door team")).toBeVisible();
  await page.getByRole("link", { name: event.title }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check in" })).toBeVisible();
});
