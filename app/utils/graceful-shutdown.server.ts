import { once } from "node:events";
import type { Server, ServerResponse } from "node:http";
import { setTimeout as delay } from "node:timers/promises";

/**
 * Lets a server stop without dropping anyone: once closing, every response (those in flight and
 * any that arrive on an open keep-alive connection) says `Connection: close`, so each socket ends
 * after its current answer; idle sockets are closed as they become idle.
 */
export function gracefulStop(server: Server) {
  const inFlight = new Set<ServerResponse>();
  let closing = false;
  server.prependListener("request", (_request, response: ServerResponse) => {
    if (closing) response.setHeader("Connection", "close");
    inFlight.add(response);
    response.once("close", () => inFlight.delete(response));
  });

  /** Resolves when every connection has ended, forcing the stragglers after `graceMs`. */
  return async function stop(graceMs: number): Promise<{ forced: boolean }> {
    closing = true;
    const closed = once(server, "close");
    server.close();
    for (const response of inFlight) if (!response.headersSent) response.setHeader("Connection", "close");
    server.closeIdleConnections();
    // A response that began before the signal promised keep-alive; its socket is closed once idle.
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    try {
      const outcome = await Promise.race([closed.then(() => "closed" as const), delay(graceMs, "late" as const)]);
      if (outcome === "closed") return { forced: false };
      server.closeAllConnections();
      await closed;
      return { forced: true };
    } finally {
      clearInterval(sweep);
    }
  };
}
