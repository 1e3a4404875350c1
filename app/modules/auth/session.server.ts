import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { and, eq, ne, sql, type AnyColumn } from "drizzle-orm";
import { db } from "~db/client.server";
import { sessions, userRoles, users, type Role } from "~db/schema";
import { clock, DAY, HOUR } from "~/utils/clock.server";
import { keptRow } from "~/utils/data-version.server";
import { randomId, sha256Bytes } from "~/utils/ids.server";
import { serializeSessionCookie, clearSessionCookie } from "~/utils/session-cookie.server";

export const INACTIVITY_TIMEOUT = 30 * DAY;
export const ABSOLUTE_LIFETIME = 90 * DAY;
const LAST_SEEN_REFRESH = HOUR;

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  emailVerified: boolean;
  roles: Role[];
  sessionId: string;
  /** When this session last passed a second factor, or null (ADR 0022). */
  secondFactorAt: number | null;
  /** A young person's account held until a parent or guardian consents: they may browse, not book or be matched (ADR 0023). */
  awaitingGuardian: boolean;
};

const hashSecret = sha256Bytes;

/**
 * Creates a session and returns the `Set-Cookie` value carrying its `id.secret` token.
 * `secondFactorAt` is the instant the person passed a second factor on the way in, if they did.
 */
export function createSession(
  userId: string,
  userAgent: string | null,
  options: { secondFactorAt?: number | null } = {},
): { sessionId: string; cookie: string } {
  const id = randomId(16);
  const secret = randomId(20);
  const now = clock.now();
  db.insert(sessions)
    .values({
      id,
      userId,
      secretHash: Buffer.from(hashSecret(secret)),
      createdAt: now,
      lastSeenAt: now,
      userAgent: (userAgent ?? "").slice(0, 300),
      secondFactorAt: options.secondFactorAt ?? null,
    })
    .run();
  // Every way in (log-in, sign-up, an accepted invitation) opens a session: the retention job
  // counts an account's inactivity from here.
  db.update(users).set({ lastLoginAt: now }).where(eq(users.id, userId)).run();
  return { sessionId: id, cookie: serializeSessionCookie(`${id}.${secret}`, INACTIVITY_TIMEOUT / 1000) };
}

function sessionExpired(row: { createdAt: number; lastSeenAt: number }, now: number) {
  return now - row.lastSeenAt >= INACTIVITY_TIMEOUT || now - row.createdAt >= ABSOLUTE_LIFETIME;
}

// Every signed-in request reads its session, its person and their roles: one statement, prepared
// once (ADR 0046). The roles come as one comma-separated text (no role has a comma). The person's
// columns are looked up one by one rather than joined: SQLite runs this form in a third of the
// time of the join (12 against 40 µs a session, on 22,000 sessions), with the same rows.
// Named with its table: inside a subquery a bare "user_id" would be the inner table's own column.
const sessionUserId = sql`${sessions}.${sql.identifier(sessions.userId.name)}`;
const ofTheUser = <T>(column: AnyColumn) => sql<T>`(select ${column} from ${users} where ${users.id} = ${sessionUserId})`;
const sessionStatement = db
  .select({
    id: sessions.id,
    secretHash: sessions.secretHash,
    createdAt: sessions.createdAt,
    lastSeenAt: sessions.lastSeenAt,
    secondFactorAt: sessions.secondFactorAt,
    userId: sessions.userId,
    // Null only when the person is gone (never, with foreign keys on): no session then.
    email: ofTheUser<string | null>(users.email),
    name: ofTheUser<string>(users.name),
    emailVerifiedAt: ofTheUser<number | null>(users.emailVerifiedAt),
    guardianConsent: ofTheUser<string>(users.guardianConsent),
    roles: sql<string | null>`(select group_concat(${userRoles.role}) from ${userRoles} where ${userRoles.userId} = ${sessionUserId})`,
  })
  .from(sessions)
  .where(eq(sessions.id, sql.placeholder("id")))
  .prepare();

/** Looks the token up; returns the user, or null for a missing, forged or expired session. */
export function validateSessionToken(token: string): SessionUser | null {
  const [id, secret, extra] = token.split(".");
  if (!id || !secret || extra !== undefined) return null;
  // Kept while nothing is written (ADR 0042): the root loader, the page's loader and the next
  // request read the same row. Expiry and the secret are checked against it every time.
  const row = keptRow(`session:${id}`, () => sessionStatement.get({ id }));
  if (!row || row.email === null) return null;
  if (!constantTimeEqual(hashSecret(secret), new Uint8Array(row.secretHash))) return null;
  const now = clock.now();
  if (sessionExpired(row, now)) {
    db.delete(sessions).where(eq(sessions.id, id)).run();
    return null;
  }
  if (now - row.lastSeenAt >= LAST_SEEN_REFRESH) {
    db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id)).run();
  }
  const roles = row.roles ? (row.roles.split(",") as Role[]) : [];
  return {
    id: row.userId,
    email: row.email,
    name: row.name,
    emailVerified: row.emailVerifiedAt !== null,
    roles,
    sessionId: row.id,
    secondFactorAt: row.secondFactorAt,
    awaitingGuardian: row.guardianConsent === "waiting",
  };
}

/** Whether a token still opens its session (a kept page is sent only then, ADR 0052). */
export function sessionIsLive(token: string): boolean {
  return validateSessionToken(token) !== null;
}

export function hasRole(user: Pick<SessionUser, "roles"> | null, role: Role): boolean {
  return !!user && user.roles.includes(role);
}

export function invalidateSession(sessionId: string) {
  db.delete(sessions).where(eq(sessions.id, sessionId)).run();
}

/** Ends every session of the user except `keepSessionId` (password change, "sign out others"). */
export function invalidateOtherSessions(userId: string, keepSessionId: string | null) {
  const condition = keepSessionId
    ? and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId))
    : eq(sessions.userId, userId);
  return db.delete(sessions).where(condition).run().changes;
}

export function listSessions(userId: string) {
  return db
    .select({ id: sessions.id, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, userAgent: sessions.userAgent })
    .from(sessions)
    .where(eq(sessions.userId, userId))
    .all();
}

export { clearSessionCookie };
