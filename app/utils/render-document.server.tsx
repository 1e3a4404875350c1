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
    let body: PassThrough | undefined;
    const cutOff = setTimeout(() => abort(), options.cutOffAfterMs);
    const send = () => {
      body = new PassThrough();
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
        // Before the shell, the error reaches React Router through onShellError. A reader who left
        // mid-page (the stream closed under React) is not an error of ours.
        if (body && !body.destroyed) console.error(error);
      },
    });
  });
}
