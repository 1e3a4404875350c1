import type { Browser, Page } from "@playwright/test";
import { createPublishedEvent, registerFor } from "./event-helpers";
import { createAccount, expect, expectAccessible, signIn, test, watchConsole, type TestAccount } from "./fixtures";
import { fakeCamera, holdUpCode } from "./door-helpers";

async function doorTeam(organiser: TestAccount, eventId: string, name: string) {
  const { assignDoorVolunteer } = await import("~/modules/events/door-team.server");
  const volunteer = await createAccount({ name });
  assignDoorVolunteer(undefined, { userId: volunteer.id, eventId, actorId: organiser.id });
  return volunteer;
}

async function registrationsOf(eventId: string) {
  const { db } = await import("~db/client.server");
  const { registrations, users } = await import("~db/schema");
  const { eq } = await import("drizzle-orm");
  return db
    .select({ name: users.name, status: registrations.status, checkedInAt: registrations.checkedInAt, checkedInBy: registrations.checkedInBy, walkInKey: registrations.walkInKey })
    .from(registrations)
    .innerJoin(users, eq(users.id, registrations.userId))
    .where(eq(registrations.eventId, eventId))
    .all();
}

/** A volunteer's phone on the door page, the door list downloaded. */
async function doorPhone(browser: Browser, volunteer: TestAccount, eventId: string) {
  const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
  await fakeCamera(context);
  await signIn(context, volunteer);
  const page = await context.newPage();
  const errors = watchConsole(page);
  await page.goto(`/door/${eventId}`);
  await expect(page.locator("#door-status")).toContainText("Door list on this phone");
  return { context, page, errors };
}

const people = ["Ada Offline", "Bola Offline", "Chidi Offline", "Dayo Offline"];

test("the door page scans tickets with the camera: checked in, already checked in by whom, not for this event, no seat", async ({ browser }) => {
  const organiser = await createAccount({ roles: ["organiser"] });
  const event = await createPublishedEvent(organiser, { title: `Scanner ${Date.now().toString(36)}`, capacity: 1 });
  const other = await createPublishedEvent(organiser, { title: `Other ${Date.now().toString(36)}` });
  const ada = await createAccount({ name: "Ada Scanned" });
  const bola = await createAccount({ name: "Bola Waiting" });
  const ticket = await registerFor(event.id, ada);
  const waiting = await registerFor(event.id, bola);
  const elsewhere = await registerFor(other.id, bola);
  const volunteer = await doorTeam(organiser, event.id, "Tola Scanner");
  const { page, context, errors } = await doorPhone(browser, volunteer, event.id);
  const base = process.env.E2E_BASE_URL!;

  await page.getByRole("button", { name: "Scan tickets" }).click();
  await holdUpCode(page, `${base}/door/${event.id}/${ticket.checkInToken}`);
  const result = page.locator("#door-result");
  await expect(result).toHaveAttribute("data-verdict", "checked-in");
  await expect(result).toContainText("Ada Scanned");
  await expect.poll(async () => (await registrationsOf(event.id)).find((r) => r.name === "Ada Scanned")?.checkedInAt).not.toBeNull();

  // The next ticket is read within the second; the same one again says when, and by whom.
  await holdUpCode(page, `${base}/door/${other.id}/${elsewhere.checkInToken}`);
  await expect(result).toHaveAttribute("data-verdict", "other-event", { timeout: 1500 });
  await holdUpCode(page, `${base}/door/${event.id}/${waiting.checkInToken}`);
  await expect(result).toHaveAttribute("data-verdict", "no-seat", { timeout: 1500 });
  await expect(result).toContainText("waitlist");
  await holdUpCode(page, "https://example.org/not-a-ticket");
  await expect(result).toHaveAttribute("data-verdict", "not-a-ticket", { timeout: 1500 });
  await page.reload();
  await expect(page.locator("#door-status")).toContainText("Everything is synced");
  await page.getByRole("button", { name: "Scan tickets" }).click();
  await holdUpCode(page, `${base}/door/${event.id}/${ticket.checkInToken}`);
  await expect(result).toHaveAttribute("data-verdict", "already");
  await expect(result).toContainText("by Tola Scanner");
  await expectAccessible(page);
  expect(errors()).toEqual([]);
  await context.close();
});

test("a hardware scanner typing the ticket's address and Enter checks the person in", async ({ browser }) => {
  const organiser = await createAccount({ roles: ["organiser"] });
  const event = await createPublishedEvent(organiser, { title: `Hardware scanner ${Date.now().toString(36)}` });
  const ada = await createAccount({ name: "Ada Typed" });
  const ticket = await registerFor(event.id, ada);
  const volunteer = await doorTeam(organiser, event.id, "Tola Typist");
  const { page, context, errors } = await doorPhone(browser, volunteer, event.id);
  const code = page.getByLabel("Code", { exact: true });
  await code.fill(`${process.env.E2E_BASE_URL}/door/${event.id}/${ticket.checkInToken}`);
  await code.press("Enter");
  await expect(page.locator("#door-result")).toContainText("Ada Typed");
  await expect(code).toHaveValue("");
  await expect.poll(async () => (await registrationsOf(event.id))[0].checkedInAt).not.toBeNull();
  expect(errors()).toEqual([]);
  await context.close();
});

