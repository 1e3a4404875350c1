import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import { db, likePattern, type Tx } from "~db/client.server";
import { userRoles, users, type Role, type GuardianConsentState } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { securityEvent } from "~/utils/logger.server";
import { sortRoles } from "~/modules/auth/roles";
import { recordAudit } from "~/modules/organisation/index.server";
import { refuse, type Outcome } from "~/utils/refusal";
import { runningTotals } from "~/utils/running-totals.server";
import { pageWindow } from "~/utils/paging";

const PEOPLE_PAGE_SIZE = 50;

type PersonSummary = {
  id: string;
  name: string;
  email: string;
  verified: boolean;
  createdAt: number;
  roles: Role[];
};

/** One person's record as organisers see it: with what decides a guardian's consent. */
type PersonRecord = PersonSummary & { birthDate: string | null; guardianConsent: GuardianConsentState };

function rolesByUser(ids: string[]): Map<string, Role[]> {
  const map = new Map<string, Role[]>();
  if (!ids.length) return map;
  const rows = db.select().from(userRoles).where(inArray(userRoles.userId, ids)).all();
  for (const row of rows) map.set(row.userId, [...(map.get(row.userId) ?? []), row.role]);
  for (const [id, roles] of map) map.set(id, sortRoles(roles));
  return map;
}

/** One page of people whose name or email contains `query` (case-insensitive), by name. */
export function searchPeople({ query, page }: { query: string; page: number }) {
  const q = query.trim();
  const pattern = likePattern(q);
  const where = q
    ? or(sql`${users.name} like ${pattern} escape '\\'`, sql`${users.email} like ${pattern} escape '\\'`)
    : undefined;
  // Without a search, everyone: the running total (ADR 0054) rather than a count of every account.
  const total = q ? (db.select({ n: sql<number>`count(*)` }).from(users).where(where).get()?.n ?? 0) : runningTotals(["people"]).people;
  const { page: current, pageCount } = pageWindow(page, total, PEOPLE_PAGE_SIZE);
  const rows = db
    .select({ id: users.id, name: users.name, email: users.email, verifiedAt: users.emailVerifiedAt, createdAt: users.createdAt })
    .from(users)
    .where(where)
    .orderBy(asc(sql`${users.name} collate nocase`), asc(users.id))
    .limit(PEOPLE_PAGE_SIZE)
    .offset((current - 1) * PEOPLE_PAGE_SIZE)
    .all();
  const roles = rolesByUser(rows.map((row) => row.id));
  const people: PersonSummary[] = rows.map((row) => ({
    id: row.id,
    name: row.name,
    email: row.email,
    verified: row.verifiedAt !== null,
    createdAt: row.createdAt,
    roles: roles.get(row.id) ?? [],
  }));
  return { people, total, page: current, pageCount, query: q };
}

export function getPerson(id: string): PersonRecord | null {
  const row = db.select().from(users).where(eq(users.id, id)).get();
  if (!row) return null;
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    verified: row.emailVerifiedAt !== null,
    createdAt: row.createdAt,
    roles: rolesByUser([row.id]).get(row.id) ?? [],
    birthDate: row.birthDate,
    guardianConsent: row.guardianConsent,
  };
}

/** An organiser opening someone's record: what the NDPA asks an organisation to be able to show (audited). */
export function viewPerson(id: string, viewerId: string): PersonRecord | null {
  const person = getPerson(id);
  if (person && person.id !== viewerId) recordAudit(db, { actorId: viewerId, action: "person.viewed", targetType: "user", targetId: person.id });
  return person;
}

/** Refused with code "not-found" (404), or at the roles field when it would leave no organiser. */
type RoleChangeResult = Outcome<{ changed: boolean; before: Role[]; after: Role[] }>;

/**
 * Sets a person's roles to exactly `roles`. Refuses to leave the organisation without any
 * organiser, since nobody could then reach the console to put one back.
 */
export function changeRoles({ actorId, userId, roles }: { actorId: string | null; userId: string; roles: Role[] }): RoleChangeResult {
  const after = sortRoles(roles);
  const result = db.transaction(
    (tx): RoleChangeResult => {
      const user = tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).get();
      if (!user) return refuse("There is no person with that id.", { code: "not-found", status: 404 });
      const before = sortRoles(
        tx.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId)).all().map((r) => r.role),
      );
      const removed = before.filter((role) => !after.includes(role));
      const added = after.filter((role) => !before.includes(role));
      if (!removed.length && !added.length) return { ok: true, changed: false, before, after: before };
      if (removed.includes("organiser")) {
        const organisers = tx.select({ n: sql<number>`count(*)` }).from(userRoles).where(eq(userRoles.role, "organiser")).get()?.n ?? 0;
        if (organisers <= 1) {
          return refuse("Keep the organiser role: this is the only organiser, and the console needs at least one.", { field: "roles", code: "last-organiser" });
        }
      }
      if (removed.length) {
        tx.delete(userRoles).where(and(eq(userRoles.userId, userId), inArray(userRoles.role, removed))).run();
      }
      const now = clock.now();
      for (const role of added) tx.insert(userRoles).values({ userId, role, grantedAt: now, grantedBy: actorId }).run();
      recordAudit(tx, { actorId, action: "role.changed", targetType: "user", targetId: userId, details: { before, after } });
      return { ok: true, changed: true, before, after };
    },
    { behavior: "immediate" },
  );
  if (result.ok && result.changed) {
    securityEvent("role.changed", { actorId, userId, before: result.before, after: result.after });
  }
  return result;
}

/**
 * Adds one role inside the caller's transaction, for other areas that grant a role as part of
 * their own change (a door team). Audited; true when the person did not hold it before.
 */
export function grantRole(tx: Tx, { actorId, userId, role }: { actorId: string | null; userId: string; role: Role }): boolean {
  const before = sortRoles(tx.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId)).all().map((r) => r.role));
  if (before.includes(role)) return false;
  tx.insert(userRoles).values({ userId, role, grantedAt: clock.now(), grantedBy: actorId }).run();
  recordAudit(tx, { actorId, action: "role.changed", targetType: "user", targetId: userId, details: { before, after: sortRoles([...before, role]) } });
  return true;
}
