import { PassThrough } from "node:stream";
import { createReadableStreamFromReadable } from "@react-router/node";
import type { ReactNode } from "react";
import { renderToPipeableStream } from "react-dom/server";

type RenderOptions = {
  nonce?: string;
  /** Wait for the whole document (bots, no-JS readers) instead of streaming from the shell. */
  waitForAll: boolean;
  /** A render still going after this long is cut off. */
  cutOffAfterMs: number;
  status: number;
  headers: Headers;
};

/**
 * Renders a document to an HTML response. The cut-off timer is cleared as soon as the render is
 * done: a pending timer would keep the whole request (its tree, its data, its streams) in memory
 * until it fired, and then abort a stream that had already ended.
 */
export function renderDocument(document: ReactNode, options: RenderOptions): Promise<Response> {
  let status = options.status;
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const cutOff = setTimeout(() => abort(), options.cutOffAfterMs);
    const send = () => {
      shellRendered = true;
      const body = new PassThrough();
      options.headers.set("Content-Type", "text/html; charset=utf-8");
      resolve(new Response(createReadableStreamFromReadable(body), { headers: options.headers, status }));
      pipe(body);
    };
    const { pipe, abort } = renderToPipeableStream(document, {
      nonce: options.nonce,
      onShellReady() {
        if (!options.waitForAll) send();
      },
      onAllReady() {
        clearTimeout(cutOff);
        if (options.waitForAll) send();
      },
      onShellError(error: unknown) {
        clearTimeout(cutOff);
        reject(error);
      },
      onError(error: unknown) {
        status = 500;
        if (shellRendered) console.error(error);
      },
    });
  });
}
