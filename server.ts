import crypto from "node:crypto";
import type { Server } from "node:http";
import path from "node:path";
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
import { ensureBuiltInCurriculum } from "~/modules/curriculum/index.server";
import { startWorker } from "~/modules/outbox/index.server";

const isProduction = env.NODE_ENV === "production";

async function main() {
  // Every installation gets the 15-step curriculum; an installed copy is the organisers' to edit.
  ensureBuiltInCurriculum();
  if (env.SEED_DEMO) await seedIfEmpty(db);
  if (isProduction && !env.SMTP_URL) logger.warn("SMTP_URL is not set: email goes to the local mailbox at /admin/outbox");

  const app = express();
  app.disable("x-powered-by");
  if (env.TRUST_PROXY) app.set("trust proxy", trustProxyValue(env.TRUST_PROXY));

  app.use(compression());
  app.use((_req, res, next) => {
    res.locals.nonce = crypto.randomBytes(16).toString("base64");
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
    app.use("/assets", express.static(path.join(root, "client/assets"), { immutable: true, maxAge: "1y" }));
    app.use(express.static(path.join(root, "client"), { maxAge: "1h" }));
    build = (await import(/* @vite-ignore */ path.join(root, "server/index.js"))) as ServerBuild;
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
  const worker = startWorker({ intervalMs: env.WORKER_INTERVAL_MS });

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, "shutting down");
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    server.close(async () => {
      await worker.stop();
      closeDatabase();
      logger.info("stopped");
      process.exit(0);
    });
    server.closeIdleConnections();
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
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
