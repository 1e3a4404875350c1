import fs from "node:fs";
import type { Page } from "@playwright/test";
import { createAccount, expect, expectAccessible, signIn, test } from "./fixtures";
import { createPublishedEvent, registerFor } from "./event-helpers";

// The organisers' dashboard and the journey's funnel: a chosen period, charts drawn on the server
// with their summary and table, a chart's CSV, a 360 px phone, and no script of their own.

const MARCH_2019 = "period=custom&from=2019-03-01&to=2019-03-31";

/** A workshop in March 2019 (a month no other test uses) with two people registered, one of whom came. */
async function marchWorkshop(organiserId: string, title: string) {
  const event = await createPublishedEvent({ id: organiserId }, { title });
  const [came, stayedAway] = [await createAccount(), await createAccount()];
  const ticket = await registerFor(event.id, came);
  await registerFor(event.id, stayedAway);
  const { db } = await import("~db/client.server");
  const { events, registrations } = await import("~db/schema");
  const { eq } = await import("drizzle-orm");
  const startsAt = Date.UTC(2019, 2, 10, 9);
  db.update(events).set({ startsAt, endsAt: startsAt + 3 * 3_600_000 }).where(eq(events.id, event.id)).run();
  db.update(registrations).set({ checkedInAt: startsAt + 600_000 }).where(eq(registrations.id, ticket.id)).run();
}

async function fitsPhone(page: Page) {
  await page.setViewportSize({ width: 360, height: 740 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await expectAccessible(page);
  await page.setViewportSize({ width: 1280, height: 800 });
}


test("an organiser reads a period at a glance, downloads a chart's numbers and opens the funnel", async ({ page, request }) => {
  const organiser = await createAccount({ roles: ["organiser"] });
  await signIn(page.context(), organiser);
  const title = `Spring workshop ${Date.now().toString(36)}`;
  await marchWorkshop(organiser.id, title);

  // This year, as the period selector offers it.
  const year = await page.goto("/admin?period=year");
  expect(year!.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 2, name: "In a period" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: "Registrations and attendance" })).toBeVisible();

  // Dates of one's own, through the GET form.
  await page.getByLabel("Period", { exact: true }).selectOption({ label: "Dates I choose" });
  await page.getByLabel("First day (for dates you choose)").fill("2019-03-01");
  await page.getByLabel("Last day", { exact: true }).fill("2019-03-31");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/period=custom&from=2019-03-01&to=2019-03-31/);
  await expect(page.getByText("1 March 2019 to 31 March 2019")).toBeVisible();
  const registrations = page.getByRole("region", { name: "Registrations and attendance", exact: true });
  await expect(registrations.getByText("2 registrations for events in this period; 1 person checked in (50%).")).toBeVisible();
  await expect(registrations.getByRole("img", { name: "Registrations and attendance" })).toBeVisible();
  await expect(registrations.getByRole("row", { name: "2019-03 2 1" })).toBeVisible();
  const noShows = page.getByRole("region", { name: "No-shows per event", exact: true });
  await expect(noShows.getByRole("row", { name: `${title} 2019-03-10 2 1 50` })).toBeVisible();
  await fitsPhone(page);

  // The chart's table as a spreadsheet, for the same period.
  const [download] = await Promise.all([page.waitForEvent("download"), registrations.getByRole("link", { name: /as CSV/ }).click()]);
  expect(download.suggestedFilename()).toBe("registrations-2019-03-01-to-2019-03-31.csv");
  const text = fs.readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "");
  expect(text.split("\r\n").filter(Boolean).map((line) => line.split(","))).toEqual([["Month", "Registered", "Attended"], ["2019-03", "2", "1"]]);

  // Dates that cannot be read: a 400, the message at the field.
  const wrong = await page.goto("/admin?period=custom&from=2019-03-31&to=2019-03-01");
  expect(wrong!.status()).toBe(400);
  await expect(page.locator(".field--error").getByText("The last day must be the same as or after the first day")).toBeVisible();

  // The funnel for the same month.
  await page.goto(`/admin/journey?${MARCH_2019}`);
  await expect(page.getByRole("heading", { level: 1, name: "The journey" })).toBeVisible();
  await expect(page.getByRole("row", { name: "Registered for an event 2 – –" })).toBeVisible();
  await expect(page.getByRole("row", { name: "Attended an event 1 50% 50%" })).toBeVisible();
  await expect(page.getByText("Gender and city are not collected")).toBeVisible();
  await fitsPhone(page);

  // Part of a name typed in the search field narrows the cohorts and series offered, and stays in its field.
  await page.goto(`/admin/journey?${MARCH_2019}&find=${encodeURIComponent("No cohort is called this")}`);
  await expect(page.getByLabel("Find cohorts and event series by name")).toHaveValue("No cohort is called this");
  await expect(page.getByLabel("Cohort", { exact: true }).locator("option")).toHaveText(["All cohorts"]);
  await expect(page.getByLabel("Event series").locator("option")).toHaveText(["All events"]);
  await fitsPhone(page);

  // The charts are drawn on the server; the two pages load no script, where other console pages load React.
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const htmlOf = async (url: string) => (await request.get(url, { headers: { cookie } })).text();
  expect(await htmlOf(`/admin?${MARCH_2019}`)).toMatch(/<svg[^>]*role="img"/);
  const hydrated = await htmlOf("/admin/audit");
  expect(hydrated).toMatch(/rel="modulepreload"/);
  for (const url of [`/admin?${MARCH_2019}`, `/admin/journey?${MARCH_2019}`]) {
    const html = await htmlOf(url);
    expect(html, url).not.toMatch(/rel="modulepreload"|<script[^>]* src=/);
    // What every signed-in page carries (the offline worker's registration) and nothing more.
    expect(html.match(/<script/g)?.length ?? 0, url).toBeLessThanOrEqual(1);
  }
});
