// `BENCH_DATABASE_COPY=/tmp/bench-x10.db`: the seeded data set is kept in that file, and later runs
// start from a copy of it instead of seeding again (seeding the 10× set takes over a minute).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { seedDatabase } from "../tests/support/app-server";

export function seededDatabase(keptCopy: string | undefined, scale: number): { seed: "large"; scale: number } | { databaseFile: string } {
  if (!keptCopy) return { seed: "large", scale };
  if (!fs.existsSync(keptCopy)) {
    console.log(`Seeding into ${keptCopy}, kept for later runs…`);
    seedDatabase(keptCopy, true, scale);
  }
  const databaseFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "steppingstone-bench-")), "app.db");
  fs.copyFileSync(keptCopy, databaseFile);
  return { databaseFile };
}
