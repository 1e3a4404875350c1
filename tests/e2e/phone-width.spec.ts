import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Page } from "@playwright/test";
import type { Role } from "~db/schema";
import { test, expect, seriousViolations, signIn, type TestAccount } from "./fixtures";
import { buildPolicyWorld } from "./policy-world";
import { ACTORS, builtRoutes, mayAccess, ROUTE_POLICY, routeUrls, type Actor, type PolicyFixtures } from "./route-policy";

// Every page of the route table, as each role sees it: no wider than a 360 px phone, and no
// serious or critical accessibility violation at phone or desktop width.
const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 800 };

let accounts: Record<Role, TestAccount>;
let fixtures: PolicyFixtures;
/** The people the permissions world's ticket and mentorship belong to (none of the actors). */
let owners: { ticket: string; mentee: string };

// The permissions test's world (tests/e2e/permissions.spec.ts), so that every route has real rows.
test.beforeAll(async () => {
  const world = await buildPolicyWorld("Phone width target");
  ({ accounts, fixtures } = world);
  const person = world.person;
  const { db } = await import("~db/client.server");
  const { mentorships } = await import("~db/schema");
  const { eq } = await import("drizzle-orm");
  const { addApplication } = await import("~/modules/cohorts/applications.server");
  const pair = db.select({ menteeId: mentorships.menteeId }).from(mentorships).where(eq(mentorships.id, fixtures.mentorshipId!)).get()!;
  owners = { ticket: person.id, mentee: pair.menteeId };
  // Names as long as real ones, which make a table wider than a phone.
  for (const company of ["Federal Ministry of Communications, Innovation and Digital Economy", "Interswitch"]) {
    addApplication({ userId: accounts.participant.id, values: { company, role: "Graduate trainee, data analytics", appliedOn: "2026-11-23", status: "interview" } });
  }
});

/** The routes that render a page: resource routes (calendars, CSV, webhooks, log out) have no component. */
async function pageRouteIds(): Promise<Set<string>> {
  const root = process.env.E2E_BUILD_ROOT ?? process.cwd();
  const build = (await import(pathToFileURL(path.join(root, "build/server/index.js")).href)) as { routes: Record<string, { id: string; module: { default?: unknown } }> };
  return new Set(Object.values(build.routes).filter((route) => route.module.default).map((route) => route.id));
}

/** The routes whose page this actor is shown, by the route table: allowed, and not sent elsewhere. */
function routesFor(actor: Actor): string[] {
  return Object.entries(ROUTE_POLICY)
    .filter(([, policy]) => {
      if (policy.load === "no-loader") return false;
      const allowed = policy.owner ? policy.owner === actor : mayAccess(policy.load, actor);
      const redirect = actor === "anonymous" ? policy.redirects?.anonymous : policy.redirects?.signedIn;
      return allowed && !redirect;
    })
    .map(([id]) => id);
}

/** The addresses of those routes that are pages, once each. */
async function pageUrls(ids: string[]): Promise<string[]> {
  const routes = await builtRoutes();
  const pages = await pageRouteIds();
  return [...new Set(ids.filter((id) => pages.has(id)).map((id) => routeUrls(routes, id, fixtures).page))];
}

/** The elements sticking out past the right edge, to say what makes a page too wide. */
function overflowing(page: Page) {
  return page.evaluate(() => {
    const edge = document.documentElement.clientWidth;
    return [...document.body.querySelectorAll("*")]
      .filter((element) => element.getBoundingClientRect().right > edge + 0.5)
      .slice(-3)
      .map((element) => `${element.tagName.toLowerCase()}.${(element.getAttribute("class") ?? "").split(" ").join(".")} (${Math.round(element.getBoundingClientRect().right)} px)`);
  });
}

/** Opens each page at phone width, measures it, checks it there and at desktop width. */
async function checkPages(page: Page, who: string, urls: string[]) {
  for (const url of urls) {
    await page.setViewportSize(PHONE);
    const response = await page.goto(url);
    const what = `${url} as ${who}`;
    expect.soft(response?.status(), what).toBeLessThan(500);
    expect.soft(response?.headers()["content-type"], what).toMatch(/^text\/html/);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    const culprits = width > PHONE.width ? `: ${(await overflowing(page)).join(", ")}` : "";
    expect.soft(width, `${what} at ${PHONE.width} px is ${width} px wide${culprits}`).toBeLessThanOrEqual(PHONE.width);
    expect.soft(await seriousViolations(page), `${what} at ${PHONE.width} px`).toEqual([]);
    await page.setViewportSize(DESKTOP);
    expect.soft(await seriousViolations(page), `${what} at ${DESKTOP.width} px`).toEqual([]);
  }
}

// At most this many routes per test, in even parts, so that the two workers share the run.
const ROUTES_PER_TEST = 16;

for (const actor of ACTORS) {
  const ids = routesFor(actor);
  const size = Math.ceil(ids.length / Math.ceil(ids.length / ROUTES_PER_TEST));
  for (let start = 0; start < ids.length; start += size) {
    const chunk = ids.slice(start, start + size);
    test(`as ${actor}, routes ${start + 1}–${start + chunk.length} of ${ids.length}: ${PHONE.width} px wide at most, no serious axe violation`, async ({ page }) => {
      if (actor !== "anonymous") await signIn(page.context(), accounts[actor]);
      const urls = await pageUrls(chunk);
      expect(urls, "pages among these routes").not.toEqual([]);
      await checkPages(page, actor, urls);
    });
  }
}

test("the pages only their owner sees: a ticket and a mentorship", async ({ page }) => {
  await signIn(page.context(), { id: owners.ticket });
  await checkPages(page, "the ticket's owner", await pageUrls(["routes/me.tickets.$id"]));
  await page.context().clearCookies();
  await signIn(page.context(), { id: owners.mentee });
  await checkPages(page, "the mentee", await pageUrls(["routes/me.mentoring.$id", "routes/me.mentoring.$id_.end"]));
});
