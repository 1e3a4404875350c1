import { gte, sql } from "drizzle-orm";
import { db } from "~db/client.server";
import { users, ROLES, type Role } from "~db/schema";
import { DAY } from "~/utils/clock.server";
import { runningTotals } from "~/utils/running-totals.server";

const NEW_MEMBER_WINDOW = 30 * DAY;

export type PeopleFigures = { people: number; byRole: Record<Role, number>; joinedRecently: number; unverified: number };

const roleTotal = (role: Role) => `people_with_role:${role}` as const;

/** How many people have accounts, by role, joined in the last 30 days, and not yet verified. */
export function peopleFigures(now: number): PeopleFigures {
  const totals = runningTotals(["people", "people_unverified", ...ROLES.map(roleTotal)]);
  const byRole = Object.fromEntries(ROLES.map((role) => [role, totals[roleTotal(role)]])) as Record<Role, number>;
  // Read through the index on created_at: only the last 30 days' rows.
  const joinedRecently = db.select({ n: sql<number>`count(*)` }).from(users).where(gte(users.createdAt, now - NEW_MEMBER_WINDOW)).get()?.n ?? 0;
  return { people: totals.people, byRole, joinedRecently, unverified: totals.people_unverified };
}
