import Database from "better-sqlite3";
import { test as base, createAccount, expect } from "./fixtures";
import { CROSS_SITE, CSRF_PROBES, dataUrl, NO_REFERRER_PAGES, startCsrfWorld, type CsrfWorld } from "./csrf-world";
import { builtRoutes, ROUTE_POLICY, routePath, routeUrls } from "./route-policy";
import { httpFixture } from "./security-helpers";
import { type Http } from "./http-client";

// Form posts from other sites are refused on every action, and the refusal is proven able to fail.

const test = base.extend<{ http: Http }>(httpFixture);
const ORIGIN = { Origin: process.env.E2E_BASE_URL! };

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
        // Some actions skip the origin check by design: the payment and messaging webhooks (without a
        // valid signature Stripe's is a 400, Paystack's, Termii's and WhatsApp's a 401; Africa's Talking's
        // at any address but its secret one a 404) and the one-click unsubscribe, which mail apps post
        // from anywhere (RFC 8058; without its one-click body it is a 400). All change nothing here.
        const exempt = url === "/webhooks/stripe" || url.startsWith("/email/unsubscribe?");
        const signed = ["/webhooks/paystack", "/webhooks/termii", "/webhooks/whatsapp"].includes(url.split("?")[0]);
        const secretAddress = /^\/webhooks\/africastalking\/[\w-]+$/.test(url);
        const refusal = signed ? 401 : secretAddress ? 404 : exempt ? 400 : 403;
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
  // token when it first shows the feed address, and issues the person's certificates already earned
  // (ADR 0041). Idempotent, and nothing an outsider can see.
  const MADE_ON_FIRST_READ = ["calendar_feeds", "achievements"];
  const lastAuditId = () => {
    const sqlite = new Database(world.server.databaseFile, { readonly: true });
    const row = sqlite.prepare("select coalesce(max(id), 0) as id from audit_log").get() as { id: number };
    sqlite.close();
    return row.id;
  };
  const ACCESS_RECORDS = ["person.viewed", "donations.exported", "event.attendees_exported", "cohort.members_exported", "privacy_register.exported", "privacy_requests.exported", "breaches.exported", "email.viewed", "donation.viewed"];
  const withoutLazyTables = (fingerprint: Record<string, string>, also: string[] = []) =>
    Object.fromEntries(Object.entries(fingerprint).filter(([table]) => !MADE_ON_FIRST_READ.includes(table) && !also.includes(table)));
  // The running totals (ADR 0055) count the rows of those tables too; every other total must stay.
  const otherTotals = () => {
    const sqlite = new Database(world.server.databaseFile, { readonly: true });
    const counted = ["audit_log", ...MADE_ON_FIRST_READ].map((table) => `rows:${table}`);
    const rows = sqlite.prepare(`select name, value from running_totals where name not in (${counted.map(() => "?").join(", ")}) order by name`).all(...counted);
    sqlite.close();
    return rows;
  };

  test("GET requests to every route change nothing", async () => {
    const routes = await builtRoutes();
    const fixtures = { personId: world.personId, outboxMessageId: world.deadMessages[0], invitationToken: world.tokens.invitation };
    const before = world.fingerprint();
    const totalsBefore = otherTotals();
    const auditBefore = lastAuditId();
    for (const id of Object.keys(ROUTE_POLICY)) {
      const { page } = routeUrls(routes, id, fixtures);
      for (const url of [page, dataUrl(page)]) {
        expect.soft((await world.get(url, world.cookies.organiser)).status(), `GET ${url}`).toBeLessThan(500);
      }
    }
    await world.settle();
    // Reading people's data is itself recorded (the NDPA's record of access): the audit log may
    // grow by access entries, and by nothing else.
    const sqlite = new Database(world.server.databaseFile, { readonly: true });
    const added = sqlite.prepare("select action from audit_log where id > ?").all(auditBefore) as { action: string }[];
    sqlite.close();
    expect(added.filter((entry) => !ACCESS_RECORDS.includes(entry.action))).toEqual([]);
    expect(withoutLazyTables(world.fingerprint(), ["audit_log", "running_totals"])).toEqual(withoutLazyTables(before, ["audit_log", "running_totals"]));
    expect(otherTotals()).toEqual(totalsBefore);
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

  test("the payment and messaging webhooks are checked by signature or secret address, not by origin", async () => {
    const crossSite: Record<string, string>[] = [{ Origin: "https://evil.example" }, { "Sec-Fetch-Site": "cross-site" }];
    for (const path of ["/webhooks/stripe", "/webhooks/paystack", "/webhooks/termii", "/webhooks/whatsapp", "/webhooks/africastalking/not-the-secret"]) {
      for (const headers of crossSite) {
        const response = await world.post(path, {}, { headers });
        expect(response.status(), `${path} ${JSON.stringify(headers)}`).not.toBe(403);
      }
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
