import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { emailTokens, outbox, userRoles, users } from "~db/schema";
import { COMMON_PASSWORD_MESSAGE } from "~/modules/auth/form-schemas.server";
import { resetRateLimits } from "~/modules/auth/rate-limit.server";
import { action as participantSignup, loader as participantLoader } from "~/routes/signup._index";
import { action as verifyAction } from "~/routes/verify-email";
import { action as mentorSignup } from "~/routes/signup.mentor";
import { action as sponsorSignup } from "~/routes/signup.sponsor";
import { formRequest, getRequest, loadContext, uniqueEmail, routeArgs, sessionCookieName } from "../support/factories";
import { runRoute } from "../support/route-results";
import { signUp, findUserByEmail } from "~/modules/auth/index.server";

const count = (table: typeof users | typeof userRoles | typeof emailTokens | typeof outbox) =>
  db.select({ n: sql<number>`count(*)` }).from(table).get()!.n;

/** Every form ticks the notice and the terms; participants also give a date of birth (ADR 0023). */
function postSignup(path: string, fields: Record<string, string>, ip: string) {
  const handler = path.endsWith("mentor") ? mentorSignup : path.endsWith("sponsor") ? sponsorSignup : participantSignup;
  const agreed = { privacyNotice: "on", terms: "on", ...(handler === participantSignup ? { birthDate: "1996-05-14" } : {}), ...fields };
  return runRoute(() => handler(routeArgs({ request: formRequest(path, agreed), context: loadContext(ip), params: {} })));
}

beforeEach(() => resetRateLimits());

