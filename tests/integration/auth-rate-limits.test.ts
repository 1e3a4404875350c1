import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { describeWait, resetRateLimits } from "~/modules/auth/rate-limit.server";
import { clock, MINUTE } from "~/utils/clock.server";
import { action as forgotAction } from "~/routes/forgot-password";
import { action as loginAction } from "~/routes/login";
import { action as signupAction } from "~/routes/signup._index";
import { createUser, formRequest, loadContext, uniqueEmail, routeArgs } from "../support/factories";
import { runRoute, type RouteResult } from "../support/route-results";
import { assertEmailSendAllowed } from "~/modules/auth/index.server";

// The limiter measures time with Date.now(), so only Date is faked: timers, I/O and argon2 run for real.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Date.UTC(2026, 5, 1, 10, 0, 0));
  clock.set(null);
  resetRateLimits();
});
afterEach(() => vi.useRealTimers());

const later = (ms: number) => vi.setSystemTime(Date.now() + ms);

function login(email: string, password: string, ip: string) {
  return runRoute(() => loginAction(routeArgs({ request: formRequest("/login", { email, password }), context: loadContext(ip), params: {} })));
}

function retryAfter(result: RouteResult): number {
  expect(result.status).toBe(429);
  return Number(result.headers.get("Retry-After"));
}

function messageOf(result: RouteResult): string {
  return (result.data as { message: string }).message;
}

describe("login limits", () => {
  it("throttles the 6th attempt on an account, then doubles the wait with each further failure", async () => {
    const user = await createUser();
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      expect((await login(user.email, `wrong guess ${attempt}`, `203.0.113.${attempt}`)).status, `attempt ${attempt}`).toBe(400);
    }
    // Even the right password, from another network, waits: the account is what is protected.
    const sixth = await login(user.email, user.password, "203.0.113.99");
    expect(retryAfter(sixth)).toBe(60);
    expect(messageOf(sixth)).toBe("There have been too many attempts to sign in. Please try again in 1 minute.");

    later(61_000);
    expect((await login(user.email, "wrong again", "203.0.113.6")).status).toBe(400);
    expect(retryAfter(await login(user.email, user.password, "203.0.113.6"))).toBe(120);

    later(121_000);
    expect((await login(user.email, "and wrong again", "203.0.113.7")).status).toBe(400);
    const third = await login(user.email, user.password, "203.0.113.7");
    expect(retryAfter(third)).toBe(240);
    expect(messageOf(third)).toContain("4 minutes");

    // Success ends the run of failures: the next mistake is free again.
    later(241_000);
    expect((await login(user.email, user.password, "203.0.113.8")).status).toBe(302);
    expect((await login(user.email, "a slip", "203.0.113.8")).status).toBe(400);
    expect((await login(user.email, user.password, "203.0.113.8")).status).toBe(302);
  });

  it("throttles an address that has no account in the same way, so throttling reveals nothing", async () => {
    const nobody = uniqueEmail("nobody");
    for (let attempt = 1; attempt <= 5; attempt += 1) expect((await login(nobody, "guess", "198.51.100.20")).status).toBe(400);
    expect(retryAfter(await login(nobody, "guess", "198.51.100.21"))).toBe(60);
  });

  it("throttles one IP after 50 failures across many accounts", async () => {
    const ip = "198.51.100.77";
    for (let attempt = 1; attempt <= 50; attempt += 1) {
      expect((await login(uniqueEmail(`spray${attempt}`), "Password1!", ip)).status).toBe(400);
    }
    const user = await createUser();
    const blocked = await login(user.email, user.password, ip);
    expect(retryAfter(blocked)).toBe(15 * 60);
    expect(messageOf(blocked)).toContain("15 minutes");
    // Another network is unaffected.
    expect((await login(user.email, user.password, "198.51.100.78")).status).toBe(302);
  });
});

