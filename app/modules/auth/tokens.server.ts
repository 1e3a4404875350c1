import { and, eq, isNull } from "drizzle-orm";
import { db, type Tx } from "~db/client.server";
import { emailTokens, type TokenPurpose } from "~db/schema";
import { clock, HOUR } from "~/utils/clock.server";
import { env } from "~/utils/env.server";
import { hashToken, randomId } from "~/utils/ids.server";

const TOKEN_LIFETIME: Record<TokenPurpose, number> = {
  verify_email: 24 * HOUR,
  reset_password: 1 * HOUR,
  change_email: 24 * HOUR,
};

// Where each kind of link lands. A change-of-address link is confirmed on the same page as a
// verification link: to the person both mean "confirm this address is mine".
const LINK_PATH: Record<TokenPurpose, string> = {
  verify_email: "/verify-email",
  reset_password: "/reset-password",
  change_email: "/verify-email",
};

// A newer link replaces an older one for resets and address changes, so only the latest email
// works. Verification links all confirm the same address, so older ones stay valid.
const ONE_LIVE_TOKEN: ReadonlySet<TokenPurpose> = new Set(["reset_password", "change_email"]);


type EmailToken = typeof emailTokens.$inferSelect;

/**
 * Creates a single-use token for `purpose` and returns the raw value, which only ever goes
 * into the email. Only its SHA-256 is stored. `email` is the address the token speaks for.
 */
export function issueToken(tx: Tx, input: { userId: string; purpose: TokenPurpose; email: string }): string {
  const now = clock.now();
  if (ONE_LIVE_TOKEN.has(input.purpose)) {
    tx.update(emailTokens)
      .set({ usedAt: now })
      .where(and(eq(emailTokens.userId, input.userId), eq(emailTokens.purpose, input.purpose), isNull(emailTokens.usedAt)))
      .run();
  }
  const token = randomId(20);
  tx.insert(emailTokens)
    .values({
      id: randomId(16),
      userId: input.userId,
      purpose: input.purpose,
      tokenHash: hashToken(token),
      email: input.email,
      createdAt: now,
      expiresAt: now + TOKEN_LIFETIME[input.purpose],
    })
    .run();
  return token;
}

/** The absolute link to put in the email. */
export function tokenUrl(purpose: TokenPurpose, token: string, next?: string): string {
  const url = new URL(LINK_PATH[purpose], env.APP_URL);
  url.searchParams.set("token", token);
  if (next) url.searchParams.set("next", next);
  return url.toString();
}

function isUsable(row: EmailToken | undefined, purposes: readonly TokenPurpose[], now: number): row is EmailToken {
  return !!row && purposes.includes(row.purpose) && row.usedAt === null && row.expiresAt > now;
}

/** Reads a token without using it up (to decide what a page shows). */
export function peekToken(token: string, purposes: readonly TokenPurpose[]): EmailToken | null {
  if (!token) return null;
  const row = db.select().from(emailTokens).where(eq(emailTokens.tokenHash, hashToken(token))).get();
  return isUsable(row, purposes, clock.now()) ? row : null;
}

/**
 * Marks the token used and returns it, or null when it is unknown, of another purpose, used or
 * expired. Call inside the transaction that applies the token's effect, so both happen or neither.
 */
export function consumeToken(tx: Tx, token: string, purposes: readonly TokenPurpose[]): EmailToken | null {
  if (!token) return null;
  const now = clock.now();
  const row = tx.select().from(emailTokens).where(eq(emailTokens.tokenHash, hashToken(token))).get();
  if (!isUsable(row, purposes, now)) return null;
  const { changes } = tx
    .update(emailTokens)
    .set({ usedAt: now })
    .where(and(eq(emailTokens.id, row.id), isNull(emailTokens.usedAt)))
    .run();
  return changes === 1 ? row : null;
}
