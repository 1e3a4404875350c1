import type { APIResponse } from "@playwright/test";
import Database from "better-sqlite3";
import { test as base, createAccount, expect, expectAccessible, signIn, uniqueEmail, type TestAccount } from "./fixtures";
import { CROSS_SITE, CSRF_PROBES, dataUrl, NO_REFERRER_PAGES, startCsrfWorld, type CsrfWorld } from "./csrf-world";
import { JUNK_CASES } from "./junk-bodies";
import { builtRoutes, ROUTE_POLICY, routePath, routeUrls } from "./route-policy";
import {
  cookiePair,
  expectSecurityHeaders,
  httpFixture,
  isLoginRedirect,
  nonceOf,
  sessionCookie,
  sessionIdOf,
  sessionSetCookie,
  type Http,
} from "./security-helpers";

const test = base.extend<{ http: Http }>(httpFixture);
const ORIGIN = { Origin: process.env.E2E_BASE_URL! };

let participant: TestAccount;
let organiser: TestAccount;

test.beforeAll(async () => {
  participant = await createAccount({ roles: ["participant"] });
  organiser = await createAccount({ roles: ["organiser"] });
});

const asParticipant = async () => ({ Cookie: await sessionCookie(participant.id) });
const asOrganiser = async () => ({ Cookie: await sessionCookie(organiser.id) });

test.describe("headers", () => {
  test("CSP, nosniff and referrer policy on every kind of response", async ({ http }) => {
    const home = await http.get("/");
    const stylesheet = /href="(\/assets\/[^"]+\.css)"/.exec(await home.text())?.[1];
    expect(stylesheet, "the home page links a fingerprinted stylesheet").toBeTruthy();
    const cases: [string, APIResponse, number][] = [
      ["public page", home, 200],
      ["signed-in page", await http.get("/me", { headers: await asParticipant() }), 200],
      ["admin page", await http.get("/admin", { headers: await asOrganiser() }), 200],
      ["403 page", await http.get("/admin", { headers: await asParticipant() }), 403],
      ["404 page", await http.get("/no-such-page"), 404],
      ["form answer", await http.post("/login", { form: {}, headers: ORIGIN }), 400],
      [".data request", await http.get("/me.data", { headers: await asParticipant() }), 200],
      ["static asset", await http.get(stylesheet!), 200],
      ["public file", await http.get("/favicon.svg"), 200],
      ["health check", await http.get("/healthz"), 200],
    ];
    for (const [what, response, status] of cases) {
      expect.soft(response.status(), what).toBe(status);
      expectSecurityHeaders(response, what);
    }
  });

  test("the nonce is on every script of a hydrated page and new for every response", async ({ http, page }) => {
    const first = await http.get("/me", { headers: await asParticipant() });
    const second = await http.get("/me", { headers: await asParticipant() });
    const nonce = nonceOf(first);
    expect(nonceOf(second)).not.toBe(nonce);
    const scripts = (await first.text()).match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length, "a signed-in page hydrates").toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(` nonce="${nonce}"`);

    // The browser runs them under the policy: the page hydrates with no CSP violation in the console.
    await signIn(page.context(), participant);
    await page.goto("/me");
    await page.waitForFunction(() => "__remixRouter" in window);
    await expectAccessible(page);
  });

  test("fingerprinted assets are cached for a year; other files are not immutable", async ({ http }) => {
    const html = await (await http.get("/me", { headers: await asParticipant() })).text();
    const assets = [...html.matchAll(/(?:href|src)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
    expect(assets.some((a) => a.endsWith(".js")) && assets.some((a) => a.endsWith(".css"))).toBe(true);
    for (const asset of new Set(assets)) {
      const cacheControl = (await http.get(asset)).headers()["cache-control"] ?? "";
      expect.soft(cacheControl, asset).toContain("max-age=31536000");
      expect.soft(cacheControl, asset).toContain("immutable");
    }
    expect((await http.get("/favicon.svg")).headers()["cache-control"]).not.toContain("immutable");
  });

  test("signed-in pages are never stored; public pages may be", async ({ http }) => {
    for (const url of ["/me", "/me/account", "/me.data", "/admin", "/admin/people", "/"]) {
      const response = await http.get(url, { headers: await asOrganiser() });
      expect.soft(response.headers()["cache-control"], `${url} signed in`).toBe("no-store");
    }
    expect((await http.get("/")).headers()["cache-control"] ?? "").not.toContain("no-store");
  });

  test("pages carrying a token in their address send no referrer", async ({ http }) => {
    for (const url of ["/reset-password?token=abc", "/verify-email?token=abc", "/invitations/abc"]) {
      const response = await http.get(url);
      expect.soft(response.headers()["referrer-policy"], url).toBe("no-referrer");
    }
  });
});

