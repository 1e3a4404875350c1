import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeEach, vi } from "vitest";
import type { Db } from "~db/client.server";

// Runs before each test file's imports. Files share a worker (isolate: false), so first undo
// what the previous file left behind: its environment changes, its app modules (the env is
// parsed and the database opened once per module graph) and the singletons of
// app/utils/singleton.server.ts. Its database is closed, so a stale reference to it fails
// loudly instead of reading another file's rows.
const worker = globalThis as unknown as { __steppingstone?: Map<string, unknown>; __testEnv?: NodeJS.ProcessEnv };
const initialEnv = (worker.__testEnv ??= { ...process.env });
for (const key of Object.keys(process.env)) if (!(key in initialEnv)) delete process.env[key];
Object.assign(process.env, initialEnv);
for (const [name, value] of worker.__steppingstone ?? []) if (name.startsWith("db:")) (value as Db).$client.close();
worker.__steppingstone?.clear();
vi.useRealTimers();
vi.resetModules();

// Point the app at a fresh copy of the migrated template.
const template = process.env.STEPPINGSTONE_TEST_TEMPLATE_DB;
if (!template) throw new Error("global-setup did not create the template database");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "steppingstone-file-"));
const file = path.join(dir, "test.db");
fs.copyFileSync(template, file);
process.env.DATABASE_URL = file;
process.env.NODE_ENV = "test";
process.env.APP_URL ??= "http://localhost:3000";

// A console.error during a test is a failure: it means something went wrong unnoticed.
let consoleErrors: unknown[][] = [];
beforeEach(() => {
  consoleErrors = [];
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    consoleErrors.push(args);
  });
});
afterEach(() => {
  vi.mocked(console.error).mockRestore();
  if (consoleErrors.length) throw new Error(`console.error was called: ${consoleErrors.map((a) => a.join(" ")).join("\n")}`);
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});
