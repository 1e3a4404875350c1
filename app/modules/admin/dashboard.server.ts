import { gte, isNull, sql, type SQL } from "drizzle-orm";
import { db } from "~db/client.server";
import { outbox, userRoles, users, ROLES, type Role } from "~db/schema";
import { DAY } from "~/utils/clock.server";

export const NEW_MEMBER_WINDOW = 30 * DAY;

export type OutboxHealth = { pending: number; dead: number };

/** How much email is waiting and how much gave up; read straight from the outbox table. */
function outboxHealth(): OutboxHealth {
  const rows = db
    .select({ status: outbox.status, n: sql<number>`count(*)` })
    .from(outbox)
    .where(sql`${outbox.status} in ('pending', 'dead')`)
    .groupBy(outbox.status)
    .all();
  const health: OutboxHealth = { pending: 0, dead: 0 };
  for (const row of rows) if (row.status === "pending" || row.status === "dead") health[row.status] = row.n;
  return health;
}

export type DashboardFigures = {
  people: number;
  byRole: Record<Role, number>;
  joinedRecently: number;
  unverified: number;
  outbox: OutboxHealth;
};

export function dashboardFigures(now: number): DashboardFigures {
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
    outbox: outboxHealth(),
  };
}
