import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "../support/app-server";
import { createUser, type TestUser } from "../support/factories";
import { createSession } from "~/modules/auth/index.server";
import { resetRateLimits } from "~/modules/auth/rate-limit.server";

// Every redirect target a person can type into an address or a form, tried against the real server.

const HOSTILE = [
  "//evil.example",
  "/\t/evil.example",
  "/%09/evil.example",
  "/\\evil.example",
  "https://evil.example/",
  "/\r\nSet-Cookie: stolen=1",
  "/ok\nLocation: https://evil.example",
  "/..//evil.example",
  "/%2F%2Fevil.example",
  "/\u0000/evil.example",
  "javascript:alert(1)",
];

let server: AppServer;
let user: TestUser;
let cookie: string;

beforeAll(async () => {
  user = await createUser({ verified: true });
  cookie = createSession(user.id, "redirect test").cookie.split(";")[0];
  server = await startAppServer({ databaseFile: process.env.DATABASE_URL!, env: { LOG_LEVEL: "error" } });
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

function expectOnSite(response: Response) {
  expect(response.status).toBeLessThan(500);
  const location = response.headers.get("location");
  if (location) expect(new URL(location, server.url).origin).toBe(server.url);
}

describe("redirect targets from input", () => {
  it.each(HOSTILE)("a signed-in visit to /login?redirectTo=%j stays on the site", async (value) => {
    const response = await fetch(`${server.url}/login?${new URLSearchParams({ redirectTo: value })}`, { headers: { Cookie: cookie }, redirect: "manual" });
    expect([302, 303]).toContain(response.status);
    expectOnSite(response);
  });

  it.each(HOSTILE)("logging in with redirectTo %j lands on the site", async (value) => {
    resetRateLimits();
    const response = await fetch(`${server.url}/login`, {
      method: "POST",
      headers: { Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: user.email, password: user.password, redirectTo: value }),
      redirect: "manual",
    });
    expect([302, 303]).toContain(response.status);
    expectOnSite(response);
  });

  it.each(HOSTILE)("sign-up and email-confirmation pages given %j answer without a 5xx and point home", async (value) => {
    for (const path of [`/signup?${new URLSearchParams({ redirectTo: value })}`, `/verify-email?${new URLSearchParams({ next: value, token: "x" })}`]) {
      const response = await fetch(`${server.url}${path}`, { headers: { Cookie: cookie }, redirect: "manual" });
      expectOnSite(response);
      const page = response.status === 200 ? await response.text() : "";
      expect(page).not.toContain("evil.example");
    }
  });

  it("still follows a path on the site", async () => {
    const response = await fetch(`${server.url}/login?redirectTo=${encodeURIComponent("/me/account?tab=1")}`, { headers: { Cookie: cookie }, redirect: "manual" });
    expect(response.headers.get("location")).toBe("/me/account?tab=1");
  });
});