describe("email limits", () => {
  it("allows 3 emails per address in 10 minutes, from any network", async () => {
    const email = uniqueEmail("target");
    for (const ip of ["192.0.2.1", "192.0.2.2", "192.0.2.3"]) await expect(assertEmailSendAllowed(email, ip)).resolves.toBeUndefined();
    const refused = await runRoute(() => assertEmailSendAllowed(email.toUpperCase(), "192.0.2.4"));
    expect(refused.status).toBe(429);
    expect(messageOf(refused)).toMatch(/^We have sent several emails already\. Please try again in (9|10) minutes\.$/);
    later(10 * MINUTE);
    await expect(assertEmailSendAllowed(email, "192.0.2.5")).resolves.toBeUndefined();
  });

  it("allows 3 emails per IP in 10 minutes, to any address", async () => {
    const ip = "192.0.2.50";
    for (let i = 0; i < 3; i += 1) await expect(assertEmailSendAllowed(uniqueEmail("x"), ip)).resolves.toBeUndefined();
    expect((await runRoute(() => assertEmailSendAllowed(uniqueEmail("y"), ip))).status).toBe(429);
  });

  it("counts reset requests for unknown addresses too, and answers 429 on the page", async () => {
    const forgot = (email: string, ip: string) =>
      runRoute(() => forgotAction(routeArgs({ request: formRequest("/forgot-password", { email }), context: loadContext(ip), params: {} })));
    const ip = "192.0.2.60";
    for (let i = 0; i < 3; i += 1) expect((await forgot(uniqueEmail("unknown"), ip)).status).toBe(200);
    expect((await forgot(uniqueEmail("unknown"), ip)).status).toBe(429);
  });
});

describe("sign-up limits that fit a venue", () => {
  const signupFields = (n: number, email = uniqueEmail(`s${n}`)) => ({
    name: `Person ${n}`,
    email,
    password: "joining the programme",
    birthDate: "1996-05-14",
    privacyNotice: "on",
    terms: "on",
    optionalUses: "impact_stories",
  });
  const signup = (fields: Record<string, string>, ip: string) =>
    runRoute(() => signupAction(routeArgs({ request: formRequest("/signup", fields), context: loadContext(ip), params: {} })));

  it("lets a whole workshop sign up from one Wi-Fi: 60 in an hour, then the form comes back filled in with a 429", async () => {
    const ip = "192.0.2.90";
    for (let n = 1; n <= 60; n += 1) expect((await signup(signupFields(n), ip)).status, `sign-up ${n}`).toBe(200);
    const typed = signupFields(61);
    const refused = await signup(typed, ip);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    const reply = refused.data as { error: Record<string, string[]>; initialValue: Record<string, unknown> };
    expect(reply.error[""]).toEqual([expect.stringMatching(/^Many people have signed up from this network .* Please try again in \d+ (minute|hour)s?, or switch to mobile data\. Your answers are still in the form\.$/)]);
    const { password: _hidden, ...kept } = typed;
    expect(reply.initialValue).toEqual({ ...kept });
    // Another network is not held back.
    expect((await signup(signupFields(62), "192.0.2.91")).status).toBe(200);
  });

  it("limits each email address to 3 sign-ups in 10 minutes, from any network, in the form", async () => {
    const email = uniqueEmail("again");
    for (const ip of ["192.0.2.92", "192.0.2.93", "192.0.2.94"]) expect((await signup(signupFields(1, email), ip)).status).toBe(200);
    const refused = await signup(signupFields(1, email), "192.0.2.95");
    expect(refused.status).toBe(429);
    expect((refused.data as { error: Record<string, string[]> }).error[""]?.[0]).toMatch(/^We have sent several emails to again-\d+@example\.org in the last few minutes\. Please try again in (9|10) minutes\.$/);
    later(10 * MINUTE);
    expect((await signup(signupFields(1, email), "192.0.2.95")).status).toBe(200);
  });

  it("does not spend the network's allowance on a sign-up refused for its address", async () => {
    const email = uniqueEmail("busy");
    const ip = "192.0.2.96";
    for (let n = 0; n < 3; n += 1) await signup(signupFields(n, email), `192.0.2.${100 + n}`);
    for (let n = 0; n < 5; n += 1) expect((await signup(signupFields(n, email), ip)).status).toBe(429);
    for (let n = 1; n <= 60; n += 1) expect((await signup(signupFields(n), ip)).status, `sign-up ${n}`).toBe(200);
  });
});

describe("describeWait", () => {
  it("rounds up to words a person can act on", () => {
    expect(describeWait(0.2)).toBe("1 second");
    expect(describeWait(45)).toBe("45 seconds");
    expect(describeWait(60)).toBe("1 minute");
    expect(describeWait(61)).toBe("2 minutes");
    expect(describeWait(3600)).toBe("1 hour");
    expect(describeWait(5 * 3600 + 1)).toBe("6 hours");
  });
});
