import type { Role } from "~db/schema";
import {
  test as base,
  createAccount,
  expect,
  expectAccessible,
  signIn,
  type TestAccount,
} from "./fixtures";
import {
  ACTORS,
  builtRoutes,
  mayAccess,
  ROUTE_POLICY,
  routeUrls,
  type Actor,
  type PolicyFixtures,
  type RoutePolicy,
} from "./route-policy";
import { buildPolicyWorld } from "./policy-world";
import { httpFixture, isLoginRedirect, sessionCookie } from "./security-helpers";
import { type Http, type HttpAnswer } from "./http-client";

const test = base.extend<{ http: Http }>(httpFixture);

let accounts: Record<Role, TestAccount>;
let fixtures: PolicyFixtures;

test.beforeAll(async () => {
  ({ accounts, fixtures } = await buildPolicyWorld("Permissions target"));
});

async function cookieFor(actor: Actor): Promise<Record<string, string>> {
  // A fresh session for every request, so a route that ends sessions (log out) cannot affect the next.
  return actor === "anonymous" ? {} : { Cookie: await sessionCookie(accounts[actor].id, "Playwright permissions") };
}

function describe(response: HttpAnswer) {
  const location = response.headers()["location"];
  return location ? `${response.status()} -> ${location}` : String(response.status());
}

function checkLoad(response: HttpAnswer, actor: Actor, policy: RoutePolicy, url: string) {
  const what = `GET ${url} as ${actor} (${describe(response)})`;
  if (policy.load === "no-loader") {
    expect.soft([400, 405], what).toContain(response.status());
  } else if (policy.owner) {
    expect.soft(response.status(), `${what}: ${actor === policy.owner ? "the owner's" : "someone else's"}`).toBe(actor === policy.owner ? 200 : 404);
  } else if (mayAccess(policy.load, actor)) {
    const redirect = actor === "anonymous" ? policy.redirects?.anonymous : policy.redirects?.signedIn;
    if (redirect) {
      expect.soft([302, 303], what).toContain(response.status());
      expect.soft(response.headers()["location"], what).toBe(redirect);
    } else if (policy.othersGetNotFound && actor !== "anonymous") {
      expect.soft(response.status(), `${what}: someone else's`).toBe(404);
    } else {
      expect.soft(response.status(), what).toBe(200);
    }
  } else if (actor === "anonymous") {
    expect.soft(isLoginRedirect(response, url), `${what}: expected a redirect to log in`).toBe(true);
  } else {
    expect.soft(response.status(), what).toBe(403);
  }
}

/** `page` is where a denied visitor comes back to after logging in (the router drops `?index`). */
function checkPost(response: HttpAnswer, actor: Actor, policy: RoutePolicy, url: string, page: string) {
  const status = response.status();
  const what = `POST ${url} as ${actor} (${describe(response)})`;
  expect.soft(status, `${what}: never a server error`).toBeLessThan(500);
  if (policy.post === "no-action") {
    expect.soft(status, `${what}: the route has no action`).toBe(405);
  } else if (policy.owner && actor !== policy.owner) {
    expect.soft(status, `${what}: someone else's`).toBe(404);
  } else if (mayAccess(policy.post, actor) && policy.othersGetNotFound && actor !== "anonymous") {
    expect.soft(status, `${what}: someone else's`).toBe(404);
  } else if (mayAccess(policy.post, actor)) {
    const isRedirect = status >= 300 && status < 400;
    const isRefusal = status >= 400 && status < 500 && (status !== 401 || policy.signed === true) && status !== 403;
    expect.soft(isRedirect || isRefusal, `${what}: expected a validation answer or a redirect`).toBe(true);
    expect.soft(response.headers()["location"] ?? "", what).not.toMatch(/^\/login\?/);
  } else if (actor === "anonymous") {
    expect.soft(isLoginRedirect(response, page), `${what}: expected a redirect to log in`).toBe(true);
  } else {
    expect.soft(status, what).toBe(403);
  }
}

