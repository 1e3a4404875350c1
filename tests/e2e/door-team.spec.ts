import { logInThroughForm } from "./account-helpers";
import { createPublishedEvent, registerFor } from "./event-helpers";
import { createAccount, expect, expectAccessible, signIn, test } from "./fixtures";

test("an organiser adds a door volunteer, who checks a person in by ticket code at the door and cannot open the console", async ({ page, browser }) => {
  const organiser = await createAccount({ roles: ["organiser"] });
  const event = await createPublishedEvent(organiser, { title: `Door team ${Date.now().toString(36)}` });
  const volunteer = await createAccount({ name: "Tola Volunteer" });
  const amaka = await createAccount({ name: "Amaka Obi" });
  const ticket = await registerFor(event.id, amaka);

  await signIn(page.context(), organiser);
  await page.goto(`/admin/events/${event.id}`);
  await page.getByRole("link", { name: "Door team" }).click();
  await page.getByLabel("Their email address").fill(volunteer.email);
  await page.getByRole("button", { name: "Add to the door team" }).click();
  await expect(page.getByText(`Tola Volunteer can now check people in at this event.`)).toBeVisible();
  await expect(page.getByRole("list", { name: "Door team" })).toContainText(volunteer.email);

  const door = await browser.newContext();
  const phone = await door.newPage();
  await logInThroughForm(phone, volunteer.email, volunteer.password);
  await phone.goto("/door");
  await phone.getByRole("link", { name: event.title }).click();
  await expect(phone).toHaveURL(`/door/${event.id}`);
  await expect(phone.getByRole("heading", { level: 1, name: "Check in" })).toBeVisible();
  await expectAccessible(phone);
  // The page checks people in from the door list on the phone and syncs at once.
  await expect(phone.locator("#door-status")).toContainText("Door list on this phone");
  await phone.getByLabel("Code", { exact: true }).fill(ticket.shortCode);
  await phone.getByRole("button", { name: "Check in with the code" }).click();
  await expect(phone.locator("#door-result")).toContainText("Checked in");
  await expect(phone.locator("#door-result")).toContainText("Amaka Obi");
  await expect(phone.locator("#door-status")).toContainText("Everything is synced");
  await phone.reload();
  await expect(phone.locator(".figures")).toContainText("1 present");

  const consoleAnswer = await phone.goto("/admin");
  expect(consoleAnswer?.status()).toBe(403);
  const adminCheckIn = await phone.goto(`/admin/events/${event.id}/check-in`);
  expect(adminCheckIn?.status()).toBe(403);
  await door.close();

  // The organiser's own check-in page shows the same record.
  await page.goto(`/admin/events/${event.id}/check-in?q=${encodeURIComponent(amaka.email)}`);
  await expect(page.getByText(/Present at/)).toBeVisible();
});
