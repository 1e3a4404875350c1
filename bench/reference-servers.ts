import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "../tests/support/app-server";

// The two references the benchmarks compare the app with, built and started in the same run.

const here = path.dirname(fileURLToPath(import.meta.url));
const REFERENCE_APP = path.join(here, "reference-app");

export type ReferenceServer = { url: string; stop: () => Promise<void> };

/** Builds the minimal React Router app with the real `react-router build`. */
export function buildReferenceApp() {
  const result = spawnSync("npx", ["react-router", "build", REFERENCE_APP], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`Building the reference app failed:\n${result.stdout}${result.stderr}`);
}

/** The build is made again on every run; it goes afterwards so the linter never sees it. */
export function removeReferenceBuild() {
  fs.rmSync(path.join(REFERENCE_APP, "build"), { recursive: true, force: true });
}

export function startReferenceApp(): Promise<ReferenceServer> {
  return startServer(path.join(REFERENCE_APP, "server.mjs"));
}

export function startBareHttp(): Promise<ReferenceServer> {
  return startServer(path.join(here, "bare-http.mjs"));
}

async function startServer(script: string): Promise<ReferenceServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, NODE_ENV: "production", HOST: "127.0.0.1", PORT: String(port) },
    // Kept, not shown: React's stream reports every connection autocannon closes mid-answer at the end.
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => (output = (output + chunk).slice(-10_000));
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${path.basename(script)} exited during start:\n${output}`);
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`${path.basename(script)} did not answer in 15 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
