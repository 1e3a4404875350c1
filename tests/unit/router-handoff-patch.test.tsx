// The patched React Router (ADR 0043): a page's loader data is encoded for the browser only when
// the page renders <Scripts> and so sends it. Pages without JavaScript (every public page) used to
// pay for encoding data nobody received.
import { createRequestHandler, ServerRouter, Scripts, useLoaderData, type EntryContext, type ServerBuild } from "react-router";
import { describe, expect, it } from "vitest";
import { renderDocument } from "~/utils/render-document.server";

function buildWith(withScripts: boolean, onRead: () => void): ServerBuild {
  function Root() {
    const data = useLoaderData<{ shown: string }>();
    return (
      <html lang="en">
        <body>
          <p>{data.shown}</p>
          {withScripts ? <Scripts /> : null}
        </body>
      </html>
    );
  }
  const loader = () => ({
    shown: "Shown on the page",
    get onlyForTheBrowser() {
      onRead();
      return "encoded";
    },
  });
  const handleRequest = (request: Request, status: number, headers: Headers, context: EntryContext) =>
    renderDocument(<ServerRouter context={context} url={request.url} />, { waitForAll: true, cutOffAfterMs: 5_000, status, headers });
  const routeAssets = { id: "root", path: "", module: "/root.js", hasLoader: true, hasAction: false, hasClientLoader: false, hasClientAction: false, hasClientMiddleware: false, hasErrorBoundary: false, imports: [] };
  return {
    entry: { module: { default: handleRequest } },
    routes: { root: { id: "root", path: "", module: { default: Root, loader } } },
    assets: { entry: { module: "/entry.js", imports: [] }, routes: { root: routeAssets }, url: "/manifest.js", version: "1" },
    publicPath: "/",
    assetsBuildDirectory: "build/client",
    basename: "/",
    future: {},
    ssr: true,
    isSpaMode: false,
    prerender: [],
    routeDiscovery: { mode: "initial", manifestPath: "/__manifest" },
  } as unknown as ServerBuild;
}

async function render(withScripts: boolean) {
  let reads = 0;
  const handler = createRequestHandler(buildWith(withScripts, () => reads++), "production");
  const response = await handler(new Request("http://localhost/"));
  return { html: await response.text(), reads };
}

describe("the browser's copy of the loader data", () => {
  it("is not encoded for a page that sends no script", async () => {
    const { html, reads } = await render(false);
    expect(html).toContain("Shown on the page");
    expect(html).not.toContain("encoded");
    expect(reads).toBe(0);
  });

  it("is encoded and sent on a page that hydrates", async () => {
    const { html, reads } = await render(true);
    expect(html).toContain("Shown on the page");
    expect(html).toContain("streamController.enqueue");
    expect(html).toContain("encoded");
    expect(reads).toBe(1);
  });
});
