import type { AppLoadContext, EntryContext } from "react-router";
import { ServerRouter } from "react-router";
import { isbot } from "isbot";
import { renderDocument } from "./utils/render-document.server";
import { NonceProvider } from "./utils/nonce";

// Streams are cut off after this long; React gets a moment more to flush what it rejected.
export const streamTimeout = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  routerContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.nonce;
  return renderDocument(
    <NonceProvider value={nonce}>
      <ServerRouter context={routerContext} url={request.url} nonce={nonce} />
    </NonceProvider>,
    {
      nonce,
      // Bots and no-JS readers get the whole document at once; browsers get it streamed.
      waitForAll: isbot(request.headers.get("user-agent") ?? "") || routerContext.isSpaMode,
      cutOffAfterMs: streamTimeout + 1_000,
      status: responseStatusCode,
      headers: responseHeaders,
    },
  );
}

// The app's side of server.ts: its middleware, worker and start-up steps (ADR 0050).
export * as runtime from "./server-runtime.server";
