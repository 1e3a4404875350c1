import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { outbox, sessions } from "~db/schema";
import { action as eventAction } from "~/routes/events.$slug";
import { action as verifyAction } from "~/routes/verify-email";
import { loader as loginLoader } from "~/routes/login";
import { resetRateLimits } from "~/modules/auth/rate-limit.server";
import { findUserByEmail } from "~/modules/auth/index.server";
import { createTestEvent, registrationOf } from "../support/event-factories";
import { createUser, formRequest, freshIp, getRequest, loadContext, routeArgs, sessionCookieName, signIn, uniqueEmail } from "../support/factories";
import { runRoute } from "../support/route-results";

// ADR 0020: no sign-up form signs anyone in, whether or not the address has an account; confirming
// the address does, and lands the person where they were going.

beforeEach(() => resetRateLimits());

function signUpAndBook(slug: string, email: string) {
  return runRoute(() =>
    eventAction(routeArgs({
      request: formRequest(`/events/${slug}`, { intent: "register", name: "Funmi Adeyemi", email, password: "yam pepper harmattan", birthDate: "1996-05-14", privacyNotice: "on", terms: "on" }),
      params: { slug },
      context: loadContext(freshIp()),
    })),
  );
}

function verifyLinkTo(email: string): URL {
  const mail = db.select().from(outbox).where(eq(outbox.recipient, email)).all().find((m) => m.template === "verify-email");
  if (!mail) throw new Error(`no verify-email to ${email}`);
  return new URL(String(mail.props.url));
}

const sessionSet = (headers: Headers) => headers.getSetCookie().some((cookie) => cookie.startsWith(`${sessionCookieName()}=`));

describe("signing up to book a seat", () => {
  it("answers a new address and an address with an account the same way, signing nobody in", async () => {
    const event = createTestEvent();
    const owner = await createUser();
    const fresh = await signUpAndBook(event.slug, uniqueEmail("fresh"));
    const taken = await signUpAndBook(event.slug, owner.email);
    expect([fresh.status, taken.status]).toEqual([200, 200]);
    expect(Object.keys(fresh.data as object)).toEqual(["checkEmail", "guardianAsked"]);
    expect(taken.data).toEqual({ ...(fresh.data as object), checkEmail: owner.email });
    expect(sessionSet(fresh.headers) || sessionSet(taken.headers)).toBe(false);
  });

  it("holds the new account's seat, and its confirmation link signs the person in on their ticket", async () => {
    const event = createTestEvent();
    const email = uniqueEmail("booker");
    await signUpAndBook(event.slug, email);
    const user = findUserByEmail(email)!;
    const registration = registrationOf(event.id, user.id)!;
    expect(registration.status).toBe("confirmed");

    const link = verifyLinkTo(email);
    expect(link.searchParams.get("next")).toBe(`/me/tickets/${registration.id}`);
    const token = link.searchParams.get("token")!;
    const confirmed = await runRoute(() =>
      verifyAction(routeArgs({ request: formRequest(`/verify-email?token=${token}`, { token, next: link.searchParams.get("next")! }), context: loadContext(), params: {} })),
    );
    expect(confirmed.headers.get("location")).toBe(`/me/tickets/${registration.id}`);
    expect(sessionSet(confirmed.headers)).toBe(true);
  });
});

describe("confirming an address", () => {
  it("signs out whoever logged in to the account before its owner confirmed it", async () => {
    const email = uniqueEmail("prehijack");
    const event = createTestEvent();
    await signUpAndBook(event.slug, email);
    const user = findUserByEmail(email)!;
    signIn(user.id, "someone who typed the password");
    expect(db.select().from(sessions).where(eq(sessions.userId, user.id)).all()).toHaveLength(1);
    const token = verifyLinkTo(email).searchParams.get("token")!;
    const confirmed = await runRoute(() => verifyAction(routeArgs({ request: formRequest(`/verify-email?token=${token}`, { token }), context: loadContext(), params: {} })));
    const left = db.select().from(sessions).where(eq(sessions.userId, user.id)).all();
    expect(left).toHaveLength(1);
    expect(left[0].userAgent).not.toBe("someone who typed the password");
    expect(sessionSet(confirmed.headers)).toBe(true);
  });

  it("fills in the new address on the log-in page after a change of address", async () => {
    const email = uniqueEmail("moved");
    const page = await runRoute(() => loginLoader(routeArgs({ request: getRequest(`/login?${new URLSearchParams({ email, redirectTo: "/me/account" })}`), context: loadContext(), params: {} })));
    expect(page.data).toEqual({ redirectTo: "/me/account", email });
    const junk = await runRoute(() => loginLoader(routeArgs({ request: getRequest("/login?email=%3Cscript%3E"), context: loadContext(), params: {} })));
    expect(junk.data).toEqual({ redirectTo: "/me" });
  });
});
