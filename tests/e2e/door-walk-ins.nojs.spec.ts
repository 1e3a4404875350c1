import { expectAccessibleWithoutScripts } from "./account-helpers";
import { createPublishedEvent, registerFor } from "./event-helpers";
import { createAccount, expect, signIn, test } from "./fixtures";

async function onDoorTeam(organiserId: string, eventId: string) {
  const { assignDoorVolunteer } = await import("~/modules/events/door-team.server");
  const volunteer = await createAccount({ name: "Tola Plain" });
  assignDoorVolunteer(undefined, { userId: volunteer.id, eventId, actorId: organiserId });
  return volunteer;
}

async function walkInsOf(eventId: string) {
  const { db } = await import("~db/client.server");
  const { registrations, users } = await import("~db/schema");
  const { and, eq, isNotNull } = await import("drizzle-orm");
  return db
    .select({ name: users.name, email: users.email, checkedInAt: registrations.checkedInAt })
    .from(registrations)
    .innerJoin(users, eq(users.id, registrations.userId))
    .where(and(eq(registrations.eventId, eventId), isNotNull(registrations.walkInKey)))
    .all();
}

// Without JavaScript the door page is plain forms against the server: walk-ins and scanned addresses too.
test("a volunteer adds a walk-in with JavaScript off: problems next to the fields, what was typed kept, added once", async ({ page, browser }) => {
  const organiser = await createAccount({ roles: ["organiser"] });
  const event = await createPublishedEvent(organiser, { title: `Walk-ins ${Date.now().toString(36)}`, capacity: 5 });
  const volunteer = await onDoorTeam(organiser.id, event.id);
  await signIn(page.context(), volunteer);
  await page.goto(`/door/${event.id}`);
  await expect(page.locator("#door-app")).toBeHidden();
  await expectAccessibleWithoutScripts(page, browser);

  await page.getByLabel("Their name").fill("Uche Walker");
  const refused = page.waitForResponse((response) => response.request().method() === "POST");
  await page.getByRole("button", { name: "Add and check in" }).click();
  expect((await refused).status()).toBe(400);
  await expect(page.getByText("Enter an email address or a mobile number, so they can claim their account").first()).toBeVisible();
  await expect(page.getByLabel("Their name")).toHaveValue("Uche Walker");
  expect(await walkInsOf(event.id)).toEqual([]);

  const email = `uche-${Date.now().toString(36)}@example.org`;
  await page.getByLabel("Email address").fill(email);
  const key = await page.locator('#door-walk-in input[name="key"]').inputValue();
  await page.getByRole("button", { name: "Add and check in" }).click();
  await expect(page.getByText("Uche Walker is added and checked in.")).toBeVisible();
  await expect(page.locator(".figures")).toContainText("1 present");
  // The same form sent again (a double tap, a resent request) adds nobody new.
  const again = await page.request.post(`/door/${event.id}`, { form: { intent: "walk-in", key, name: "Uche Walker", email }, maxRedirects: 0 });
  expect(again.status()).toBe(302);
  expect(await walkInsOf(event.id)).toEqual([{ name: "Uche Walker", email, checkedInAt: expect.any(Number) }]);
});

test("a hardware scanner's typed ticket address checks the person in with JavaScript off", async ({ page }) => {
  const organiser = await createAccount({ roles: ["organiser"] });
  const event = await createPublishedEvent(organiser, { title: `Typed scan ${Date.now().toString(36)}` });
  const ada = await createAccount({ name: "Ada Plain" });
  const ticket = await registerFor(event.id, ada);
  await signIn(page.context(), await onDoorTeam(organiser.id, event.id));
  await page.goto(`/door/${event.id}`);
  await page.getByLabel("Code", { exact: true }).fill(`${process.env.E2E_BASE_URL}/door/${event.id}/${ticket.checkInToken}`);
  await page.getByLabel("Code", { exact: true }).press("Enter");
  await expect(page.getByText("Ada Plain is checked in.")).toBeVisible();
});
