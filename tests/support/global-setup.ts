import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import type { TestProject } from "vitest/node";
import { DEFAULT_TEST_PASSWORD } from "./test-password";
// The hashing alone: the front door would open the default database file (./data) in this process.
import { hashPassword } from "~/modules/auth/password.server";

/** Migrates once into a template database; every test file then starts from a copy of it. */
export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "steppingstone-test-"));
  const template = path.join(dir, "template.db");
  const sqlite = new Database(template);
  migrate(drizzle(sqlite), { migrationsFolder: path.resolve("db/migrations") });
  sqlite.pragma("journal_mode = DELETE");
  sqlite.close();
  process.env.STEPPINGSTONE_TEST_TEMPLATE_DB = template;
  project.provide("defaultPasswordHash", await hashPassword(DEFAULT_TEST_PASSWORD));
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