test("every route in the route config has a policy entry, and every entry a route", async () => {
  const routes = await builtRoutes();
  expect(routes.size).toBeGreaterThan(10);
  const missing = [...routes.keys()].filter((id) => !(id in ROUTE_POLICY));
  const stale = Object.keys(ROUTE_POLICY).filter((id) => !routes.has(id));
  expect(missing, "routes without an entry in tests/e2e/route-policy.ts").toEqual([]);
  expect(stale, "entries in tests/e2e/route-policy.ts for routes that no longer exist").toEqual([]);
  for (const [id, route] of routes) {
    const policy = ROUTE_POLICY[id];
    if (policy) expect.soft(policy.post !== "no-action", `${id}: the policy's post column against the route's action`).toBe(route.hasAction);
  }
});

for (const [id, policy] of Object.entries(ROUTE_POLICY)) {
  test(`${id} as anonymous, participant, mentor, sponsor, organiser and door volunteer`, async ({ http, baseURL }) => {
    const routes = await builtRoutes();
    expect(routes.has(id), `${id} is in the route config`).toBe(true);
    const { page, action } = routeUrls(routes, id, fixtures);
    for (const actor of ACTORS) {
      const load = await http.get(page, { headers: await cookieFor(actor) });
      checkLoad(load, actor, policy, page);
      // An empty form from this site: enough to reach the action's permission check and validation.
      const post = await http.post(action, {
        headers: { ...(await cookieFor(actor)), Origin: baseURL! },
        form: {},
      });
      checkPost(post, actor, policy, action, page);
    }
  });
}

test("single-fetch data requests are guarded like their pages", async ({ http }) => {
  for (const actor of ACTORS) {
    for (const [url, page, access] of [
      ["/admin/people.data", "/admin/people", ["organiser"]],
      ["/me/account.data", "/me/account", "signed-in"],
    ] as const) {
      const response = await http.get(url, { headers: await cookieFor(actor) });
      const body = await response.text();
      const what = `GET ${url} as ${actor} (${describe(response)})`;
      if (mayAccess(access, actor)) {
        expect.soft(response.status(), what).toBe(200);
      } else if (actor === "anonymous") {
        // Single fetch answers a redirect with 202 and the redirect in the body.
        expect.soft(response.status(), what).toBe(202);
        expect.soft(body, what).toContain(`"redirect","/login?redirectTo=${encodeURIComponent(page)}"`);
      } else {
        expect.soft(response.status(), what).toBe(403);
      }
      if (!mayAccess(access, actor)) {
        // Nothing about other people reaches a denied reader.
        expect.soft(body, what).not.toContain(accounts.organiser.email);
        expect.soft(body, what).not.toContain(accounts.mentor.email);
      }
    }
  }
});

test("as another owner: /me/account lists only the signed-in person's own sessions", async ({ page, http }) => {
  const me = await createAccount({ roles: ["participant"] });
  const other = await createAccount({ roles: ["participant"] });
  // Distinctive devices for the other person's sessions.
  await sessionCookie(other.id, "Mozilla/5.0 (Mobile; KAIOS/2.5; rv:48.0) Opera Mini/4.4.33576");
  const otherCookie = await sessionCookie(other.id, "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) Firefox/128.0");
  await sessionCookie(me.id, "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/124.0 Safari/537.36 Edg/124.0");

  await signIn(page.context(), me);
  await page.goto("/me/account");
  await expect(page.getByRole("heading", { name: "Where you are signed in" })).toBeVisible();
  const rows = page.getByRole("table", { name: "Where you are signed in" }).locator("tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: "Edge on Windows" })).toHaveCount(1);
  await expect(page.getByText("Opera Mini on KaiOS")).toHaveCount(0);
  await expect(page.getByText("Firefox on Mac")).toHaveCount(0);
  await expectAccessible(page);

  // The other person does see their own devices there, so the check above could fail.
  const theirs = await (await http.get("/me/account", { headers: { Cookie: otherCookie } })).text();
  expect(theirs).toContain("Opera Mini on KaiOS");
  expect(theirs).not.toContain("Edge on Windows");

  // Signing out of my other sessions ends mine only, never theirs.
  await page.getByRole("button", { name: "Sign out of all other sessions" }).click();
  await expect(page.getByText("You have been signed out of 1 other session.")).toBeVisible();
  const stillIn = await http.get("/me", { headers: { Cookie: otherCookie } });
  expect(stillIn.status()).toBe(200);
});
