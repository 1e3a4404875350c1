import { gte, isNull, sql, type SQL } from "drizzle-orm";
import { db } from "~db/client.server";
import { userRoles, users, ROLES, type Role } from "~db/schema";
import { DAY } from "~/utils/clock.server";

const NEW_MEMBER_WINDOW = 30 * DAY;

export type PeopleFigures = { people: number; byRole: Record<Role, number>; joinedRecently: number; unverified: number };

/** How many people have accounts, by role, joined in the last 30 days, and not yet verified. */
export function peopleFigures(now: number): PeopleFigures {
  const byRole = Object.fromEntries(ROLES.map((role) => [role, 0])) as Record<Role, number>;
  const roleRows = db
    .select({ role: userRoles.role, n: sql<number>`count(*)` })
    .from(userRoles)
    .groupBy(userRoles.role)
    .all();
  for (const row of roleRows) byRole[row.role] = row.n;
  const count = (where?: SQL) =>
    db.select({ n: sql<number>`count(*)` }).from(users).where(where).get()?.n ?? 0;
  return {
    people: count(),
    byRole,
    joinedRecently: count(gte(users.createdAt, now - NEW_MEMBER_WINDOW)),
    unverified: count(isNull(users.emailVerifiedAt)),
  };
}
