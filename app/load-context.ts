import type { Clock } from "./utils/clock.server";

declare module "react-router" {
  interface AppLoadContext {
    nonce: string;
    clock: Clock;
    /** The socket address, or the proxy's forwarded one when TRUST_PROXY names the proxy. */
    clientIp: string;
  }
}

export {};
