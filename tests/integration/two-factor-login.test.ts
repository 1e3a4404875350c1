import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { pendingLogins, sessions } from "~db/schema";
import { resetRateLimits } from "~/modules/auth/rate-limit.server";
import { clock } from "~/utils/clock.server";
import { PENDING_LOGIN_COOKIE } from "~/utils/session-cookie.server";
import { action as loginAction } from "~/routes/login";
import { action as codeAction, loader as codeLoader } from "~/routes/login_.code";
import { getUser } from "~/routes/helpers/session.server";
import { cookieHeaderFrom, createUser, formRequest, freshIp, getRequest, loadContext, routeArgs, sessionCookieName, signIn, type TestUser } from "../support/factories";
import { runRoute, setCookies } from "../support/route-results";
import { codeNow, emailsTo, enrolTotp } from "../support/two-factor";

const START = Date.UTC(2026, 11, 3, 9, 0, 10);

beforeEach(() => {
  resetRateLimits();
  clock.set(START);
});
afterEach(() => clock.set(null));

async function userWithTotp(): Promise<TestUser & { key: Uint8Array; recoveryCodes: string[] }> {
  const user = await createUser();
  const enrolled = await enrolTotp(user, signIn(user.id).cookieHeader);
  // The code that confirmed the app is spent; the next log-in happens a step later.
  clock.advance(30_000);
  return { ...user, ...enrolled };
}

const cookieNamed = (values: string[], name: string) => values.find((c) => c.startsWith(`${name}=`)) ?? null;

/** The password step: returns the pending log-in's `Cookie` header and where it sent the browser. */
async function passwordStep(user: TestUser, redirectTo = "/admin") {
  const result = await runRoute(() =>
    loginAction(routeArgs({ request: formRequest("/login", { email: user.email, password: user.password, redirectTo }), context: loadContext(freshIp()), params: {} })),
  );
  const pending = cookieNamed(setCookies(result), PENDING_LOGIN_COOKIE);
  return { result, pendingCookie: pending ? cookieHeaderFrom(pending) : "" };
}

function postCode(pendingCookie: string, code: string, ip = "203.0.113.50") {
  const request = formRequest("/login/code", { code, redirectTo: "/admin" }, { cookie: pendingCookie });
  return runRoute(() => codeAction(routeArgs({ request, context: loadContext(ip), params: {} })));
}

const sessionCount = (userId: string) => db.select().from(sessions).where(eq(sessions.userId, userId)).all().length;

describe("logging in with a second factor", () => {
  it("opens no session after the password alone, only a pending log-in", async () => {
    const user = await userWithTotp();
    const before = sessionCount(user.id);
    const { result, pendingCookie } = await passwordStep(user);
    expect(result.status).toBe(302);
    expect(result.headers.get("location")).toBe("/login/code?redirectTo=%2Fadmin");
    expect(cookieNamed(setCookies(result), sessionCookieName())).toBeNull();
    expect(pendingCookie).not.toBe("");
    expect(sessionCount(user.id)).toBe(before);
    // The pending cookie is not a session anywhere.
    expect(getUser(getRequest("/me", { cookie: pendingCookie }))).toBeNull();
  });

  it("opens a session marked as having passed the second factor once the code is right", async () => {
    const user = await userWithTotp();
    const { pendingCookie } = await passwordStep(user);
    const page = await runRoute(() => codeLoader(routeArgs({ request: getRequest("/login/code?redirectTo=%2Fadmin", { cookie: pendingCookie }), context: loadContext(), params: {} })));
    expect(page.status).toBe(200);

    const wrong = await postCode(pendingCookie, codeNow(user.key) === "123456" ? "654321" : "123456");
    expect(wrong.status).toBe(400);

    const done = await postCode(pendingCookie, codeNow(user.key));
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe("/admin");
    const session = cookieNamed(setCookies(done), sessionCookieName())!;
    expect(cookieNamed(setCookies(done), PENDING_LOGIN_COOKIE)).toMatch(/Max-Age=0/);
    const signedIn = getUser(getRequest("/me", { cookie: cookieHeaderFrom(session) }))!;
    expect(signedIn.id).toBe(user.id);
    expect(signedIn.secondFactorAt).toBe(START + 30_000);
    // The pending log-in is spent.
    expect(db.select().from(pendingLogins).where(eq(pendingLogins.userId, user.id)).all()).toHaveLength(0);
    expect((await postCode(pendingCookie, codeNow(user.key))).headers.get("location")).toBe("/login");
  });

  it("sends the browser back to log in without a pending log-in, or after ten minutes", async () => {
    const user = await userWithTotp();
    const none = await runRoute(() => codeLoader(routeArgs({ request: getRequest("/login/code"), context: loadContext(), params: {} })));
    expect(none.status).toBe(302);
    expect(none.headers.get("location")).toBe("/login");

    const { pendingCookie } = await passwordStep(user);
    clock.advance(11 * 60_000);
    const late = await postCode(pendingCookie, codeNow(user.key));
    expect(late.status).toBe(302);
    expect(late.headers.get("location")).toBe("/login");
  });

  it("accepts a recovery code once, emails the owner, and refuses it the second time", async () => {
    const user = await userWithTotp();
    const [code] = user.recoveryCodes;
    const first = await passwordStep(user);
    const used = await postCode(first.pendingCookie, code!.toUpperCase().replace("-", " "));
    expect(used.status).toBe(302);
    expect(used.headers.get("location")).toBe("/admin");
    const emails = emailsTo(user.email, "recovery-code-used");
    expect(emails).toHaveLength(1);
    expect(emails[0]!.props).toMatchObject({ codesLeft: 9 });

    const second = await passwordStep(user);
    const again = await postCode(second.pendingCookie, code!);
    expect(again.status).toBe(400);
    expect(emailsTo(user.email, "recovery-code-used")).toHaveLength(1);
    // Another unused code still works.
    expect((await postCode(second.pendingCookie, user.recoveryCodes[1]!)).status).toBe(302);
  });

  it("blocks the account's codes after five wrong ones, even the right one, until the block ends", async () => {
    const user = await userWithTotp();
    const { pendingCookie } = await passwordStep(user);
    const right = codeNow(user.key);
    const wrong = right === "000000" ? "111111" : "000000";
    for (let i = 0; i < 5; i++) expect((await postCode(pendingCookie, wrong, freshIp())).status).toBe(400);
    const blocked = await postCode(pendingCookie, right, freshIp());
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("Retry-After"))).toBeGreaterThan(0);
  });
});

describe("a password change halfway through a log-in", () => {
  it("ends the pending log-in, so the code alone cannot finish it", async () => {
    const { changePassword } = await import("~/modules/auth/index.server");
    const user = await userWithTotp();
    const { pendingCookie } = await passwordStep(user);
    const elsewhere = signIn(user.id);
    const me = getUser(getRequest("/me", { cookie: elsewhere.cookieHeader }))!;
    expect((await changePassword(me, user.password, "a brand new passphrase", freshIp())).ok).toBe(true);
    const late = await postCode(pendingCookie, codeNow(user.key));
    expect(late.headers.get("location")).toBe("/login");
  });
});
