declare module "react-router" {
  interface AppLoadContext {
    nonce: string;
    /** The socket address, or the proxy's forwarded one when TRUST_PROXY names the proxy. */
    clientIp: string;
  }
}

export {};
