import fs from "node:fs";
import { and, desc, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { auditLog, emailTokens, outbox, sessions, users } from "~db/schema";
import { resetRateLimits } from "~/modules/auth/rate-limit.server";
import { clock, HOUR, MINUTE } from "~/utils/clock.server";
import { env } from "~/utils/env.server";
import { hashToken } from "~/utils/ids.server";
import { action as forgotAction } from "~/routes/forgot-password";
import { action as accountAction } from "~/routes/me.account";
import { action as resetAction, headers as resetHeaders, loader as resetLoader } from "~/routes/reset-password";
import { createUser, formRequest, getRequest, loadContext, signIn, uniqueEmail, freshIp, routeArgs } from "../support/factories";
import { runRoute } from "../support/route-results";
import { getUser } from "~/routes/helpers/session.server";
import { signUp, logIn } from "~/modules/auth/index.server";

const sessionIds = (userId: string) =>
  db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, userId)).all().map((s) => s.id).sort();

/** The token from the newest email of that kind to that address, as the person would click it. */
function tokenFromLatestEmail(to: string, template: string): string {
  const row = db
    .select()
    .from(outbox)
    .where(and(eq(outbox.recipient, to), eq(outbox.template, template)))
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .all()
    .at(0);
  if (!row) throw new Error(`no ${template} email to ${to}`);
  return new URL(String(row.props.url)).searchParams.get("token")!;
}

function countEmails(to: string, template: string) {
  return db.select().from(outbox).where(and(eq(outbox.recipient, to), eq(outbox.template, template))).all().length;
}

beforeEach(() => {
  resetRateLimits();
  clock.set(Date.UTC(2026, 0, 10, 9, 0, 0));
});
afterEach(() => clock.set(null));

describe("changing the password", () => {
  it("ends every other session, keeps this one, emails a notice and records it", async () => {
    const user = await createUser();
    const here = signIn(user.id);
    const phone = signIn(user.id, "Mozilla/5.0 (Linux; Android 12) Chrome/120 Mobile");
    const laptop = signIn(user.id, "Mozilla/5.0 (Windows NT 10.0) Firefox/125.0");
    expect(sessionIds(user.id)).toHaveLength(3);

    const result = await runRoute(() =>
      accountAction(routeArgs({
        request: formRequest(
          "/me/account",
          { intent: "change-password", currentPassword: user.password, newPassword: "a brand new passphrase" },
          { cookie: here.cookieHeader },
        ),
        context: loadContext(freshIp()),
        params: {},
      })),
    );
    expect(result.status).toBe(302);
    expect(sessionIds(user.id)).toEqual([here.sessionId]);
    expect(getUser(getRequest("/me", { cookie: phone.cookieHeader }))).toBeNull();
    expect(getUser(getRequest("/me", { cookie: laptop.cookieHeader }))).toBeNull();
    expect(getUser(getRequest("/me", { cookie: here.cookieHeader }))?.id).toBe(user.id);
    expect(countEmails(user.email, "password-changed")).toBe(1);
    const audit = db.select().from(auditLog).where(eq(auditLog.targetId, user.id)).all();
    expect(audit.map((a) => a.action)).toContain("password.changed");

    const old = await logIn({ email: user.email, password: user.password, ip: freshIp(), userAgent: null });
    expect(old.ok).toBe(false);
    const fresh = await logIn({ email: user.email, password: "a brand new passphrase", ip: freshIp(), userAgent: null });
    expect(fresh.ok).toBe(true);
  });

  it("refuses a wrong current password and changes nothing", async () => {
    const user = await createUser();
    const here = signIn(user.id);
    const other = signIn(user.id);
    const hashBefore = db.select().from(users).where(eq(users.id, user.id)).get()!.passwordHash;
    const result = await runRoute(() =>
      accountAction(routeArgs({
        request: formRequest(
          "/me/account",
          { intent: "change-password", currentPassword: "wrong guess here", newPassword: "a brand new passphrase" },
          { cookie: here.cookieHeader },
        ),
        context: loadContext(freshIp()),
        params: {},
      })),
    );
    expect(result.status).toBe(400);
    expect((result.data as { error: Record<string, string[]> }).error.currentPassword).toEqual([
      "Your current password is incorrect",
    ]);
    expect(db.select().from(users).where(eq(users.id, user.id)).get()!.passwordHash).toBe(hashBefore);
    expect(sessionIds(user.id)).toEqual([here.sessionId, other.sessionId].sort());
  });
});

