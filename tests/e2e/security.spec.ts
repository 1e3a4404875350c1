import Database from "better-sqlite3";
import { test as base, createAccount, expect, expectAccessible, signIn, uniqueEmail, type TestAccount } from "./fixtures";
import { cookiePair, expectSecurityHeaders, httpFixture, isLoginRedirect, nonceOf, sessionCookie, sessionIdOf, sessionSetCookie } from "./security-helpers";
import { type Http, type HttpAnswer } from "./http-client";

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
    const cases: [string, HttpAnswer, number][] = [
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
    await page.waitForFunction(() => "__reactRouterDataRouter" in window);
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

test.describe("rate limits", () => {
  const fromIp = (ip: string) => ({ "X-Forwarded-For": ip, ...ORIGIN });

  async function expectFriendly429(response: HttpAnswer, what: string) {
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

  test("sign-ups are limited per email address, and a refusal keeps the form filled in", async ({ http }) => {
    const signUp = (email: string, ip: string) =>
      http.post("/signup?index", {
        form: { name: "Rate Limited", email, password: "copper-meadow-lantern-4", birthDate: "1996-05-14", privacyNotice: "on", terms: "on" },
        headers: fromIp(ip),
      });
    // A workshop on one Wi-Fi: many people sign up from one network (ADR 0008).
    for (let i = 1; i <= 5; i++) expect((await signUp(uniqueEmail("venue"), "2001:db8:12::1")).status(), `sign-up ${i} from one network`).toBe(200);
    const email = uniqueEmail("signup-limit");
    for (let i = 1; i <= 3; i++) expect((await signUp(email, `2001:db8:12::${i + 1}`)).status(), `sign-up ${i} with one address`).toBe(200);
    const refused = await signUp(email, "2001:db8:12::9");
    expect(refused.status()).toBe(429);
    expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
    const html = await refused.text();
    expect(html).toMatch(/We have sent several emails to [^ ]+ in the last few minutes\. Please try again in \d+ minutes?\./);
    expect(html).toContain('value="Rate Limited"');
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
