import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { backupDatabase, BackupError } from "~/modules/admin/index.server";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "steppingstone-backup-"));
const tsx = path.resolve("node_modules/.bin/tsx");

function runBackupScript(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, ["scripts/backup.ts", ...args], {
      env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL, NODE_ENV: "test" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

function inspect(file: string) {
  const copy = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return {
      integrity: (copy.pragma("integrity_check") as { integrity_check: string }[]).map((r) => r.integrity_check),
      journalMode: copy.pragma("journal_mode", { simple: true }),
      probe: copy.prepare("select count(*) as n, coalesce(max(id), 0) as maxId from backup_probe").get() as { n: number; maxId: number },
      tables: (copy.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map((r) => r.name),
    };
  } finally {
    copy.close();
  }
}

beforeAll(() => {
  // Enough pages that a copy takes several backup steps, so writes can land in between.
  db.$client.exec("CREATE TABLE backup_probe (id INTEGER PRIMARY KEY, payload TEXT NOT NULL)");
  const insert = db.$client.prepare("INSERT INTO backup_probe (payload) VALUES (?)");
  db.$client.transaction(() => {
    for (let i = 0; i < 4000; i++) insert.run(`row ${i} `.padEnd(600, "x"));
  })();
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("npm run db:backup", () => {
  it("writes a consistent copy that passes integrity_check while another process keeps writing", async () => {
    const file = path.join(dir, "while-writing.db");
    const insert = db.$client.prepare("INSERT INTO backup_probe (payload) VALUES (?)");
    const before = (db.$client.prepare("select count(*) as n from backup_probe").get() as { n: number }).n;
    let writes = 0;
    let writing = true;
    // Keep writing from this process, in small transactions, for as long as the backup runs.
    const writer = (async () => {
      while (writing) {
        insert.run(`written during backup ${writes}`.padEnd(600, "y"));
        writes += 1;
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    })();
    const result = await runBackupScript([file]);
    writing = false;
    await writer;

    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Backed up .+ to .+while-writing\.db: [\d.]+ (KB|MB) in \d+ ms; integrity check ok\.\n$/);
    expect(writes).toBeGreaterThan(10);

    const copy = inspect(file);
    expect(copy.integrity).toEqual(["ok"]);
    expect(copy.journalMode).toBe("delete");
    expect(copy.tables).toEqual(expect.arrayContaining(["users", "outbox", "audit_log", "backup_probe"]));
    // A snapshot: every row up to some point, nothing torn or missing in the middle.
    expect(copy.probe.n).toBeGreaterThan(before);
    expect(copy.probe.maxId).toBe(copy.probe.n);
    for (const suffix of ["-wal", "-shm", "-journal"]) expect(fs.existsSync(`${file}${suffix}`)).toBe(false);
    expect(fs.readdirSync(dir).filter((name) => name.includes(".partial-"))).toEqual([]);
  });

  it("refuses to overwrite an existing file unless --force is given", async () => {
    const file = path.join(dir, "existing.db");
    fs.writeFileSync(file, "precious");
    const refused = await runBackupScript([file]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/already exists.*--force/);
    expect(fs.readFileSync(file, "utf8")).toBe("precious");

    const forced = await runBackupScript([file, "--force"]);
    expect(forced.code).toBe(0);
    expect(inspect(file).integrity).toEqual(["ok"]);
  });

  it("explains its usage and exits 2 without a file name", async () => {
    const result = await runBackupScript([]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Usage: npm run db:backup -- FILE/);
  });
});

describe("backupDatabase", () => {
  it("finishes with a consistent snapshot when writes land between its steps", async () => {
    const file = path.join(dir, "in-process.db");
    const insert = db.$client.prepare("INSERT INTO backup_probe (payload) VALUES (?)");
    let writes = 0;
    // The backup yields to the event loop between steps; this timer writes from another connection then.
    const timer = setInterval(() => {
      insert.run("between steps".padEnd(600, "z"));
      writes += 1;
    }, 0);
    let result;
    try {
      result = await backupDatabase(process.env.DATABASE_URL!, file);
    } finally {
      clearInterval(timer);
    }
    expect(writes).toBeGreaterThan(0);
    expect(result).toMatchObject({ file, integrity: "ok" });
    expect(result.bytes).toBe(fs.statSync(file).size);
    const copy = inspect(file);
    expect(copy.integrity).toEqual(["ok"]);
    expect(copy.probe.maxId).toBe(copy.probe.n);
  });

  it("refuses a missing database and the database itself as the destination", async () => {
    await expect(backupDatabase(path.join(dir, "missing.db"), path.join(dir, "out.db"))).rejects.toThrow(BackupError);
    const live = process.env.DATABASE_URL!;
    await expect(backupDatabase(live, live, { force: true })).rejects.toThrow(/must not be the database itself/);
  });

  it("fails, leaving nothing behind, when the source is not a database", async () => {
    const notDb = path.join(dir, "not-a-database.db");
    fs.writeFileSync(notDb, "this is plain text, not SQLite ".repeat(200));
    const out = path.join(dir, "from-garbage.db");
    await expect(backupDatabase(notDb, out)).rejects.toThrow(/The backup failed/);
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readdirSync(dir).filter((name) => name.includes(".partial-"))).toEqual([]);
  });
});