test.describe("session cookie and sessions", () => {
  async function logIn(http: Http, account: TestAccount, cookie?: string) {
    const response = await http.post("/login", {
      form: { email: account.email, password: account.password },
      headers: { ...ORIGIN, ...(cookie ? { Cookie: cookie } : {}) },
    });
    expect(response.status()).toBe(302);
    const setCookie = await sessionSetCookie(response);
    expect(setCookie, "log-in sets the session cookie").toBeTruthy();
    return { response, setCookie: setCookie!, cookie: cookiePair(setCookie!) };
  }
  const isSignedIn = async (http: Http, cookie: string) =>
    (await http.get("/me", { headers: { Cookie: cookie } })).status() === 200;

  test("the session cookie is HttpOnly, SameSite=Lax, Path=/ and not Secure on http", async ({ http }) => {
    const account = await createAccount();
    const { setCookie } = await logIn(http, account);
    const [pair, ...attributes] = setCookie.split(";").map((part) => part.trim());
    expect(pair).toMatch(/^steppingstone_session=[A-Za-z0-9]+\.[A-Za-z0-9]+$/);
    expect(attributes).toEqual(expect.arrayContaining(["HttpOnly", "SameSite=Lax", "Path=/"]));
    expect(attributes.map((a) => a.toLowerCase())).not.toContain("secure");
    expect(attributes.some((a) => /^domain=/i.test(a))).toBe(false);
  });

  test("log-in never keeps a session the browser brought with it", async ({ http }) => {
    const account = await createAccount();
    // A cookie planted by someone else, before log-in.
    const planted = "steppingstone_session=plantedbyattacker.secretchosenbyattacker";
    const first = await logIn(http, account, planted);
    expect(sessionIdOf(first.cookie)).not.toBe("plantedbyattacker");
    // A real, valid session carried into a new log-in is replaced, and ends.
    const earlier = await sessionCookie(account.id);
    const second = await logIn(http, account, earlier);
    expect(sessionIdOf(second.cookie)).not.toBe(sessionIdOf(earlier));
    expect(await isSignedIn(http, earlier)).toBe(false);
    expect(await isSignedIn(http, second.cookie)).toBe(true);
  });

  test("two log-ins give two sessions; logging out ends the session on the server", async ({ http }) => {
    const account = await createAccount();
    const a = await logIn(http, account);
    const b = await logIn(http, account);
    expect(sessionIdOf(a.cookie)).not.toBe(sessionIdOf(b.cookie));
    expect(await isSignedIn(http, a.cookie)).toBe(true);
    expect(await isSignedIn(http, b.cookie)).toBe(true);

    const out = await http.post("/logout", { form: {}, headers: { Cookie: a.cookie, ...ORIGIN } });
    expect(out.status()).toBe(302);
    expect(await sessionSetCookie(out)).toMatch(/Max-Age=0/);
    // The old cookie, replayed, no longer opens anything; the other session is untouched.
    const replay = await http.get("/me", { headers: { Cookie: a.cookie } });
    expect(isLoginRedirect(replay, "/me")).toBe(true);
    expect(await isSignedIn(http, b.cookie)).toBe(true);
    const sqlite = new Database(process.env.DATABASE_URL!, { readonly: true });
    try {
      const row = sqlite.prepare("select count(*) as n from sessions where id = ?").get(sessionIdOf(a.cookie)) as { n: number };
      expect(row.n).toBe(0);
    } finally {
      sqlite.close();
    }
  });

  test("changing the password ends every other session and keeps this one", async ({ http }) => {
    const account = await createAccount();
    const here = await logIn(http, account);
    const elsewhere = await logIn(http, account);
    const phone = await sessionCookie(account.id, "Mozilla/5.0 (Linux; Android 14) Chrome/124.0 Mobile Safari/537.36");
    const newPassword = "violet-compass-river-58";
    const changed = await http.post("/me/account", {
      form: { intent: "change-password", currentPassword: account.password, newPassword },
      headers: { Cookie: here.cookie, ...ORIGIN },
    });
    expect(changed.status()).toBe(302);
    expect(changed.headers()["location"]).toBe("/me/account");
    expect(await isSignedIn(http, here.cookie)).toBe(true);
    expect(await isSignedIn(http, elsewhere.cookie)).toBe(false);
    expect(await isSignedIn(http, phone)).toBe(false);
    await logIn(http, { ...account, password: newPassword });
  });
});

