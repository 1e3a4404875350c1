import { and, desc, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { outbox, users } from "~db/schema";
import { resetRateLimits } from "~/modules/auth/rate-limit.server";
import { findUserById } from "~/modules/auth/users.server";
import { clock, HOUR, MINUTE } from "~/utils/clock.server";
import { action as meAction, loader as meLoader } from "~/routes/me._index";
import { action as accountAction } from "~/routes/me.account";
import { action as verifyAction, headers as verifyHeaders, loader as verifyLoader } from "~/routes/verify-email";
import { createUser, formRequest, getRequest, loadContext, signIn, uniqueEmail, freshIp, routeArgs } from "../support/factories";
import { runRoute } from "../support/route-results";
import { signUp } from "~/modules/auth/index.server";

function latestEmail(to: string, template: string) {
  return db
    .select()
    .from(outbox)
    .where(and(eq(outbox.recipient, to), eq(outbox.template, template)))
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .all()
    .at(0);
}

function tokenFrom(to: string, template: string) {
  const mail = latestEmail(to, template);
  if (!mail) throw new Error(`no ${template} email to ${to}`);
  return new URL(String(mail.props.url)).searchParams.get("token")!;
}

const openLink = (token: string, cookie?: string) =>
  runRoute(() => verifyLoader(routeArgs({ request: getRequest(`/verify-email?token=${token}`, { cookie }), context: loadContext(), params: {} })));
const confirmLink = (token: string, cookie?: string) =>
  runRoute(() =>
    verifyAction(routeArgs({ request: formRequest(`/verify-email?token=${token}`, { token }, { cookie }), context: loadContext(), params: {} })),
  );

beforeEach(() => {
  resetRateLimits();
  clock.set(Date.UTC(2026, 2, 1, 8, 0, 0));
});
afterEach(() => clock.set(null));

describe("verifying an email address", () => {
  it("changes nothing when the link is opened, and confirms on the button's POST, once", async () => {
    const email = uniqueEmail("verify");
    const result = await signUp({ name: "Chi", email, password: "verify me please", birthDate: "1996-05-14" }, freshIp());
    const userId = (result as { userId: string }).userId;
    const token = tokenFrom(email, "verify-email");

    const page = await openLink(token);
    expect(page.data).toEqual({ link: { kind: "verify", email }, token, next: "", signedIn: false });
    expect(new Headers(verifyHeaders({} as never)).get("Referrer-Policy")).toBe("no-referrer");
    expect(findUserById(userId)!.emailVerifiedAt).toBeNull();

    const confirmed = await confirmLink(token);
    expect(confirmed.status).toBe(302);
    expect(confirmed.headers.get("location")).toBe("/me");
    expect(findUserById(userId)!.emailVerifiedAt).toBe(clock.now());

    expect((await confirmLink(token)).data).toEqual({ invalid: true, reason: "This link has expired or has already been used." });
    expect((await openLink(token)).data).toMatchObject({ link: null, token: "" });
  });

  it("expires a verification link after 24 hours", async () => {
    const email = uniqueEmail("late");
    await signUp({ name: "Late", email, password: "verify me later", birthDate: "1996-05-14" }, freshIp());
    const token = tokenFrom(email, "verify-email");
    clock.advance(24 * HOUR);
    expect((await confirmLink(token)).data).toEqual({ invalid: true, reason: "This link has expired or has already been used." });
  });

  it("lets a signed-in person without a confirmed address ask for a new link from /me", async () => {
    const user = await createUser({ verified: false });
    const { cookieHeader } = signIn(user.id);
    const page = await runRoute(() => meLoader(routeArgs({ request: getRequest("/me", { cookie: cookieHeader }), context: loadContext(), params: {} })));
    expect(page.data).toMatchObject({ emailVerified: false, email: user.email });

    const sent = await runRoute(() =>
      meAction(routeArgs({
        request: formRequest("/me", { intent: "resend-verification" }, { cookie: cookieHeader }),
        context: loadContext(freshIp()),
        params: {},
      })),
    );
    expect(sent.status).toBe(302);
    const token = tokenFrom(user.email, "verify-email");
    const confirmed = await confirmLink(token, cookieHeader);
    expect(confirmed.headers.get("location")).toBe("/me");
    expect(findUserById(user.id)!.emailVerifiedAt).not.toBeNull();
  });
});

describe("changing the email address", () => {
  function requestChange(cookie: string, newEmail: string, password: string) {
    return runRoute(() =>
      accountAction(routeArgs({
        request: formRequest("/me/account", { intent: "change-email", newEmail, password }, { cookie }),
        context: loadContext(freshIp()),
        params: {},
      })),
    );
  }

  it("asks for the password, confirms through the new address and tells the old one", async () => {
    const user = await createUser({ name: "Dayo" });
    const { cookieHeader } = signIn(user.id);
    const newEmail = uniqueEmail("moved");

    const refused = await requestChange(cookieHeader, newEmail, "not my password");
    expect(refused.status).toBe(400);
    expect((refused.data as { error: Record<string, string[]> }).error.password).toEqual(["Your password is incorrect"]);
    expect(latestEmail(newEmail, "change-email")).toBeUndefined();

    const requested = await requestChange(cookieHeader, newEmail.toUpperCase(), user.password);
    expect(requested.status).toBe(302);
    const mail = latestEmail(newEmail, "change-email")!;
    expect(mail.props).toMatchObject({ name: "Dayo", newEmail });
    expect(findUserById(user.id)!.email).toBe(user.email);

    const token = tokenFrom(newEmail, "change-email");
    expect((await openLink(token)).data).toMatchObject({ link: { kind: "change", email: newEmail } });
    const confirmed = await confirmLink(token);
    expect(confirmed.status).toBe(302);
    const after = findUserById(user.id)!;
    expect(after.email).toBe(newEmail);
    expect(after.emailVerifiedAt).toBe(clock.now());
    expect(latestEmail(user.email, "email-changed")?.props).toEqual({ name: "Dayo", newEmail });
    expect((await confirmLink(token)).data).toEqual({ invalid: true, reason: "This link has expired or has already been used." });
  });

  it("answers the same for an address that already has an account, and sends nothing to it", async () => {
    const user = await createUser();
    const other = await createUser();
    const { cookieHeader } = signIn(user.id);
    const result = await requestChange(cookieHeader, other.email, user.password);
    expect(result.status).toBe(302);
    expect(latestEmail(other.email, "change-email")).toBeUndefined();
    expect(findUserById(user.id)!.email).toBe(user.email);
  });

  it("refuses the address the account already has", async () => {
    const user = await createUser();
    const { cookieHeader } = signIn(user.id);
    const result = await requestChange(cookieHeader, user.email, user.password);
    expect((result.data as { error: Record<string, string[]> }).error.newEmail).toEqual([
      "That is already your email address. Enter a different one",
    ]);
  });

  it("does not change to an address someone registered after the link was sent", async () => {
    const user = await createUser();
    const { cookieHeader } = signIn(user.id);
    const newEmail = uniqueEmail("race");
    await requestChange(cookieHeader, newEmail, user.password);
    const token = tokenFrom(newEmail, "change-email");
    clock.advance(MINUTE);
    await createUser({ email: newEmail });
    const result = await confirmLink(token);
    expect(result.data).toEqual({ invalid: true, reason: "That email address is now used by another account." });
    expect(db.select().from(users).where(eq(users.id, user.id)).get()!.email).toBe(user.email);
  });
});
