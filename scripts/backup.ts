/*
 * npm run db:backup -- FILE [--force]
 *
 * Writes a consistent copy of the database (DATABASE_URL) to FILE with SQLite's online backup
 * API. It is safe to run while the app is serving: the live database is only read. The copy is
 * checked with PRAGMA integrity_check before it is put in place, and is a single file (no -wal).
 * An existing FILE is never replaced unless --force is given. Exit code 0 on success, 1 when
 * the backup fails, 2 when the command is used wrongly.
 *
 * Restore:
 *   1. Stop the app (systemctl stop steppingstone, or Ctrl-C): nothing may hold the database open.
 *   2. Keep the current file aside, in case: mv data/steppingstone.db data/steppingstone.db.before-restore
 *   3. Remove the old write-ahead log files, which belong to the old file and must not be
 *      applied to the restored one: rm -f data/steppingstone.db-wal data/steppingstone.db-shm
 *   4. Put the backup in place: cp FILE data/steppingstone.db
 *      (use the DATABASE_URL path if it is not the default)
 *   5. Start the app. It reopens the file in WAL mode and applies any newer migrations.
 */
import { env } from "~/utils/env.server";
import { BackupError, backupDatabase, formatBytes } from "~/modules/admin/index.server";

const USAGE = "Usage: npm run db:backup -- FILE [--force]";

const args = process.argv.slice(2);
if (args.includes("--help") || args.includes("-h")) {
  console.log(USAGE);
  process.exit(0);
}
const force = args.includes("--force");
const unknown = args.filter((arg) => arg.startsWith("-") && arg !== "--force");
const files = args.filter((arg) => !arg.startsWith("-"));
if (unknown.length || files.length !== 1) {
  console.error(unknown.length ? `Unknown option ${unknown[0]}. ${USAGE}` : USAGE);
  process.exit(2);
}

try {
  const result = await backupDatabase(env.DATABASE_URL, files[0], { force });
  console.log(
    `Backed up ${env.DATABASE_URL} to ${result.file}: ${formatBytes(result.bytes)} in ${result.milliseconds} ms; integrity check ok.`,
  );
} catch (error) {
  console.error(error instanceof BackupError ? error.message : `The backup failed: ${(error as Error).message}`);
  process.exit(1);
}
