import type { NextFunction, Request, Response } from "express";
import { setTimeout as delay } from "node:timers/promises";

// People waiting for a page come before background work: the outbox worker renders and sends
// messages on the same thread as the pages, so during a rush (a booking opening, a campaign
// launch) it waits for a moment with no request in hand. It waits a bounded time, so a steady
// stream of requests delays messages but never stops them.

let answering = 0;

/** Counts the requests being answered (Express middleware, first in the chain). */
export function countRequests(_req: Request, res: Response, next: NextFunction): void {
  answering++;
  let counted = true;
  const done = () => {
    if (counted) answering--;
    counted = false;
  };
  res.once("finish", done);
  res.once("close", done);
  next();
}

export function requestsBeingAnswered(): number {
  return answering;
}

const LOOK_AGAIN_MS = 20;

/** Resolves once no request is being answered, or after `patienceMs` whatever the load. */
export async function whenNoRequestWaits(patienceMs = 1_000): Promise<void> {
  const deadline = performance.now() + patienceMs;
  while (answering > 0 && performance.now() < deadline) await delay(LOOK_AGAIN_MS);
}
