import type { BrowserContext, Page } from "@playwright/test";
import { createAccount, expect, expectAccessible, signIn, test, type TestAccount } from "./fixtures";
import { createPublishedEvent, registerFor } from "./event-helpers";
import { createOpenCohort } from "./programme-helpers";

// The service worker (ADR 0035) in Chromium against the built server. `context.setOffline` cuts
// the worker's own fetches too (the first test proves it: the page shows the worker's offline
// note, which it writes only when its fetch failed), so "offline" here is the browser's, not a stub.

const STEP_ONE = "Accept the outcome gracefully";
const KEPT_NOTE = "You are offline. This is the copy of this page kept on this phone.";

async function participantInCohort() {
  const organiser = await createAccount({ roles: ["organiser"] });
  const cohort = await createOpenCohort(organiser, { name: `Offline cohort ${Date.now()}` });
  const participant = await createAccount({ roles: ["participant"], name: "Ngozi Eze" });
  const { joinCohort } = await import("~/modules/cohorts/membership.server");
  const joined = joinCohort({ user: participant, cohortId: cohort.id });
  if (!joined.ok) throw new Error(`could not join: ${JSON.stringify(joined)}`);
  const stepPath = (position: number) => `/me/programme/${cohort.id}/steps/${position}`;
  return { participant, cohort, stepPath };
}

/** The paths the worker keeps in its pages cache, read from the page's own origin. */
function keptPages(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const names = await caches.keys();
    if (!names.includes("steppingstone-pages-v1")) return [];
    const cache = await caches.open("steppingstone-pages-v1");
    return (await cache.keys()).map((request) => new URL(request.url).pathname);
  });
}

/** Opens a page online and waits until the worker controls it and has kept it. */
async function openOnline(page: Page, path: string) {
  await page.goto(path);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => keptPages(page)).toContain(path);
}

async function answerFor(participant: TestAccount, cohortId: string) {
  const { db } = await import("~db/client.server");
  const { cohortMembers, exerciseAnswers } = await import("~db/schema");
  const { and, eq } = await import("drizzle-orm");
  return db
    .select({ answer: exerciseAnswers.answer, completedAt: exerciseAnswers.completedAt })
    .from(exerciseAnswers)
    .innerJoin(cohortMembers, eq(cohortMembers.id, exerciseAnswers.memberId))
    .where(and(eq(cohortMembers.userId, participant.id), eq(cohortMembers.cohortId, cohortId)))
    .all();
}

async function goOffline(context: BrowserContext, page: Page) {
  await context.setOffline(true);
  await expect.poll(() => page.evaluate(() => navigator.onLine)).toBe(false);
}

test("a step seen once opens with the network off; a step not seen shows the offline page", async ({ page, context }) => {
  const { participant, stepPath } = await participantInCohort();
  await signIn(context, participant);
  await openOnline(page, stepPath(1));

  await goOffline(context, page);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: STEP_ONE })).toBeVisible();
  await expect(page.getByText(KEPT_NOTE)).toBeVisible();

  await page.goto(stepPath(2));
  await expect(page.getByRole("heading", { level: 1, name: "You are offline" })).toBeVisible();
  await expect(page.getByText("Programme steps you have opened on this phone")).toBeVisible();

  await context.setOffline(false);
  await page.goto(stepPath(1));
  await expect(page.getByText(KEPT_NOTE)).toHaveCount(0);
});

test("a ticket seen once opens with the network off", async ({ page, context }) => {
  const organiser = await createAccount({ roles: ["organiser"] });
  const event = await createPublishedEvent(organiser, { title: `Offline workshop ${Date.now()}` });
  const participant = await createAccount({ roles: ["participant"] });
  const registration = await registerFor(event.id, participant);
  await signIn(context, participant);
  await openOnline(page, `/me/tickets/${registration.id}`);

  await goOffline(context, page);
  await page.reload();
  await expect(page.getByText(KEPT_NOTE)).toBeVisible();
  await expect(page.getByText(event.title).first()).toBeVisible();
  await expect(page.locator("svg").first()).toBeVisible();
  // Read, not used: the kept copy is served without the scripts that would look for the network.
  await expect(page.locator("script")).toHaveCount(0);
});

test("logging out clears the caches and the worker: the step no longer opens offline", async ({ page, context }) => {
  const { participant, stepPath } = await participantInCohort();
  await signIn(context, participant);
  await openOnline(page, stepPath(1));

  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page.getByText("You have logged out.")).toBeVisible();
  expect(await keptPages(page)).toEqual([]);
  expect(await page.evaluate(() => caches.keys())).toEqual([]);
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
  // Signed out, the home page carries no script at all.
  await expect(page.locator("script")).toHaveCount(0);

  await goOffline(context, page);
  await expect(page.goto(stepPath(1))).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
});

