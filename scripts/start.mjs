// `npm start`: build when the sources are newer than the build, then serve it.
// Without NODE_ENV this is the demo: production build, demo data seeded into an empty database.
import { spawnSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = process.cwd();
const built = path.join(root, "build/server.js");
const sources = ["app", "db", "emails", "server.ts", "vite.config.ts", "package-lock.json"];

function newestMtime(target) {
  const full = path.join(root, target);
  if (!fs.existsSync(full)) return 0;
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(full)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

const buildTime = fs.existsSync(built) ? fs.statSync(built).mtimeMs : 0;
if (buildTime < Math.max(...sources.map(newestMtime))) {
  console.log("Building Steppingstone…");
  const result = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const demo = !process.env.NODE_ENV;
const port = process.env.PORT ?? "3000";
const env = {
  ...process.env,
  NODE_ENV: "production",
  ...(demo ? { SEED_DEMO: process.env.SEED_DEMO ?? "true", APP_URL: process.env.APP_URL ?? `http://localhost:${port}` } : {}),
};
const child = spawn(process.execPath, [built], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
