import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { ensureBuild } from "../../scripts/ensure-build.mjs";

export type AppServer = {
  url: string;
  port: number;
  databaseFile: string;
  /** The private copy of the build the server runs from. */
  buildRoot: string;
  output: () => string;
  /** The server process, for signals and memory readings. */
  pid: number;
  /** From spawning the process to its first healthy `/healthz` (the bench's cold start). */
  startedInMs: number;
  /** How the process ended, once it has. */
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop: () => Promise<void>;
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Starts the built production server on a free loopback port with its own database file. */
export async function startAppServer(
  options: {
    env?: Record<string, string>;
    databaseFile?: string;
    seed?: "demo" | "large";
    /** With the large set: this many times its size (`npm run bench -- --scale 10`). */
    scale?: number;
    /** Run from this existing copy of the build (another server's `buildRoot`) instead of building. */
    buildRoot?: string;
  } = {},
): Promise<AppServer> {
  if (!options.buildRoot) ensureBuild();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const databaseFile =
    options.databaseFile ?? path.join(fs.mkdtempSync(path.join(os.tmpdir(), "steppingstone-server-")), "app.db");
  if (options.seed) seedDatabase(databaseFile, options.seed === "large", options.scale);
  let output = "";
  const root = options.buildRoot ?? snapshotBuild();
  const spawnedAt = performance.now();
  const child: ChildProcess = spawn(process.execPath, [path.join(root, "build/server.js")], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      APP_URL: url,
      DATABASE_URL: databaseFile,
      SEED_DEMO: "false",
      LOG_LEVEL: "warn",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));

  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited during start:\n${output}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`The server did not become healthy in 30 s:\n${output}`);
    }
    // Polled often: the bench reads its cold-start figure from this loop.
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  const startedInMs = performance.now() - spawnedAt;

  return {
    url,
    port,
    databaseFile,
    buildRoot: root,
    output: () => output,
    pid: child.pid!,
    startedInMs,
    exit: exited,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

/** Seeds demo data (and with `large`, the benchmark data set) into a database file. */
export function seedDatabase(databaseFile: string, large: boolean, scale = 1) {
  const args = ["tsx", "scripts/seed.ts", ...(large ? ["--large", "--scale", String(scale)] : [])];
  const result = spawnSync("npx", args, {
    env: { ...process.env, NODE_ENV: "development", DATABASE_URL: databaseFile, LOG_LEVEL: "warn" },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`Seeding failed:\n${result.stdout}${result.stderr}`);
}

/**
 * Runs the server from a private copy of the build, so a rebuild by a parallel run cannot swap
 * its assets mid-test. Packages and migrations are linked from the working tree.
 */
function snapshotBuild(): string {
  const repo = process.cwd();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "steppingstone-build-"));
  fs.cpSync(path.join(repo, "build"), path.join(root, "build"), { recursive: true });
  fs.symlinkSync(path.join(repo, "node_modules"), path.join(root, "node_modules"), "dir");
  fs.mkdirSync(path.join(root, "db"));
  fs.symlinkSync(path.join(repo, "db/migrations"), path.join(root, "db/migrations"), "dir");
  fs.symlinkSync(path.join(repo, "package.json"), path.join(root, "package.json"));
  fs.symlinkSync(path.join(repo, "content"), path.join(root, "content"), "dir");
  return root;
}
