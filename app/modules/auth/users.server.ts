import { eq, inArray, sql } from "drizzle-orm";
import { db, type Tx } from "~db/client.server";
import { userRoles, users, type GuardianConsentState, type Role } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { randomId } from "~/utils/ids.server";

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export type NewUser = {
  email: string;
  name: string;
  passwordHash: string;
  roles: Role[];
  emailVerified?: boolean;
  grantedBy?: string | null;
  /** A participant's date of birth (YYYY-MM-DD), and whether the account waits for a guardian (ADR 0023). */
  birthDate?: string | null;
  guardianConsent?: GuardianConsentState;
};


/** Inserts a user and their roles; call inside the caller's transaction when other writes go with it. */
export function insertUser(tx: Tx, input: NewUser): string {
  const id = randomId(16);
  const now = clock.now();
  tx.insert(users)
    .values({
      id,
      email: normaliseEmail(input.email),
      name: input.name.trim(),
      passwordHash: input.passwordHash,
      emailVerifiedAt: input.emailVerified ? now : null,
      birthDate: input.birthDate ?? null,
      guardianConsent: input.guardianConsent ?? "not_needed",
      createdAt: now,
      updatedAt: now,
    })
    .run();
  for (const role of new Set(input.roles)) {
    tx.insert(userRoles).values({ userId: id, role, grantedAt: now, grantedBy: input.grantedBy ?? null }).run();
  }
  return id;
}

export function findUserByEmail(email: string) {
  return db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, normaliseEmail(email)))
    .get();
}

export function findUserById(id: string) {
  return db.select().from(users).where(eq(users.id, id)).get();
}

export function rolesOf(userId: string): Role[] {
  return db
    .select({ role: userRoles.role })
    .from(userRoles)
    .where(eq(userRoles.userId, userId))
    .all()
    .map((row) => row.role);
}

export function countUsers(): number {
  return db.select({ n: sql<number>`count(*)` }).from(users).get()?.n ?? 0;
}

export type PersonName = { id: string; name: string; email: string };

/** Names and emails of the people with these ids (unknown ids are left out), for other areas' pages. */
export function peopleByIds(ids: Iterable<string>): Map<string, PersonName> {
  const wanted = [...new Set(ids)];
  if (!wanted.length) return new Map();
  const rows = db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(inArray(users.id, wanted)).all();
  return new Map(rows.map((row) => [row.id, row]));
}