describe("sign-up", () => {
  it("writes the user, the role, a hashed verification token and the email in one transaction", async () => {
    const email = uniqueEmail("new");
    const result = await postSignup("/signup", { name: "Ada Obi", email: email.toUpperCase(), password: "a long enough phrase" }, "198.51.100.1");
    expect(result.status).toBe(200);
    expect(result.data).toEqual({ sent: true, email: email.toUpperCase(), guardianAsked: false });

    const user = findUserByEmail(email)!;
    expect(user.email).toBe(email);
    expect(user.name).toBe("Ada Obi");
    expect(user.emailVerifiedAt).toBeNull();
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    const roles = db.select().from(userRoles).where(eq(userRoles.userId, user.id)).all();
    expect(roles.map((r) => r.role)).toEqual(["participant"]);
    const tokens = db.select().from(emailTokens).where(eq(emailTokens.userId, user.id)).all();
    expect(tokens).toHaveLength(1);
    expect(tokens[0]!.purpose).toBe("verify_email");
    expect(tokens[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    const mail = db.select().from(outbox).where(eq(outbox.recipient, email)).all();
    expect(mail).toHaveLength(1);
    expect(mail[0]!.template).toBe("verify-email");
    expect(mail[0]!.props).toMatchObject({ name: "Ada Obi" });
    expect(String(mail[0]!.props.url)).toMatch(/^http:\/\/localhost:3000\/verify-email\?token=[a-z2-7]{32}$/);
  });

  it("writes nothing at all when any part of the transaction fails", async () => {
    const before = [count(users), count(userRoles), count(emailTokens), count(outbox)];
    db.$client.exec(
      "CREATE TEMP TRIGGER refuse_outbox BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'outbox refused'); END;",
    );
    try {
      await expect(
        signUp({ name: "Bola", email: uniqueEmail("fails"), password: "a long enough phrase", birthDate: "1996-05-14" }, "198.51.100.2"),
      ).rejects.toThrow(/outbox refused/);
    } finally {
      db.$client.exec("DROP TRIGGER refuse_outbox");
    }
    expect([count(users), count(userRoles), count(emailTokens), count(outbox)]).toEqual(before);
  });

  it("answers an already-registered address exactly like a new one, and creates nothing", async () => {
    const email = uniqueEmail("taken");
    const first = await postSignup("/signup", { name: "First", email, password: "first owner phrase" }, "198.51.100.3");
    const before = [count(users), count(emailTokens), count(outbox)];
    const again = await postSignup("/signup/mentor", { name: "Second", email: ` ${email.toUpperCase()} `, password: "another phrase here" }, "198.51.100.4");
    expect(again.status).toBe(first.status);
    expect(again.data).toEqual({ sent: true, email: email.toUpperCase(), guardianAsked: false });
    expect([count(users), count(emailTokens), count(outbox)]).toEqual(before);
    const owner = findUserByEmail(email)!;
    expect(owner.name).toBe("First");
    expect(db.select().from(userRoles).where(eq(userRoles.userId, owner.id)).all().map((r) => r.role)).toEqual(["participant"]);
  });

  it("gives the mentor and sponsor pages their role", async () => {
    const mentor = uniqueEmail("mentor");
    const sponsor = uniqueEmail("sponsor");
    await postSignup("/signup/mentor", { name: "Mentor", email: mentor, password: "mentoring is sharing" }, "198.51.100.5");
    await postSignup("/signup/sponsor", { name: "Sponsor", email: sponsor, password: "sponsoring a cohort" }, "198.51.100.6");
    const roleOf = (email: string) =>
      db.select().from(userRoles).where(eq(userRoles.userId, findUserByEmail(email)!.id)).all().map((r) => r.role);
    expect(roleOf(mentor)).toEqual(["mentor"]);
    expect(roleOf(sponsor)).toEqual(["sponsor"]);
  });

  it("refuses a common password with a clear message at the field, and never echoes the password", async () => {
    const email = uniqueEmail("common");
    const result = await postSignup("/signup", { name: "C", email, password: "password123" }, "198.51.100.7");
    expect(result.status).toBe(400);
    const reply = result.data as { error: Record<string, string[]>; initialValue: Record<string, unknown> };
    expect(reply.error.password).toEqual([COMMON_PASSWORD_MESSAGE]);
    expect(reply.initialValue).not.toHaveProperty("password");
    expect(findUserByEmail(email)).toBeUndefined();
  });

  it("explains each missing or malformed field in plain words", async () => {
    const result = await postSignup("/signup", { name: "", email: "not-an-address", password: "short" }, "198.51.100.8");
    expect(result.status).toBe(400);
    const reply = result.data as { error: Record<string, string[]> };
    expect(reply.error.name).toEqual(["Enter your name"]);
    expect(reply.error.email).toEqual(["Enter an email address in the correct format, like name@example.com"]);
    expect(reply.error.password).toEqual(["Password must be 8 characters or more"]);
  });

  it("accepts a long passphrase (64 characters and more, up to 128) and refuses longer", async () => {
    const long = "mango tree by the market road ".repeat(4);
    expect(long.length).toBe(120);
    const ok = await postSignup("/signup", { name: "L", email: uniqueEmail("long"), password: long }, "198.51.100.9");
    expect(ok.status).toBe(200);
    const tooLong = await postSignup("/signup", { name: "L", email: uniqueEmail("toolong"), password: "x".repeat(129) }, "198.51.100.10");
    expect((tooLong.data as { error: Record<string, string[]> }).error.password).toEqual([
      "Password must be 128 characters or fewer",
    ]);
  });
});

describe("coming back to the page that sent someone to sign up", () => {
  const verifyLinkOf = (email: string) => {
    const row = db.select().from(outbox).where(eq(outbox.recipient, email)).get()!;
    return new URL((row.props as { url: string }).url);
  };
  const confirm = (token: string, next: string | null) =>
    runRoute(() => verifyAction(routeArgs({ request: formRequest("/verify-email", { token, ...(next ? { next } : {}) }), context: loadContext(), params: {} })));

  it("carries the page through the confirmation link, signs the person in and lands back on it", async () => {
    const email = uniqueEmail("joiner");
    const page = await runRoute(() => participantLoader(routeArgs({ request: getRequest("/signup?redirectTo=%2Fjoin%2FDEMO2026"), context: loadContext(), params: {} })));
    expect(page.data).toEqual({ redirectTo: "/join/DEMO2026", adultAge: 18 });
    await postSignup("/signup", { name: "Joy Joiner", email, password: "a long enough phrase", redirectTo: "/join/DEMO2026" }, "198.51.100.40");
    const link = verifyLinkOf(email);
    expect(link.searchParams.get("next")).toBe("/join/DEMO2026");
    const confirmed = await confirm(link.searchParams.get("token")!, link.searchParams.get("next"));
    expect(confirmed.status).toBe(302);
    expect(confirmed.headers.get("location")).toBe("/join/DEMO2026");
    expect(confirmed.headers.getSetCookie().some((c) => c.startsWith(`${sessionCookieName()}=`))).toBe(true);
    expect(findUserByEmail(email)!.emailVerifiedAt).not.toBeNull();
  });

  it("never carries another site's address", async () => {
    const email = uniqueEmail("elsewhere");
    await postSignup("/signup", { name: "Odd Link", email, password: "a long enough phrase", redirectTo: "//evil.example/x" }, "198.51.100.41");
    const link = verifyLinkOf(email);
    expect(link.searchParams.has("next")).toBe(false);
    const confirmed = await confirm(link.searchParams.get("token")!, "https://evil.example/");
    expect(confirmed.headers.get("location")).toBe("/me");
  });
});
