import type { Server } from "node:http";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { createRequestHandler } from "@react-router/express";
import type { ServerBuild } from "react-router";
import compression from "compression";
import express from "express";
import { db, closeDatabase } from "./db/client.server";
import { seedIfEmpty } from "./scripts/seed/demo";
import { registerJobHandlers } from "./app/jobs.server";
import { env } from "./app/utils/env.server";
import { logger } from "./app/utils/logger.server";
import { csrfGuard, noStoreForSignedIn, routeHeadersReplaceDefaults, securityHeaders } from "./app/utils/http-security.server";
import { formBodiesOnly } from "./app/utils/form-body.server";
import { conditionalPublicPages } from "./app/utils/conditional-get.server";
import { gracefulStop } from "./app/utils/graceful-shutdown.server";
import { countRequests } from "./app/utils/request-load.server";
import { randomBytes } from "./app/utils/ids.server";
import { buildFiles } from "./app/utils/static-files.server";
import { ensureBuiltInCurriculum } from "~/modules/curriculum/index.server";
import { startWorker } from "~/modules/outbox/index.server";
import { ensureRetentionScheduled } from "~/modules/privacy/index.server";
import { ensureFollowUpSweepScheduled } from "~/modules/journey/index.server";

const isProduction = env.NODE_ENV === "production";
// A deploy waits this long for answers in progress, and then for the worker to finish a send.
const SHUTDOWN_GRACE_MS = 8_000;
const WORKER_STOP_MS = 3_000;

async function main() {
  // Every installation gets the 15-step curriculum; an installed copy is the organisers' to edit.
  ensureBuiltInCurriculum();
  if (env.SEED_DEMO) await seedIfEmpty(db);
  if (isProduction && !env.SMTP_URL) logger.warn("SMTP_URL is not set: email goes to the local mailbox at /admin/outbox");

  const app = express();
  app.disable("x-powered-by");
  app.use(countRequests);
  if (env.TRUST_PROXY) app.set("trust proxy", trustProxyValue(env.TRUST_PROXY));

  // Before the security headers: a 304 keeps the headers the browser stored with the page (the
  // CSP and its nonce among them), so they stay with the body they were sent with. Before
  // compression: a kept page is kept compressed (ADR 0048).
  let buildVersion = `dev-${Date.now().toString(36)}`;
  app.use(conditionalPublicPages({ buildVersion: () => buildVersion, keptPageBytes: env.PAGE_CACHE_MB * 1024 * 1024 }));
  app.use(compression());
  app.use((_req, res, next) => {
    res.locals.nonce = Buffer.from(randomBytes(16)).toString("base64");
    next();
  });
  app.use(securityHeaders({ development: !isProduction }));
  // After the security headers, so the health check carries them like every other response.
  app.get("/healthz", (_req, res) => {
    try {
      db.$client.prepare("select 1").get();
      res.set("Cache-Control", "no-store").json({ status: "ok" });
    } catch {
      res.status(503).json({ status: "unavailable" });
    }
  });
  app.use(csrfGuard);
  app.use(formBodiesOnly);
  app.use(noStoreForSignedIn);
  app.use(routeHeadersReplaceDefaults);

  let build: ServerBuild | (() => Promise<ServerBuild>);
  if (isProduction) {
    const root = path.resolve(process.cwd(), "build");
    app.use("/assets", buildFiles(path.join(root, "client/assets"), { immutable: true, maxAge: "1y" }));
    app.use(buildFiles(path.join(root, "client"), { maxAge: "1h" }));
    build = (await import(/* @vite-ignore */ path.join(root, "server/index.js"))) as ServerBuild;
    buildVersion = build.assets.version;
  } else {
    const vite = await import("vite").then((v) => v.createServer({ server: { middlewareMode: true } }));
    app.use(vite.middlewares);
    build = () => vite.ssrLoadModule("virtual:react-router/server-build") as Promise<ServerBuild>;
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

  registerJobHandlers();
  // The nightly retention run schedules the next one itself; this starts the chain (ADR 0024).
  ensureRetentionScheduled();
  ensureFollowUpSweepScheduled();
  const worker = startWorker({ intervalMs: env.WORKER_INTERVAL_MS });

  const stopServer = gracefulStop(server);
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
  logger.fatal({ err: error }, "failed to start");
  process.exit(1);
});
