import { expectAccessibleWithoutScripts } from "./account-helpers";
import { createPublishedEvent, registerFor } from "./event-helpers";
import { createAccount, expect, signIn, test } from "./fixtures";

// The door's phone may be an old one, or on a network that drops scripts: check-in is plain forms.
test("check-in works with JavaScript off: search, mark present, ticket code, QR address", async ({ page, browser }) => {
  const organiser = await createAccount({ roles: ["organiser"] });
  const event = await createPublishedEvent(organiser, { title: `Offline door ${Date.now().toString(36)}` });
  const bola = await createAccount({ name: "Bola Ade" });
  const femi = await createAccount({ name: "Femi Oke" });
  const kemi = await createAccount({ name: "Kemi Ade" });
  await registerFor(event.id, bola);
  const femiTicket = await registerFor(event.id, femi);
  const kemiTicket = await registerFor(event.id, kemi);
  await signIn(page.context(), organiser);

  await page.goto(`/admin/events/${event.id}/check-in`);
  await expect(page.locator(".figures")).toContainText("0 present");
  await expectAccessibleWithoutScripts(page, browser);
  await page.getByLabel("Find a person by name or email").fill(bola.email);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\?q=/);
  await page.getByRole("button", { name: "Mark present for Bola Ade" }).click();
  await expect(page.getByText("Bola Ade is checked in.")).toBeVisible();
  await expect(page.locator(".figures")).toContainText("1 present");

  await page.getByLabel("Code", { exact: true }).fill(femiTicket.shortCode);
  await page.getByRole("button", { name: "Check in with the code" }).click();
  await expect(page.getByText("Femi Oke is checked in.")).toBeVisible();
  await expect(page.locator(".figures")).toContainText("2 present");

  await page.goto(`/admin/events/${event.id}/check-in/${kemiTicket.checkInToken}`);
  await expect(page.getByRole("heading", { level: 1, name: "Kemi Ade" })).toBeVisible();
  await page.getByRole("button", { name: "Mark present" }).click();
  await expect(page.getByText("Kemi Ade is checked in.")).toBeVisible();
  await expect(page.locator(".figures")).toContainText("3 present");
  await expect(page.locator(".figures")).toContainText("3 expected");
});
