import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { randomId } from "~/utils/ids.server";

// No import of the app's database client here: opening it would migrate, and a backup must
// only ever read the live file.

export class BackupError extends Error {}

type BackupResult = { file: string; bytes: number; milliseconds: number; integrity: "ok" };

function removeWithSidecars(file: string) {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(`${file}${suffix}`, { force: true });
}

/**
 * Copies the SQLite database at `source` to `destination` with SQLite's online backup API,
 * which gives a consistent snapshot while the app keeps reading and writing. The copy is
 * written beside the destination under a temporary name, checked with `PRAGMA integrity_check`,
 * switched to a single self-contained file (no -wal), and only then renamed into place.
 */
export async function backupDatabase(
  source: string,
  destination: string,
  options: { force?: boolean } = {},
): Promise<BackupResult> {
  const started = performance.now();
  const from = path.resolve(source);
  const to = path.resolve(destination);
  if (from === to) throw new BackupError("The backup file must not be the database itself.");
  if (!fs.existsSync(from)) throw new BackupError(`There is no database at ${from}.`);
  if (fs.existsSync(to)) {
    if (!options.force) throw new BackupError(`${to} already exists. Choose another name, or pass --force to replace it.`);
    if (fs.existsSync(`${to}-wal`)) throw new BackupError(`${to} has a -wal file beside it: it looks like a database in use, so it is left alone.`);
    if (!fs.statSync(to).isFile()) throw new BackupError(`${to} is not a file.`);
  }
  fs.mkdirSync(path.dirname(to), { recursive: true });
  const partial = path.join(path.dirname(to), `.${path.basename(to)}.partial-${randomId(8)}`);
  try {
    // Read-write, though it writes nothing: a read-only connection cannot remove the -wal and -shm
    // files it creates when the app is stopped, leaving them owned by whoever ran the backup.
    const live = new Database(from, { fileMustExist: true });
    try {
      live.pragma("busy_timeout = 5000");
      // After the first step, copy everything left in one step: a write by the app between
      // steps restarts the copy, and a single step cannot be interrupted that way.
      await live.backup(partial, { progress: ({ totalPages }) => Math.max(totalPages, 100) });
    } finally {
      live.close();
    }
    const copy = new Database(partial, { fileMustExist: true });
    try {
      const rows = copy.pragma("integrity_check") as { integrity_check: string }[];
      const problems = rows.map((row) => row.integrity_check).filter((line) => line !== "ok");
      if (problems.length || !rows.length) {
        throw new BackupError(`The copy failed its integrity check: ${problems.slice(0, 5).join("; ") || "no answer"}`);
      }
      copy.pragma("journal_mode = DELETE");
    } finally {
      copy.close();
    }
    fs.renameSync(partial, to);
  } catch (error) {
    removeWithSidecars(partial);
    if (error instanceof BackupError) throw error;
    throw new BackupError(`The backup failed: ${(error as Error).message}`);
  }
  return { file: to, bytes: fs.statSync(to).size, milliseconds: Math.round(performance.now() - started), integrity: "ok" };
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
