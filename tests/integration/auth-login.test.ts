import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { sessions } from "~db/schema";
import { LOGIN_FAILED_MESSAGE } from "~/modules/auth/login.server";
import { resetRateLimits } from "~/modules/auth/rate-limit.server";
import { action as loginAction, loader as loginLoader } from "~/routes/login";
import { action as logoutAction, loader as logoutLoader } from "~/routes/logout";
import {
  cookieHeaderFrom,
  createUser,
  formRequest,
  getRequest,
  loadContext,
  sessionCookieName,
  signIn,
  uniqueEmail,
  routeArgs,
} from "../support/factories";
import { runRoute, setCookies } from "../support/route-results";
import { getUser } from "~/routes/helpers/session.server";
import { validateSessionToken } from "~/modules/auth/index.server";

const CHROME_ANDROID =
  "Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36";

function postLogin(fields: Record<string, string>, options: { cookie?: string; ip?: string; url?: string } = {}) {
  const request = formRequest(options.url ?? "/login", fields, { cookie: options.cookie, userAgent: CHROME_ANDROID });
  return runRoute(() => loginAction(routeArgs({ request, context: loadContext(options.ip), params: {} })));
}

function sessionCookieOf(setCookieValues: string[]): string {
  const cookie = setCookieValues.find((c) => c.startsWith(`${sessionCookieName()}=`));
  if (!cookie) throw new Error(`no session cookie in ${setCookieValues.join(" | ")}`);
  return cookie;
}

beforeEach(() => resetRateLimits());

describe("log in", () => {
  it("signs in with the right password, sets a hardened cookie and goes to /me", async () => {
    const user = await createUser();
    const result = await postLogin({ email: ` ${user.email.toUpperCase()}`, password: user.password });
    expect(result.status).toBe(302);
    expect(result.headers.get("location")).toBe("/me");
    const cookie = sessionCookieOf(setCookies(result));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    const signedIn = getUser(getRequest("/me", { cookie: cookieHeaderFrom(cookie) }));
    expect(signedIn?.id).toBe(user.id);
    const row = db.select().from(sessions).where(eq(sessions.id, signedIn!.sessionId)).get()!;
    expect(row.userAgent).toBe(CHROME_ANDROID);
  });

  it("says exactly the same thing for an unknown address and for a wrong password", async () => {
    const user = await createUser();
    const unknown = await postLogin({ email: uniqueEmail("nobody"), password: user.password });
    const wrong = await postLogin({ email: user.email, password: "not the password" });
    expect(unknown.status).toBe(400);
    expect(wrong.status).toBe(400);
    const errorsOf = (r: typeof unknown) => (r.data as { error: Record<string, unknown> }).error;
    expect(errorsOf(unknown)).toEqual({ "": [LOGIN_FAILED_MESSAGE] });
    expect(errorsOf(wrong)).toEqual(errorsOf(unknown));
    expect((wrong.data as { initialValue: object }).initialValue).not.toHaveProperty("password");
    expect(setCookies(wrong)).toEqual([]);
  });

  it("never reuses a session id the browser brought (session fixation)", async () => {
    const user = await createUser();
    const planted = `${sessionCookieName()}=attackerchosenid.attackerchosensecret`;
    const first = await postLogin({ email: user.email, password: user.password }, { cookie: planted });
    const firstCookie = sessionCookieOf(setCookies(first));
    expect(firstCookie).not.toContain("attackerchosen");
    const firstSession = getUser(getRequest("/me", { cookie: cookieHeaderFrom(firstCookie) }))!.sessionId;

    // Logging in again from a signed-in browser gives a fresh session and ends the old one.
    const second = await postLogin({ email: user.email, password: user.password }, { cookie: cookieHeaderFrom(firstCookie) });
    const secondCookie = sessionCookieOf(setCookies(second));
    const secondSession = getUser(getRequest("/me", { cookie: cookieHeaderFrom(secondCookie) }))!.sessionId;
    expect(secondSession).not.toBe(firstSession);
    expect(secondCookie).not.toBe(firstCookie);
    expect(validateSessionToken(decodeURIComponent(cookieHeaderFrom(firstCookie).split("=")[1]!))).toBeNull();
    expect(db.select().from(sessions).where(eq(sessions.id, firstSession)).get()).toBeUndefined();
  });

  it("follows a same-site redirectTo and ignores one pointing elsewhere", async () => {
    const user = await createUser();
    const local = await postLogin({ email: user.email, password: user.password, redirectTo: "/me/account" });
    expect(local.headers.get("location")).toBe("/me/account");
    for (const evil of ["//evil.example/", "https://evil.example/", "/\\evil.example"]) {
      const result = await postLogin({ email: user.email, password: user.password, redirectTo: evil });
      expect(result.headers.get("location")).toBe("/me");
    }
  });

  it("sends a signed-in person from the login page straight on", async () => {
    const user = await createUser();
    const { cookieHeader } = signIn(user.id);
    const result = await runRoute(() =>
      loginLoader(routeArgs({ request: getRequest("/login?redirectTo=%2Fme%2Faccount", { cookie: cookieHeader }), context: loadContext(), params: {} })),
    );
    expect(result.status).toBe(302);
    expect(result.headers.get("location")).toBe("/me/account");
    const anonymous = await runRoute(() =>
      loginLoader(routeArgs({ request: getRequest("/login?redirectTo=%2F%2Fevil.example"), context: loadContext(), params: {} })),
    );
    expect(anonymous.data).toEqual({ redirectTo: "/me" });
  });
});

describe("log out", () => {
  it("ends the session and clears the cookie on POST, with a message on the home page", async () => {
    const user = await createUser();
    const { sessionId, cookieHeader } = signIn(user.id);
    const result = await runRoute(() =>
      logoutAction(routeArgs({ request: formRequest("/logout", {}, { cookie: cookieHeader }), context: loadContext(), params: {} })),
    );
    expect(result.status).toBe(302);
    expect(result.headers.get("location")).toBe("/");
    const cookies = setCookies(result);
    expect(sessionCookieOf(cookies)).toMatch(/Max-Age=0/);
    expect(cookies.some((c) => c.startsWith("flash="))).toBe(true);
    expect(db.select().from(sessions).where(eq(sessions.id, sessionId)).get()).toBeUndefined();
  });

  it("does nothing on GET but send the visitor home", async () => {
    const user = await createUser();
    const { sessionId, cookieHeader } = signIn(user.id);
    const result = await runRoute(() => logoutLoader());
    expect(result.status).toBe(302);
    expect(result.headers.get("location")).toBe("/");
    expect(getUser(getRequest("/me", { cookie: cookieHeader }))?.sessionId).toBe(sessionId);
  });
});
