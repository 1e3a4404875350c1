import { AsyncLocalStorage } from "node:async_hooks";

// What a reply did while it was being made that decides whether it may be sent again as it is.
type Reply = { drewRandom: boolean };
const scope = new AsyncLocalStorage<Reply>();

/** Runs the rest of a request's handling inside a scope that notes random draws (ADR 0052). */
export function withinReply(reply: Reply, next: () => void): void {
  scope.run(reply, next);
}

export function noteRandomDrawn(): void {
  const reply = scope.getStore();
  if (reply) reply.drewRandom = true;
}
