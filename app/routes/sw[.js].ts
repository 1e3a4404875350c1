import { createHash } from "node:crypto";
import workerSource from "~/service-worker.js?raw";
import stylesHref from "~/styles/app.css?url";

// The service worker (ADR 0035), told the stylesheet of this build; its shell cache is named after
// both, so a deploy that changes either replaces what the worker pre-cached.
const build = createHash("sha256").update(workerSource).update(stylesHref).digest("hex").slice(0, 12);
const script = workerSource.replace("__BUILD__", build).replace("__STYLESHEET__", stylesHref);

export function loader() {
  return new Response(script, {
    headers: {
      "Content-Type": "text/javascript; charset=utf-8",
      // Browsers check a worker for updates themselves; every check should reach the server.
      "Cache-Control": "no-cache",
    },
  });
}
