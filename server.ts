import type { Server } from "node:http";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import v8 from "node:v8";
import { createRequestHandler } from "@react-router/express";
import type { ServerBuild } from "react-router";
import compression from "compression";
import express, { type RequestHandler } from "express";
import type * as AppRuntime from "./app/server-runtime.server";

const isProduction = process.env.NODE_ENV === "production";

/** A V8 flag given to node, on its command line or in `NODE_OPTIONS`: it wins over the defaults below. */
const givenToNode = (flag: string) => [...process.execArgv, ...(process.env.NODE_OPTIONS ?? "").split(/\s+/)].some((given) => given.startsWith(flag));

// Young objects get semi-spaces of 8 MB, not the 32 MB V8 picks on a machine with this much memory:
// under a stream of cheap requests (kept pages) the server otherwise grew by 110 MiB for nothing,
// with no gain in speed (ADR 0053). V8 reads this only as it starts, so the production server starts
// itself again with it, in the same process (`execve`: same pid, same environment and descriptors).
if (isProduction && !givenToNode("--max-semi-space-size") && process.execve) {
  process.execve(process.execPath, [process.execPath, "--max-semi-space-size=8", ...process.execArgv, ...process.argv.slice(1)]);
}

// After a full collection the heap may grow by half of what is live, not by up to three or four
// times as V8 lets a busy process: under a burst of page loads the old generation otherwise
// swelled to three times its live size (ADR 0051). V8 reads this one at every collection.
if (!givenToNode("--heap-growing-percent")) v8.setFlagsFromString("--heap-growing-percent=50");

// A deploy waits this long for answers in progress, and then for the worker to finish a send.
const SHUTDOWN_GRACE_MS = 8_000;
const WORKER_STOP_MS = 3_000;

type LoadedApp = { build: ServerBuild | (() => Promise<ServerBuild>); runtime: typeof AppRuntime; devMiddleware?: RequestHandler };
const runtimeOf = (build: ServerBuild) => (build.entry.module as unknown as { runtime: typeof AppRuntime }).runtime;

/**
 * The server build, and the app's runtime from its entry: the pages and the server share one copy
 * of every module (ADR 0050). In development, Vite builds it on demand.
 */
async function loadApp(): Promise<LoadedApp> {
  if (isProduction) {
    const build = (await import(/* @vite-ignore */ path.resolve(process.cwd(), "build/server/index.js"))) as ServerBuild;
    return { build, runtime: runtimeOf(build) };
  }
  const vite = await import("vite").then((v) => v.createServer({ server: { middlewareMode: true } }));
  const load = () => vite.ssrLoadModule("virtual:react-router/server-build") as Promise<ServerBuild>;
  return { build: load, runtime: runtimeOf(await load()), devMiddleware: vite.middlewares };
}

let startLogger: typeof AppRuntime.logger | undefined;

async function main() {
  const { build, runtime, devMiddleware } = await loadApp();
  const { db, closeDatabase, env, logger } = runtime;
  startLogger = logger;
  // Every installation gets the 15-step curriculum; an installed copy is the organisers' to edit.
  runtime.ensureBuiltInCurriculum();
  if (env.SEED_DEMO) await runtime.seedDemoIfEmpty();
  if (isProduction && !env.SMTP_URL) logger.warn("SMTP_URL is not set: email goes to the local mailbox at /admin/outbox");

  const app = express();
  app.disable("x-powered-by");
  app.use(runtime.countRequests);
  if (env.TRUST_PROXY) app.set("trust proxy", trustProxyValue(env.TRUST_PROXY));

  // Before the security headers: a 304 keeps the headers the browser stored with the page (the
  // CSP and its nonce among them), so they stay with the body they were sent with. Before
  // compression: a kept page is kept compressed (ADRs 0048 and 0052).
  const buildVersion = typeof build === "function" ? `dev-${Date.now().toString(36)}` : build.assets.version;
  app.use(runtime.conditionalPages({ buildVersion: () => buildVersion, keptPageBytes: env.PAGE_CACHE_MB * 1024 * 1024, sessionIsLive: runtime.sessionIsLive }));
  app.use(compression());
  app.use((_req, res, next) => {
    res.locals.nonce = runtime.newNonce();
    next();
  });
  app.use(runtime.securityHeaders({ development: !isProduction }));
  // After the security headers, so the health check carries them like every other response.
  app.get("/healthz", (_req, res) => {
    try {
      db.$client.prepare("select 1").get();
      res.set("Cache-Control", "no-store").json({ status: "ok" });
    } catch {
      res.status(503).json({ status: "unavailable" });
    }
  });
  app.use(runtime.csrfGuard);
  app.use(runtime.formBodiesOnly);
  app.use(runtime.noStoreForSignedIn);
  app.use(runtime.routeHeadersReplaceDefaults);

  if (devMiddleware) app.use(devMiddleware);
  else {
    const root = path.resolve(process.cwd(), "build");
    app.use("/assets", runtime.buildFiles(path.join(root, "client/assets"), { immutable: true, maxAge: "1y" }));
    app.use(runtime.buildFiles(path.join(root, "client"), { maxAge: "1h" }));
  }

  app.use(
    createRequestHandler({
      build,
      mode: isProduction ? "production" : "development",
      getLoadContext: (req, res) => ({ nonce: res.locals.nonce as string, clientIp: req.ip ?? "unknown" }),
    }),
  );

  const server: Server = app.listen(env.PORT, env.HOST, () => {
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : env.PORT;
    logger.info({ port }, `Steppingstone listening on http://localhost:${port}`);
  });
  server.keepAliveTimeout = 65_000;

  runtime.registerJobHandlers();
  // The nightly retention run schedules the next one itself; this starts the chain (ADR 0024).
  runtime.ensureRetentionScheduled();
  runtime.ensureFollowUpSweepScheduled();
  const worker = runtime.startWorker({ intervalMs: env.WORKER_INTERVAL_MS });

  const stopServer = runtime.gracefulStop(server);
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, "shutting down");
    // Only for a stop that hangs outright: the steps below each have their own limit.
    setTimeout(() => process.exit(1), 15_000).unref();
    const { forced } = await stopServer(SHUTDOWN_GRACE_MS);
    if (forced) logger.warn("closed connections still busy after the grace period");
    const stopped = await Promise.race([worker.stop().then(() => true), delay(WORKER_STOP_MS, false)]);
    // A message being sent when time ran out is sent again after its claim lapses.
    if (!stopped) logger.warn("the worker did not stop in time");
    closeDatabase();
    logger.info("stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

function trustProxyValue(value: string): string | number | boolean {
  if (value === "true") return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

main().catch((error) => {
  // Until the app has loaded there is no logger: what failed may be the loading (a bad environment variable, say).
  if (startLogger) startLogger.fatal({ err: error }, "failed to start");
  else console.error("failed to start:", error);
  process.exit(1);
});
