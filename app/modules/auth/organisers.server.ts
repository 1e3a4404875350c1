import { eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "~db/client.server";
import { emailTokens, userRoles } from "~db/schema";
import { hashPassword } from "~/modules/auth/password.server";
import { issueToken, tokenUrl } from "~/modules/auth/tokens.server";
import { findUserByEmail, insertUser, normaliseEmail, rolesOf } from "~/modules/auth/users.server";
import { clock, HOUR } from "~/utils/clock.server";
import { hashToken, randomId } from "~/utils/ids.server";
import { securityEvent } from "~/utils/logger.server";
import { sortRoles } from "~/modules/auth/roles";
import { recordAudit } from "~/modules/organisation/index.server";

/** The set-password link from the command line is handed over by the operator, so it lives longer than an emailed reset. */
const SET_PASSWORD_LINK_LIFETIME = 24 * HOUR;

type CreateOrganiserResult =
  | { status: "invalid-email"; message: string }
  | { status: "already-organiser"; userId: string; email: string }
  | { status: "granted"; userId: string; email: string; before: string[] }
  | { status: "created"; userId: string; email: string; setPasswordUrl: string; expiresAt: number };

const emailSchema = z.string().trim().max(254).pipe(z.email());

/**
 * For a new deployment: makes `email` an organiser. An existing account gains the role; otherwise
 * an account is created with an unusable random password and a one-time link to choose one.
 */
export async function createOrganiser(input: { email: string; name?: string }): Promise<CreateOrganiserResult> {
  const parsed = emailSchema.safeParse(input.email);
  if (!parsed.success) return { status: "invalid-email", message: `"${input.email}" is not an email address.` };
  const email = normaliseEmail(parsed.data);
  const existing = findUserByEmail(email);
  if (existing) {
    const result = db.transaction(
      (tx): CreateOrganiserResult => {
        const before = sortRoles(rolesOf(existing.id));
        if (before.includes("organiser")) return { status: "already-organiser", userId: existing.id, email };
        tx.insert(userRoles).values({ userId: existing.id, role: "organiser", grantedAt: clock.now(), grantedBy: null }).run();
        const after = sortRoles([...before, "organiser"]);
        recordAudit(tx, {
          actorId: null,
          action: "role.changed",
          targetType: "user",
          targetId: existing.id,
          details: { before, after, via: "create-organiser command" },
        });
        return { status: "granted", userId: existing.id, email, before };
      },
      { behavior: "immediate" },
    );
    if (result.status === "granted") securityEvent("role.changed", { actorId: null, userId: result.userId, added: ["organiser"], via: "command line" });
    return result;
  }

  // Nobody knows this password: the account can only be entered through the link below.
  const passwordHash = await hashPassword(randomId(32));
  const name = input.name?.trim() || email.split("@")[0];
  const result = db.transaction(
    (tx) => {
      const userId = insertUser(tx, { email, name, passwordHash, roles: ["organiser"], emailVerified: false });
      const token = issueToken(tx, { userId, purpose: "reset_password", email });
      const row = tx.select({ createdAt: emailTokens.createdAt }).from(emailTokens).where(eq(emailTokens.tokenHash, hashToken(token))).get()!;
      const expiresAt = row.createdAt + SET_PASSWORD_LINK_LIFETIME;
      tx.update(emailTokens).set({ expiresAt }).where(eq(emailTokens.tokenHash, hashToken(token))).run();
      recordAudit(tx, {
        actorId: null,
        action: "organiser.created",
        targetType: "user",
        targetId: userId,
        details: { email, via: "create-organiser command" },
      });
      return { status: "created" as const, userId, email, setPasswordUrl: tokenUrl("reset_password", token), expiresAt };
    },
    { behavior: "immediate" },
  );
  securityEvent("role.changed", { actorId: null, userId: result.userId, added: ["organiser"], via: "command line", newAccount: true });
  return result;
}