describe("resetting a forgotten password", () => {
  async function requestReset(email: string) {
    return runRoute(() =>
      forgotAction(routeArgs({ request: formRequest("/forgot-password", { email }), context: loadContext(freshIp()), params: {} })),
    );
  }
  function postReset(token: string, password: string) {
    return runRoute(() =>
      resetAction(routeArgs({
        request: formRequest(`/reset-password?token=${token}`, { token, password }),
        context: loadContext(freshIp()),
        params: {},
      })),
    );
  }

  it("gives the same answer whether or not an account exists", async () => {
    const user = await createUser();
    const nobody = uniqueEmail("nobody");
    const known = await requestReset(user.email);
    const unknown = await requestReset(nobody);
    expect(known.status).toBe(unknown.status);
    expect(known.data).toEqual({ sent: true, email: user.email });
    expect(unknown.data).toEqual({ sent: true, email: nobody });
    expect(countEmails(user.email, "reset-password")).toBe(1);
    expect(countEmails(nobody, "reset-password")).toBe(0);
  });

  it("sets the password, ends every session, works once, and stores only the token's hash", async () => {
    const user = await createUser();
    const a = signIn(user.id);
    signIn(user.id);
    await requestReset(user.email);
    const token = tokenFromLatestEmail(user.email, "reset-password");
    expect(token.length).toBeGreaterThanOrEqual(32); // 20 random bytes in base32

    const page = await runRoute(() => resetLoader(routeArgs({ request: getRequest(`/reset-password?token=${token}`), context: loadContext(), params: {} })));
    expect(page.data).toEqual({ valid: true, token });
    expect(new Headers(resetHeaders({} as never)).get("Referrer-Policy")).toBe("no-referrer");

    const done = await postReset(token, "my new reset phrase");
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe("/login");
    expect(sessionIds(user.id)).toEqual([]);
    expect(getUser(getRequest("/me", { cookie: a.cookieHeader }))).toBeNull();
    expect(countEmails(user.email, "password-changed")).toBe(1);
    expect((await logIn({ email: user.email, password: "my new reset phrase", ip: freshIp(), userAgent: null })).ok).toBe(true);

    const again = await postReset(token, "yet another phrase");
    expect(again.status).toBe(400);
    expect(again.data).toEqual({ linkInvalid: true });
    expect((await logIn({ email: user.email, password: "yet another phrase", ip: freshIp(), userAgent: null })).ok).toBe(false);

    // Only the hash is kept with the token; no table but the outbox (which must carry the link
    // until it is delivered) holds the raw value.
    const row = db.select().from(emailTokens).where(eq(emailTokens.tokenHash, hashToken(token))).get();
    expect(row?.purpose).toBe("reset_password");
    const tables = db.$client
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'outbox'")
      .all() as { name: string }[];
    for (const { name } of tables) {
      const columns = db.$client.prepare(`SELECT name FROM pragma_table_info(?)`).all(name) as { name: string }[];
      const where = columns.map((c) => `instr(CAST("${c.name}" AS TEXT), ?) > 0`).join(" OR ");
      const hits = db.$client.prepare(`SELECT count(*) AS n FROM "${name}" WHERE ${where}`).get(...columns.map(() => token));
      expect(hits, `table ${name}`).toEqual({ n: 0 });
    }
    // And in the file itself, once the delivered email is gone (while queued, the scan does see it).
    const fileBytes = () => {
      db.$client.pragma("wal_checkpoint(TRUNCATE)");
      return Buffer.concat([env.DATABASE_URL, `${env.DATABASE_URL}-wal`].filter(fs.existsSync).map((f) => fs.readFileSync(f)));
    };
    expect(fileBytes().includes(Buffer.from(token))).toBe(true);
    db.$client.exec("DELETE FROM outbox; VACUUM;");
    const file = fileBytes();
    expect(file.includes(Buffer.from(token))).toBe(false);
    expect(file.includes(Buffer.from(hashToken(token)))).toBe(true);
  });

  it("expires the link after 1 hour", async () => {
    const user = await createUser();
    await requestReset(user.email);
    const token = tokenFromLatestEmail(user.email, "reset-password");
    clock.advance(HOUR - MINUTE);
    expect((await runRoute(() => resetLoader(routeArgs({ request: getRequest(`/reset-password?token=${token}`), context: loadContext(), params: {} })))).data).toEqual({
      valid: true,
      token,
    });
    clock.advance(MINUTE);
    expect((await runRoute(() => resetLoader(routeArgs({ request: getRequest(`/reset-password?token=${token}`), context: loadContext(), params: {} })))).data).toEqual({
      valid: false,
      token: "",
    });
    expect((await postReset(token, "too late for this")).data).toEqual({ linkInvalid: true });
  });

  it("makes an older link useless once a newer one is sent", async () => {
    const user = await createUser();
    await requestReset(user.email);
    const older = tokenFromLatestEmail(user.email, "reset-password");
    clock.advance(MINUTE);
    await requestReset(user.email);
    const newer = tokenFromLatestEmail(user.email, "reset-password");
    expect(newer).not.toBe(older);
    expect((await postReset(older, "from the old link")).data).toEqual({ linkInvalid: true });
    expect((await postReset(newer, "from the new link")).status).toBe(302);
  });

  it("refuses a token made for another purpose", async () => {
    const email = uniqueEmail("purpose");
    await signUp({ name: "P", email, password: "purpose bound phrase", birthDate: "1996-05-14" }, freshIp());
    const verifyToken = tokenFromLatestEmail(email, "verify-email");
    expect((await postReset(verifyToken, "hijacked password")).data).toEqual({ linkInvalid: true });
  });
});
