import { test as base, createAccount, expect } from "./fixtures";
import { JUNK_CASES } from "./junk-bodies";
import { builtRoutes, ROUTE_POLICY, routeUrls } from "./route-policy";
import { httpFixture, isLoginRedirect, sessionCookie } from "./security-helpers";
import { type Http } from "./http-client";

// Whatever a bot posts to any action, the answer is a 4xx (or the page's own redirect), never a 5xx.

const test = base.extend<{ http: Http }>(httpFixture);
const ORIGIN = { Origin: process.env.E2E_BASE_URL! };

test.describe("junk requests", () => {
  test("junk POSTs to every action get a 4xx, never a 5xx", async ({ http }) => {
    test.setTimeout(300_000);
    const routes = await builtRoutes();
    const target = await createAccount({ roles: ["participant"] });
    const organiser = await createAccount({ roles: ["organiser"] });
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
            // Stripe posts JSON and mail apps post one-click unsubscribes as multipart (RFC 8058), so
            // those two take any type and refuse a body that is not theirs with a 400; the Paystack,
            // Termii and WhatsApp webhooks, also JSON, refuse an unsigned one with a 401.
            const takesAnyType = action === "/webhooks/stripe" || action.startsWith("/email/unsubscribe");
            const signedWebhook = ["/webhooks/paystack", "/webhooks/termii", "/webhooks/whatsapp"].includes(action.split("?")[0]);
            const unsigned = signedWebhook && expected === 415 ? 401 : expected;
            // The door page's sync takes JSON (ADR 0036): a JSON body reaches its action, which sends
            // a stranger to log in and answers a missing event with a 404.
            if (/^\/door\/[^/]+\/sync$/.test(action.split("?")[0]) && name === "JSON") {
              expect.soft(actor === "anonymous" ? isLoginRedirect(response, page) : status === 404, what).toBe(true);
              continue;
            }
            // Africa's Talking's callback at any address but its secret one is a missing page, whatever is posted.
            if (action.startsWith("/webhooks/africastalking/")) {
              expect.soft(status, what).toBe(404);
              continue;
            }
            // The statement upload takes files: a multipart body with a boundary reaches its action,
            // which sends a stranger to log in and refuses a broken one to an organiser with a 400.
            if (action.split("?")[0] === "/admin/donations/statements" && name === "broken multipart") {
              expect.soft(actor === "anonymous" ? isLoginRedirect(response, page) : status === 400, what).toBe(true);
              continue;
            }
            expect.soft(status, what).toBe(takesAnyType && expected === 415 ? 400 : unsigned);
            continue;
          }
          const redirect = status >= 300 && status < 400;
          const acceptable =
            (status >= 400 && status < 500) ||
            // Denied: sent to log in first.
            (actor === "anonymous" && policy.post !== "anyone" && isLoginRedirect(response, page)) ||
            // The page's documented redirect for someone signed in (log-in and sign-up pages go to /me),
            // or for someone not (the log-in code step, with no log-in under way, goes back to /login).
            (actor !== "anonymous" && redirect && location === policy.redirects?.signedIn) ||
            (actor === "anonymous" && redirect && location === policy.redirects?.anonymous) ||
            (redirect && (odd || policy.acceptsEmptyForm));
          expect.soft(acceptable, what).toBe(true);
        }
      }
    }
  });
});