test.describe("cross-site requests", () => {
  test.describe.configure({ mode: "serial" });
  let world: CsrfWorld;
  test.beforeAll(async () => {
    world = await startCsrfWorld();
  });
  test.afterAll(async () => {
    await world?.close();
  });

  /** What to send cross-site to a route: its probe (a request that would change something), else an empty form. */
  async function crossSiteRequests() {
    const routes = await builtRoutes();
    const fixtures = { personId: world.personId, outboxMessageId: world.deadMessages[0], invitationToken: world.tokens.invitation };
    return [...routes.values()]
      .filter((route) => route.hasAction)
      .map((route) => {
        const probe = CSRF_PROBES[route.id]?.(world);
        if (probe) return { id: route.id, ...probe };
        const url = ROUTE_POLICY[route.id] ? routeUrls(routes, route.id, fixtures).action : routePath(routes, route.id).replace(/:\w+/g, "x");
        return { id: route.id, url, form: {}, cookie: world.cookies.organiser };
      });
  }

  test("cross-site probes name routes that have an action", async () => {
    const actions = [...(await builtRoutes()).values()].filter((r) => r.hasAction).map((r) => r.id);
    expect(Object.keys(CSRF_PROBES).filter((id) => !actions.includes(id))).toEqual([]);
  });

  test("a cross-site POST to every action gets 403 and changes nothing", async () => {
    const requests = await crossSiteRequests();
    expect(requests.length).toBeGreaterThanOrEqual(Object.keys(CSRF_PROBES).length);
    await world.settle();
    const before = world.fingerprint();
    for (const { id, url: pageUrl, form, cookie } of requests) {
      for (const url of [pageUrl, dataUrl(pageUrl)]) {
        // The Stripe webhook alone skips the origin check by design: without a valid signature it is a 400.
        const refusal = url === "/webhooks/stripe" ? 400 : 403;
        for (const [name, headers] of CROSS_SITE) {
          const response = await world.post(url, form, { cookie, headers });
          expect.soft(response.status(), `${id}: POST ${url} with ${name}`).toBe(refusal);
        }
      }
    }
    await world.settle();
    expect(world.fingerprint()).toEqual(before);
  });

  // Made on first sight, for the visitor alone: /me creates the person's private calendar-feed
  // token when it first shows the feed address. Idempotent, and nothing an outsider can see.
  const MADE_ON_FIRST_READ = ["calendar_feeds"];
  const withoutLazyTables = (fingerprint: Record<string, string>) =>
    Object.fromEntries(Object.entries(fingerprint).filter(([table]) => !MADE_ON_FIRST_READ.includes(table)));

  test("GET requests to every route change nothing", async () => {
    const routes = await builtRoutes();
    const fixtures = { personId: world.personId, outboxMessageId: world.deadMessages[0], invitationToken: world.tokens.invitation };
    const before = world.fingerprint();
    for (const id of Object.keys(ROUTE_POLICY)) {
      const { page } = routeUrls(routes, id, fixtures);
      for (const url of [page, dataUrl(page)]) {
        expect.soft((await world.get(url, world.cookies.organiser)).status(), `GET ${url}`).toBeLessThan(500);
      }
    }
    await world.settle();
    expect(withoutLazyTables(world.fingerprint())).toEqual(withoutLazyTables(before));
  });

  test("the same requests from this site do change the database, so the checks above can fail", async () => {
    for (const [id, probeFor] of Object.entries(CSRF_PROBES)) {
      const probe = probeFor(world);
      const before = world.fingerprint();
      // Pages under `Referrer-Policy: no-referrer` post with `Origin: null`, as browsers send it.
      const headers: Record<string, string> = NO_REFERRER_PAGES.has(id)
        ? { Origin: "null", "Sec-Fetch-Site": "same-origin" }
        : { Origin: world.server.url };
      const response = await world.post(probe.url, probe.form, { cookie: probe.cookie, headers });
      expect.soft([200, 302, 303], `${id}: same-site POST ${probe.url} (${response.status()})`).toContain(response.status());
      await world.settle();
      expect.soft(world.fingerprint(), `${id}: the probe changes the database`).not.toEqual(before);
    }
  });

  test("the Stripe webhook is checked by signature, not by origin", async () => {
    const crossSite: Record<string, string>[] = [{ Origin: "https://evil.example" }, { "Sec-Fetch-Site": "cross-site" }];
    for (const headers of crossSite) {
      const response = await world.post("/webhooks/stripe", {}, { headers });
      expect(response.status(), JSON.stringify(headers)).not.toBe(403);
    }
  });
});

