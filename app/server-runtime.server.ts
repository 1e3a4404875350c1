// What the Express server (server.ts) takes from the app. It reaches server.ts through the server
// build's entry (`app/entry.server.tsx` exports it as `runtime`), so the server and the pages run
// one copy of every module: bundling these into server.ts as well had loaded the whole app twice
// (ADR 0050).
import { db, closeDatabase } from "~db/client.server";

export { db, closeDatabase };
export { registerJobHandlers } from "~/jobs.server";
export { env } from "~/utils/env.server";
export { logger } from "~/utils/logger.server";
export { csrfGuard, noStoreForSignedIn, routeHeadersReplaceDefaults, securityHeaders } from "~/utils/http-security.server";
export { formBodiesOnly } from "~/utils/form-body.server";
export { conditionalPages } from "~/utils/conditional-get.server";
export { gracefulStop } from "~/utils/graceful-shutdown.server";
export { countRequests } from "~/utils/request-load.server";
export { newNonce } from "~/utils/ids.server";
export { buildFiles } from "~/utils/static-files.server";
export { sessionIsLive } from "~/modules/auth/index.server";
export { ensureBuiltInCurriculum } from "~/modules/curriculum/index.server";
export { startWorker } from "~/modules/outbox/index.server";
export { ensureRetentionScheduled } from "~/modules/privacy/index.server";
export { ensureFollowUpSweepScheduled } from "~/modules/journey/index.server";

/** Demo data for an empty database (`SEED_DEMO`); its code is loaded only then. */
export async function seedDemoIfEmpty(): Promise<void> {
  const { seedIfEmpty } = await import("../scripts/seed/demo");
  await seedIfEmpty(db);
}
