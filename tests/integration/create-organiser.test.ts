import { spawn } from "node:child_process";
import path from "node:path";
import { desc, eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { auditLog, emailTokens, outbox, userRoles } from "~db/schema";
import { verifyPassword } from "~/modules/auth/password.server";
import { peekToken } from "~/modules/auth/tokens.server";
import { clock, HOUR, MINUTE } from "~/utils/clock.server";
import { hashToken } from "~/utils/ids.server";
import { createUser, DEFAULT_TEST_PASSWORD, uniqueEmail } from "../support/factories";
import { findUserByEmail, createOrganiser } from "~/modules/auth/index.server";

const tsx = path.resolve("node_modules/.bin/tsx");

function runScript(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, ["scripts/create-organiser.ts", ...args], {
      env: { ...process.env, NODE_ENV: "test", LOG_LEVEL: "silent" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const rolesOf = (userId: string) =>
  db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId)).all().map((r) => r.role).sort();
const outboxCount = () => db.select({ n: sql<number>`count(*)` }).from(outbox).get()!.n;

afterEach(() => clock.set(null));

describe("create-organiser", () => {
  it("creates a new organiser with an unusable password and a set-password link valid for 24 hours, emailing nothing", async () => {
    const email = uniqueEmail("first-organiser");
    const mailBefore = outboxCount();
    const start = Date.now();
    clock.set(start);
    const result = await createOrganiser({ email: ` ${email.toUpperCase()} `, name: "Funmi Adeyemi" });
    expect(result.status).toBe("created");
    if (result.status !== "created") return;
    const user = findUserByEmail(email)!;
    expect(user).toMatchObject({ id: result.userId, email, name: "Funmi Adeyemi", emailVerifiedAt: null });
    expect(rolesOf(user.id)).toEqual(["organiser"]);
    expect(await verifyPassword(user.passwordHash, "")).toBe(false);
    expect(outboxCount()).toBe(mailBefore);

    const url = new URL(result.setPasswordUrl);
    expect(url.origin + url.pathname).toBe("http://localhost:3000/reset-password");
    const token = url.searchParams.get("token")!;
    const row = db.select().from(emailTokens).where(eq(emailTokens.userId, user.id)).get()!;
    expect(row).toMatchObject({ purpose: "reset_password", tokenHash: hashToken(token), usedAt: null });
    expect(row.expiresAt - row.createdAt).toBe(24 * HOUR);
    expect(result.expiresAt).toBe(row.expiresAt);
    clock.set(start + 24 * HOUR - MINUTE);
    expect(peekToken(token, ["reset_password"])?.id).toBe(row.id);
    clock.set(start + 24 * HOUR);
    expect(peekToken(token, ["reset_password"])).toBeNull();

    const entry = db.select().from(auditLog).where(eq(auditLog.targetId, user.id)).orderBy(desc(auditLog.id)).get()!;
    expect(entry).toMatchObject({ actorId: null, action: "organiser.created", targetType: "user", details: { email } });
  });

  it("grants the role to an existing account, keeping its other roles and password", async () => {
    const person = await createUser({ name: "Existing Mentor", roles: ["mentor"] });
    const result = await createOrganiser({ email: person.email });
    expect(result).toMatchObject({ status: "granted", userId: person.id });
    expect(rolesOf(person.id)).toEqual(["mentor", "organiser"]);
    expect(await verifyPassword(findUserByEmail(person.email)!.passwordHash, DEFAULT_TEST_PASSWORD)).toBe(true);
    const entry = db.select().from(auditLog).where(eq(auditLog.targetId, person.id)).orderBy(desc(auditLog.id)).get()!;
    expect(entry).toMatchObject({ actorId: null, action: "role.changed", details: { before: ["mentor"], after: ["organiser", "mentor"] } });

    const auditBefore = db.select({ n: sql<number>`count(*)` }).from(auditLog).get()!.n;
    expect(await createOrganiser({ email: person.email })).toMatchObject({ status: "already-organiser" });
    expect(db.select({ n: sql<number>`count(*)` }).from(auditLog).get()!.n).toBe(auditBefore);
  });

  it("refuses something that is not an email address", async () => {
    expect(await createOrganiser({ email: "organiser at example" })).toMatchObject({ status: "invalid-email" });
  });

  it("runs from the command line with clear output and exit codes", async () => {
    const email = uniqueEmail("cli");
    const created = await runScript([email, "--name", "Chidi Cli"]);
    expect(created.stderr).toBe("");
    expect(created.code).toBe(0);
    expect(created.stdout).toContain(`Created an organiser account for ${email}.`);
    expect(created.stdout).toMatch(/^http:\/\/localhost:3000\/reset-password\?token=[a-z2-7]{32}$/m);
    const user = findUserByEmail(email)!;
    expect(user.name).toBe("Chidi Cli");
    expect(rolesOf(user.id)).toEqual(["organiser"]);

    const again = await runScript([email]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`${email} is already an organiser. Nothing changed.`);

    const participant = await createUser({ roles: ["participant"] });
    const granted = await runScript([participant.email]);
    expect(granted.code).toBe(0);
    expect(granted.stdout).toContain("is now an organiser too");
    expect(rolesOf(participant.id)).toEqual(["organiser", "participant"]);

    const bad = await runScript(["nobody"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"nobody" is not an email address.');
    const missing = await runScript([]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("Usage: npm run create-organiser -- EMAIL");
  });
});
