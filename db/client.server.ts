import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { env } from "~/utils/env.server";
import { singleton } from "~/utils/singleton.server";
import * as schema from "./schema";

export type Db = BetterSQLite3Database & { $client: Database.Database };

/**
 * What domain functions read and write through: the transaction they were handed, or the database
 * itself outside one. Transactions are synchronous (`db.transaction(fn, { behavior: "immediate" })`
 * for read-then-write).
 */
export type Tx = Pick<Db, "select" | "insert" | "update" | "delete">;

const migrationsFolder = path.resolve(process.cwd(), "db/migrations");

const KEPT_STATEMENTS = 1000;

/**
 * Each SQL text is compiled once and its statement reused: drizzle asks for a new statement on
 * every query, and compiling costs more than running most of ours. Statements are handed out reset
 * to row objects, since a reuse may have left one returning arrays (`raw`).
 */
function keepCompiledStatements(sqlite: Database.Database) {
  const compile = sqlite.prepare.bind(sqlite);
  const kept = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    let statement = kept.get(source);
    if (statement) {
      kept.delete(source);
      if (statement.reader) statement.raw(false);
    } else {
      statement = compile(source);
      if (kept.size >= KEPT_STATEMENTS) kept.delete(kept.keys().next().value!);
    }
    kept.set(source, statement);
    return statement;
  }) as Database.Database["prepare"];
}

export function openDatabase(file: string): Db {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  // Payments and seat bookings must survive a power cut; writes here are few.
  sqlite.pragma("synchronous = FULL");
  // Deleted rows are overwritten with zeros, so erased personal data does not linger in free pages (ADR 0024).
  sqlite.pragma("secure_delete = ON");
  keepCompiledStatements(sqlite);
  // No schema for drizzle's relational API (`db.query`), which nothing here uses: given one, drizzle
  // builds a query builder for every table each time it opens a transaction.
  const db = drizzle(sqlite) as Db;
  migrate(db, { migrationsFolder });
  return db;
}

export const db: Db = singleton(`db:${env.DATABASE_URL}`, () => openDatabase(env.DATABASE_URL));

export function closeDatabase() {
  if (db.$client.open) db.$client.close();
}

/** A write refused by a UNIQUE index (a race the surrounding code then answers). */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && "code" in error && String(error.code).startsWith("SQLITE_CONSTRAINT_UNIQUE");
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** `%query%` for `like … escape '\'`: the query's own `%`, `_` and backslashes match literally. */
export function likePattern(query: string): string {
  return `%${escapeLike(query)}%`;
}

/** `prefix%` for `like … escape '\'`, matching text that starts with `prefix` literally. */
export function likePrefix(prefix: string): string {
  return `${escapeLike(prefix)}%`;
}

export { schema };
