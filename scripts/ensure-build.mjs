// Builds the app when any source is newer than the last build. Used by start, tests, bench and weight.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const SOURCES = ["app", "db", "emails", "public", "scripts/seed", "scripts/build-server.mjs", "scripts/ascii-source.mjs", "server.ts", "vite.config.ts", "react-router.config.ts", "package-lock.json"];

function newestMtime(root, target) {
  const full = path.join(root, target);
  if (!fs.existsSync(full)) return 0;
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(full)) newest = Math.max(newest, newestMtime(root, path.join(target, entry)));
  return newest;
}

export const serverEntry = (root = process.cwd()) => path.join(root, "build/server.js");

function isFresh(root) {
  const built = serverEntry(root);
  const builtAt = fs.existsSync(built) ? fs.statSync(built).mtimeMs : 0;
  return builtAt >= Math.max(...SOURCES.map((source) => newestMtime(root, source)));
}

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Builds unless fresh; concurrent callers (parallel test runs) wait for one build instead of racing. */
export function ensureBuild(root = process.cwd()) {
  if (isFresh(root)) return;
  const lock = path.join(root, "node_modules", ".steppingstone-build.lock");
  const deadline = Date.now() + 5 * 60_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`Gave up waiting for another build (remove ${lock} if stale)`);
      sleep(250);
    }
  }
  try {
    if (isFresh(root)) return;
    console.log("Building Steppingstone…");
    const startedAt = new Date();
    // Always a production build: a caller's NODE_ENV (vitest sets "test") would otherwise give
    // React's development bundle, with its warnings, to every page.
    const result = spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
    if (result.status !== 0) throw new Error("The build failed");
    // Dated from when it started: a source saved during the build is newer, so the next call rebuilds.
    fs.utimesSync(serverEntry(root), startedAt, startedAt);
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}
