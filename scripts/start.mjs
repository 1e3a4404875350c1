// `npm start`: build when the sources are newer than the build, then serve it.
// Without NODE_ENV this is the demo: the production build, with demo data seeded into an empty database.
import { spawn } from "node:child_process";
import { ensureBuild, serverEntry } from "./ensure-build.mjs";

try {
  ensureBuild();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

const demo = !process.env.NODE_ENV;
const port = process.env.PORT ?? "3000";
const env = {
  ...process.env,
  NODE_ENV: "production",
  ...(demo ? { SEED_DEMO: process.env.SEED_DEMO ?? "true", APP_URL: process.env.APP_URL ?? `http://localhost:${port}` } : {}),
};
const child = spawn(process.execPath, [serverEntry()], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