test("logging out from a page that runs JavaScript clears them too", async ({ page, context }) => {
  const { participant, stepPath } = await participantInCohort();
  await signIn(context, participant);
  await openOnline(page, stepPath(1));

  await page.goto("/me");
  await page.waitForFunction(() => "__reactRouterDataRouter" in window);
  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page.getByText("You have logged out.")).toBeVisible();
  // A full load of the signed-out home page, which runs no script that could fetch while offline.
  await page.goto("/");
  expect(await keptPages(page)).toEqual([]);
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);

  await goOffline(context, page);
  await expect(page.goto(stepPath(1))).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
});

test("another person signing in on the same phone never gets the first one's pages", async ({ page, context }) => {
  const first = await participantInCohort();
  await signIn(context, first.participant);
  await openOnline(page, first.stepPath(1));

  // The first person's session is replaced without logging out (a shared phone, a lost cookie).
  await context.clearCookies();
  const second = await participantInCohort();
  await signIn(context, second.participant);
  await openOnline(page, second.stepPath(1));
  expect(await keptPages(page)).toEqual([second.stepPath(1)]);

  await goOffline(context, page);
  await page.goto(first.stepPath(1));
  await expect(page.getByRole("heading", { level: 1, name: "You are offline" })).toBeVisible();
});

test("an answer typed offline is kept on the phone, said so, and lands when back online", async ({ page, context }) => {
  const { participant, cohort, stepPath } = await participantInCohort();
  await signIn(context, participant);
  await openOnline(page, stepPath(1));

  await goOffline(context, page);
  await page.getByLabel("What are you feeling right now?").fill("Calm, after a long day.");
  await page.getByLabel("What will you do next?").fill("Write to the recruiter on Monday.");
  await page.getByRole("button", { name: "Save and complete this step" }).click();
  await expect(page.getByText("Not saved yet: your answer is kept on this phone and will be sent when you are back online.")).toBeVisible();
  await expect(page.getByText("Write to the recruiter on Monday.")).toBeVisible();
  await expectAccessible(page);
  expect(await answerFor(participant, cohort.id)).toEqual([]);

  // The kept copy of the step says an answer waits.
  await page.getByRole("link", { name: "Back to the step" }).click();
  await expect(page.getByText(KEPT_NOTE)).toBeVisible();
  await expect(page.getByText("Not saved yet: your answer to this step is kept on this phone")).toBeVisible();

  await context.setOffline(false);
  await page.goto(stepPath(1));
  await expect(page.getByText(/You completed this step on/)).toBeVisible();
  await expect(page.getByLabel("What will you do next?")).toHaveValue("Write to the recruiter on Monday.");
  const saved = await answerFor(participant, cohort.id);
  expect(saved).toHaveLength(1);
  expect(JSON.stringify(saved[0].answer)).toContain("Write to the recruiter on Monday.");
});

test("the app is installable: a valid manifest whose icons load, and an offline page that fits a phone", async ({ page, request }) => {
  const response = await request.get("/manifest.webmanifest");
  expect(response.status()).toBe(200);
  const manifest = JSON.parse(await response.text()) as { start_url: string; scope: string; id: string; display: string; icons: { src: string; sizes: string; type: string; purpose?: string }[] };
  expect(manifest).toMatchObject({ start_url: "/me", scope: "/", id: "/", display: "standalone" });
  expect(manifest.icons.some((icon) => icon.purpose === "maskable")).toBe(true);
  for (const icon of manifest.icons) {
    const file = await request.get(icon.src);
    expect(file.status(), icon.src).toBe(200);
    expect(file.headers()["content-type"], icon.src).toContain(icon.type);
    if (icon.type === "image/png") {
      // A PNG's width and height are the big-endian words at bytes 16 and 20.
      const body = await file.body();
      const [width, height] = icon.sizes.split("x").map(Number);
      expect([body.readUInt32BE(16), body.readUInt32BE(20)], icon.src).toEqual([width, height]);
    }
  }

  const worker = await request.get("/sw.js");
  expect(worker.status()).toBe(200);
  expect(worker.headers()["content-type"]).toContain("text/javascript");
  expect(await worker.text()).not.toMatch(/__BUILD__|__STYLESHEET__/);

  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/offline");
  await expect(page.getByRole("heading", { level: 1, name: "You are offline" })).toBeVisible();
  await expect(page.locator("script")).toHaveCount(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await expectAccessible(page);
});
