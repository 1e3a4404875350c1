import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { auditLog, recoveryCodes, sessions, totpFactors } from "~db/schema";
import { resetRateLimits } from "~/modules/auth/rate-limit.server";
import { stepUp } from "~/modules/auth/index.server";
import { clock } from "~/utils/clock.server";
import { getUser } from "~/routes/helpers/session.server";
import { createUser, getRequest, signIn } from "../support/factories";
import { codeNow, emailsTo, enrolTotp, keyFromSecret, postTwoFactor, twoFactorPage } from "../support/two-factor";

const START = Date.UTC(2026, 11, 3, 9, 0, 10);

beforeEach(() => {
  resetRateLimits();
  clock.set(START);
});
afterEach(() => clock.set(null));

const secondFactorAtOf = (sessionId: string) => db.select().from(sessions).where(eq(sessions.id, sessionId)).get()!.secondFactorAt;

describe("setting up an authenticator app", () => {
  it("asks for the password first, then shows a QR code and the key written out", async () => {
    const user = await createUser();
    const { cookieHeader } = signIn(user.id, undefined, { secondFactorAt: null });
    const wrong = await postTwoFactor(cookieHeader, { intent: "start", password: "not my password" });
    expect(wrong.status).toBe(400);
    expect((await twoFactorPage(cookieHeader)).status.state).toBe("none");

    expect((await postTwoFactor(cookieHeader, { intent: "start", password: user.password })).status).toBe(302);
    const page = await twoFactorPage(cookieHeader);
    expect(page.status.state).toBe("enrolling");
    if (page.status.state !== "enrolling") return;
    expect(page.status.qrSvg).toMatch(/^<svg/);
    expect(page.status.secret).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/);
    // Not a second factor until a code from the app confirms it.
    expect(db.select().from(totpFactors).where(eq(totpFactors.userId, user.id)).get()!.confirmedAt).toBeNull();
  });

  it("refuses a wrong code, then turns on with a code computed from the key on the page", async () => {
    const user = await createUser();
    const { cookieHeader, sessionId } = signIn(user.id, undefined, { secondFactorAt: null });
    await postTwoFactor(cookieHeader, { intent: "start", password: user.password });
    const page = await twoFactorPage(cookieHeader);
    if (page.status.state !== "enrolling") throw new Error("not enrolling");
    const key = keyFromSecret(page.status.secret);
    const right = codeNow(key);
    const wrongCode = right === "000000" ? "111111" : "000000";

    const refused = await postTwoFactor(cookieHeader, { intent: "confirm", code: wrongCode });
    expect(refused.status).toBe(400);
    expect(emailsTo(user.email, "second-factor-added")).toHaveLength(0);

    const confirmed = await postTwoFactor(cookieHeader, { intent: "confirm", code: right });
    expect(confirmed.status).toBe(200);
    const codes = (confirmed.data as { recoveryCodes: string[] }).recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z0-9]{5}-[a-z0-9]{5}$/);

    // Stored hashed: no code appears in the table.
    const stored = db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, user.id)).all();
    expect(stored).toHaveLength(10);
    for (const row of stored) {
      expect(row.codeHash).toMatch(/^\$argon2id\$/);
      for (const code of codes) expect(row.codeHash).not.toContain(code);
    }
    // This session has just passed the second factor; the email and the audit entry went with it.
    expect(secondFactorAtOf(sessionId)).toBe(START);
    expect(getUser(getRequest("/me", { cookie: cookieHeader }))?.secondFactorAt).toBe(START);
    expect(emailsTo(user.email, "second-factor-added")).toHaveLength(1);
    const actions = db.select().from(auditLog).where(eq(auditLog.targetId, user.id)).all().map((a) => a.action);
    expect(actions).toContain("second-factor.added");

    const after = await twoFactorPage(cookieHeader);
    expect(after.status).toMatchObject({ state: "enrolled", recoveryCodesLeft: 10 });
  });

  it("never accepts the same code twice in its window, and accepts the next one", async () => {
    const user = await createUser();
    const { cookieHeader, sessionId } = signIn(user.id, undefined, { secondFactorAt: null });
    const { key } = await enrolTotp(user, cookieHeader);
    const me = getUser(getRequest("/me", { cookie: cookieHeader }))!;

    // The code that confirmed the app is spent, though its 30 seconds have not run out.
    clock.advance(5_000);
    const reused = await stepUp(me, codeNow(key), "203.0.113.20");
    expect(reused.ok).toBe(false);

    clock.advance(30_000);
    const code = codeNow(key);
    expect((await stepUp(me, code, "203.0.113.20")).ok).toBe(true);
    expect(secondFactorAtOf(sessionId)).toBe(clock.now());
    expect((await stepUp(me, code, "203.0.113.20")).ok).toBe(false);
  });

  it("forgets an app that was never confirmed after 15 minutes", async () => {
    const user = await createUser();
    const { cookieHeader } = signIn(user.id);
    await postTwoFactor(cookieHeader, { intent: "start", password: user.password });
    const page = await twoFactorPage(cookieHeader);
    if (page.status.state !== "enrolling") throw new Error("not enrolling");
    clock.advance(16 * 60_000);
    expect((await twoFactorPage(cookieHeader)).status.state).toBe("none");
    const late = await postTwoFactor(cookieHeader, { intent: "confirm", code: codeNow(keyFromSecret(page.status.secret)) });
    expect(late.status).toBe(409);
  });

  it("removes the app only with the password, ends every session's pass and emails the owner", async () => {
    const user = await createUser();
    const { cookieHeader, sessionId } = signIn(user.id, undefined, { secondFactorAt: null });
    await enrolTotp(user, cookieHeader);
    const elsewhere = signIn(user.id, "Another browser", { secondFactorAt: START });

    expect((await postTwoFactor(cookieHeader, { intent: "remove", password: "not my password" })).status).toBe(400);
    expect((await twoFactorPage(cookieHeader)).status.state).toBe("enrolled");

    expect((await postTwoFactor(cookieHeader, { intent: "remove", password: user.password })).status).toBe(302);
    expect((await twoFactorPage(cookieHeader)).status.state).toBe("none");
    expect(db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, user.id)).all()).toHaveLength(0);
    expect(secondFactorAtOf(sessionId)).toBeNull();
    expect(secondFactorAtOf(elsewhere.sessionId)).toBeNull();
    expect(emailsTo(user.email, "second-factor-removed")).toHaveLength(1);
    const actions = db.select().from(auditLog).where(eq(auditLog.targetId, user.id)).all().map((a) => a.action);
    expect(actions).toContain("second-factor.removed");
  });
});