async function checkInByCode(page: Page, shortCode: string) {
  const code = page.getByLabel("Code", { exact: true });
  await code.fill(shortCode);
  await code.press("Enter");
}

test("two phones check people in offline; back online every check-in lands once, the earliest time wins, and a walk-in added offline appears", async ({ browser }) => {
  const organiser = await createAccount({ roles: ["organiser"] });
  const event = await createPublishedEvent(organiser, { title: `Offline door ${Date.now().toString(36)}`, capacity: 10 });
  const tickets = new Map<string, { shortCode: string }>();
  for (const name of people) tickets.set(name, await registerFor(event.id, await createAccount({ name })));
  const first = await doorTeam(organiser, event.id, "Tola First");
  const second = await doorTeam(organiser, event.id, "Bisi Second");
  const a = await doorPhone(browser, first, event.id);
  const b = await doorPhone(browser, second, event.id);
  await a.context.setOffline(true);
  await b.context.setOffline(true);
  await expect(a.page.locator("#door-status")).toContainText("Offline");
  // With no network the door page still opens, from the copy the phone kept, with its list.
  await a.page.reload();
  await expect(a.page.locator("#door-status")).toContainText("Door list on this phone: 4 people");
  await expect(a.page.locator("#door-status")).toContainText("Offline");

  // Phone B sees Ada first; phone A sees her later, and Bola; phone B also Chidi.
  await checkInByCode(b.page, tickets.get("Ada Offline")!.shortCode);
  await expect(b.page.locator("#door-result")).toContainText("Ada Offline");
  await a.page.waitForTimeout(50);
  await checkInByCode(a.page, tickets.get("Ada Offline")!.shortCode);
  await a.page.getByRole("searchbox").fill("Bola");
  await a.page.getByRole("button", { name: "Mark present for Bola Offline" }).click();
  await expect(a.page.locator("#door-result")).toContainText("Bola Offline");
  await b.page.getByRole("searchbox").fill("chidi");
  await b.page.getByRole("button", { name: "Mark present for Chidi Offline" }).click();

  // A walk-in, offline: the form's checks happen on the phone.
  await a.page.getByRole("button", { name: "Add and check in" }).click();
  await expect(a.page.getByText("Enter the person's name")).toBeVisible();
  await a.page.getByLabel("Their name").fill("Efe Walk-in");
  await a.page.getByLabel("Mobile number").fill("0803 555 0199");
  await a.page.getByRole("button", { name: "Add and check in" }).click();
  await expect(a.page.locator("#door-result")).toContainText("Efe Walk-in");

  await expect(a.page.locator("#door-status")).toHaveAttribute("data-waiting", "3");
  await expect(b.page.locator("#door-status")).toHaveAttribute("data-waiting", "2");
  await expect(a.page.locator("#door-status")).toContainText("3 check-ins are waiting to sync");
  expect((await registrationsOf(event.id)).filter((r) => r.checkedInAt !== null)).toEqual([]);

  // Phone A comes back first, then phone B: phone B's earlier check-in of Ada stands.
  await a.context.setOffline(false);
  await expect(a.page.locator("#door-status")).toContainText("Everything is synced");
  await b.context.setOffline(false);
  await expect(b.page.locator("#door-status")).toContainText("Everything is synced");

  const rows = await registrationsOf(event.id);
  const byName = new Map(rows.map((row) => [row.name, row]));
  expect(rows.filter((r) => r.checkedInAt !== null).map((r) => r.name).sort()).toEqual(["Ada Offline", "Bola Offline", "Chidi Offline", "Efe Walk-in"]);
  expect(rows).toHaveLength(5);
  expect(byName.get("Ada Offline")!.checkedInBy).toBe(second.id);
  expect(byName.get("Efe Walk-in")).toMatchObject({ status: "confirmed", walkInKey: expect.any(String) });

  // Phone B learns of the walk-in and of phone A's check-ins with its next list.
  await b.page.reload();
  await b.page.getByRole("searchbox").fill("Efe");
  await expect(b.page.locator('[data-door="people"]')).toContainText("Efe Walk-in");
  await expect(b.page.locator('[data-door="people"]')).toContainText("Present at");
  for (const phone of [a, b]) {
    expect(phone.errors().filter((text) => !text.includes("ERR_INTERNET_DISCONNECTED"))).toEqual([]);
    await phone.context.close();
  }
});
