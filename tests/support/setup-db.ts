import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeEach, vi } from "vitest";

// Runs before each test file's imports: point the app at a fresh copy of the migrated template.
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