test("a form from this site still works behind a proxy that rewrites Host", async ({ http }) => {
  const account = await createAccount();
  // nginx's default `proxy_pass http://127.0.0.1:3000` sends that as Host; the browser's Origin is the public one.
  const response = await http.post("/login", {
    form: { email: account.email, password: account.password },
    headers: { ...ORIGIN, Host: "127.0.0.1:3000" },
  });
  expect(response.status()).toBe(302);
  expect(response.headers()["location"]).toBe("/me");
});

test.describe("rate limits", () => {
  const fromIp = (ip: string) => ({ "X-Forwarded-For": ip, ...ORIGIN });

  async function expectFriendly429(response: APIResponse, what: string) {
    expect(response.status(), what).toBe(429);
    expect(Number(response.headers()["retry-after"]), `${what}: Retry-After`).toBeGreaterThan(0);
    expect(response.headers()["content-type"], what).toContain("text/html");
    const html = await response.text();
    expect(html, what).toContain("Too many attempts");
    expect(html, what).toMatch(/Please try again in \d+ (second|minute|hour)s?\./);
  }

  test("repeated failed log-ins for one account are throttled, from any address", async ({ http }) => {
    const account = await createAccount();
    const attempt = (password: string, ip: string) =>
      http.post("/login", { form: { email: account.email, password }, headers: fromIp(ip) });
    for (let i = 1; i <= 5; i++) expect((await attempt("wrong-password", "2001:db8:11::1")).status(), `failure ${i}`).toBe(400);
    // Blocked now: even the right password, even from another address.
    await expectFriendly429(await attempt(account.password, "2001:db8:11::1"), "after 5 failures");
    await expectFriendly429(await attempt(account.password, "2001:db8:11::2"), "from another address");
    // Another account from the same address is not blocked.
    const other = await createAccount();
    const response = await http.post("/login", {
      form: { email: other.email, password: other.password },
      headers: fromIp("2001:db8:11::1"),
    });
    expect(response.status()).toBe(302);
  });

  test("sign-ups are limited per IP address", async ({ http }) => {
    const signUp = (ip: string) =>
      http.post("/signup?index", {
        form: { name: "Rate Limited", email: uniqueEmail("signup-limit"), password: "copper-meadow-lantern-4" },
        headers: fromIp(ip),
      });
    for (let i = 1; i <= 3; i++) expect((await signUp("2001:db8:12::1")).status(), `sign-up ${i}`).toBe(200);
    await expectFriendly429(await signUp("2001:db8:12::1"), "fourth sign-up from one address");
    expect((await signUp("2001:db8:12::2")).status(), "another address still signs up").toBe(200);
  });

  test("password-reset emails: at most 3 per 10 minutes per address and per IP", async ({ http }) => {
    const account = await createAccount();
    const ask = (email: string, ip: string) => http.post("/forgot-password", { form: { email }, headers: fromIp(ip) });
    for (let i = 1; i <= 3; i++) expect((await ask(account.email, `2001:db8:13::${i}`)).status(), `request ${i}`).toBe(200);
    await expectFriendly429(await ask(account.email, "2001:db8:13::4"), "fourth email to one address");
    const sqlite = new Database(process.env.DATABASE_URL!, { readonly: true });
    try {
      const sent = sqlite.prepare("select count(*) as n from outbox where recipient = ? and template = 'reset-password'").get(account.email);
      expect((sent as { n: number }).n).toBe(3);
    } finally {
      sqlite.close();
    }
    for (let i = 1; i <= 3; i++) expect((await ask(uniqueEmail("nobody"), "2001:db8:13::a")).status(), `address ${i}`).toBe(200);
    await expectFriendly429(await ask(uniqueEmail("nobody"), "2001:db8:13::a"), "fourth email from one IP");
  });
});

