import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { eq, lt } from "drizzle-orm";
import { db } from "~db/client.server";
import { pendingLogins } from "~db/schema";
import { clock, MINUTE } from "~/utils/clock.server";
import { randomId, sha256Bytes } from "~/utils/ids.server";
import { securityEvent } from "~/utils/logger.server";
import { refuse, type Refusal } from "~/utils/refusal";
import { PENDING_LOGIN_COOKIE, serializeCookie } from "~/utils/session-cookie.server";
import { verifySecondFactor } from "./second-factors.server";
import { createSession, invalidateSession } from "./session.server";

// Long enough to find the phone; short enough that a forgotten half-done log-in is worthless.
const PENDING_LIFETIME = 10 * MINUTE;

const LOGIN_EXPIRED_MESSAGE = "That log-in took too long. Enter your email and password again.";

const hashSecret = sha256Bytes;

/**
 * Records that the password was right and a code is still owed. The cookie grants nothing but
 * the chance to type a code: it is not a session.
 */
export function startPendingLogin(userId: string): { cookie: string } {
  const now = clock.now();
  const id = randomId(16);
  const secret = randomId(20);
  db.delete(pendingLogins).where(lt(pendingLogins.expiresAt, now)).run();
  db.insert(pendingLogins)
    .values({ id, userId, secretHash: Buffer.from(hashSecret(secret)), createdAt: now, expiresAt: now + PENDING_LIFETIME })
    .run();
  return { cookie: serializeCookie(PENDING_LOGIN_COOKIE, `${id}.${secret}`, PENDING_LIFETIME / 1000) };
}

export function clearPendingLoginCookie(): string {
  return serializeCookie(PENDING_LOGIN_COOKIE, "", 0);
}

function findPendingLogin(token: string | null) {
  const [id, secret, extra] = (token ?? "").split(".");
  if (!id || !secret || extra !== undefined) return null;
  const row = db.select().from(pendingLogins).where(eq(pendingLogins.id, id)).get();
  if (!row || !constantTimeEqual(hashSecret(secret), new Uint8Array(row.secretHash))) return null;
  return row.expiresAt > clock.now() ? row : null;
}

/** True while the token still waits for its code (the page shows the form, else goes back to log-in). */
export function pendingLoginIsValid(token: string | null): boolean {
  return findPendingLogin(token) !== null;
}

type FinishInput = {
  token: string | null;
  code: string;
  ip: string;
  userAgent: string | null;
  previousSessionId?: string | null;
};

/** Checks the code and only then opens the session, marked as having passed a second factor. */
export async function finishPendingLogin(
  input: FinishInput,
): Promise<{ ok: true; userId: string; cookie: string; method: "totp" | "recovery" } | Refusal> {
  const pending = findPendingLogin(input.token);
  if (!pending) return refuse(LOGIN_EXPIRED_MESSAGE, { code: "expired" });
  const verified = await verifySecondFactor(pending.userId, input.code, input.ip);
  if (!verified.ok) return verified;
  const taken = db.delete(pendingLogins).where(eq(pendingLogins.id, pending.id)).run().changes;
  if (!taken) return refuse(LOGIN_EXPIRED_MESSAGE, { code: "expired" });
  if (input.previousSessionId) invalidateSession(input.previousSessionId);
  const { cookie } = createSession(pending.userId, input.userAgent, { secondFactorAt: clock.now() });
  securityEvent("login.success", { userId: pending.userId, ip: input.ip, secondFactor: verified.method });
  return { ok: true, userId: pending.userId, cookie, method: verified.method };
}