test.describe("junk requests", () => {
  test("junk POSTs to every action get a 4xx, never a 5xx", async ({ http }) => {
    test.setTimeout(300_000);
    const routes = await builtRoutes();
    const target = await createAccount({ roles: ["participant"] });
    const fixtures = { personId: target.id, outboxMessageId: "no-such-message", invitationToken: "no-such-token" };
    for (const route of [...routes.values()].filter((r) => r.hasAction)) {
      const policy = ROUTE_POLICY[route.id];
      expect(policy, `${route.id} has an entry in tests/e2e/route-policy.ts`).toBeTruthy();
      const { page, action } = routeUrls(routes, route.id, fixtures);
      for (const actor of ["anonymous", "organiser"] as const) {
        const cookie: Record<string, string> = actor === "organiser" ? { Cookie: await sessionCookie(organiser.id) } : {};
        for (const { name, headers, data, expected, odd } of JUNK_CASES) {
          const response = await http.post(action, { headers: { ...headers, ...cookie, ...ORIGIN }, data });
          const status = response.status();
          const location = response.headers()["location"];
          const what = `POST ${action} as ${actor} with ${name}: ${status} ${location ?? ""}`;
          expect.soft(status, what).toBeLessThan(500);
          if (expected) {
            // Stripe posts JSON, so the webhook takes any type and refuses an unsigned body with a 400.
            expect.soft(status, what).toBe(action === "/webhooks/stripe" && expected === 415 ? 400 : expected);
            continue;
          }
          const redirect = status >= 300 && status < 400;
          const acceptable =
            (status >= 400 && status < 500) ||
            // Denied: sent to log in first.
            (actor === "anonymous" && policy.post !== "anyone" && isLoginRedirect(response, page)) ||
            // The page's documented redirect for someone signed in (log-in and sign-up pages go to /me).
            (actor !== "anonymous" && redirect && location === policy.redirects?.signedIn) ||
            (redirect && (odd || policy.acceptsEmptyForm));
          expect.soft(acceptable, what).toBe(true);
        }
      }
    }
  });
});
