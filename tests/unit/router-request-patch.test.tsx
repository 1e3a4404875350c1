// The patched React Router (ADR 0043): the loaders of one request are handed one request object,
// copied only when there is a parameter of React Router's own to strip (`index`, `_routes`), and
// then copied once for all of them. Upstream copied it for every loader, so a page's loaders could
// not share what they had read about it (the signed-in person).
import { createRequestHandler, Outlet, type ServerBuild } from "react-router";
import { describe, expect, it } from "vitest";
import { testServerBuild } from "../support/router-build";

type Seen = { route: string; request: Request };

function buildRecording(seen: Seen[]): ServerBuild {
  const loaderOf = (route: string) => ({ request }: { request: Request }) => {
    seen.push({ route, request });
    return { route };
  };
  const Root = () => (
    <html lang="en">
      <body>
        <Outlet />
      </body>
    </html>
  );
  const Page = () => <p>page</p>;
  return testServerBuild([
    { id: "root", path: "", module: { default: Root, loader: loaderOf("root") } },
    { id: "home", parentId: "root", index: true, module: { default: Page, loader: loaderOf("home") } },
    { id: "page", parentId: "root", path: "page", module: { default: Page, loader: loaderOf("page") } },
  ]);
}

async function loadersSee(url: string) {
  const seen: Seen[] = [];
  const response = await createRequestHandler(buildRecording(seen), "production")(new Request(url));
  await response.text();
  expect(response.status).toBe(200);
  return seen;
}

describe("the request each loader is handed", () => {
  it("is the page's request itself, the same for every loader, when there is nothing to strip", async () => {
    const seen = await loadersSee("http://localhost/page?q=1");
    expect(seen.map((s) => s.route).sort()).toEqual(["page", "root"]);
    expect(seen[0]!.request).toBe(seen[1]!.request);
    expect(seen[0]!.request.url).toBe("http://localhost/page?q=1");
  });

  it("has React Router's own parameters stripped, in one copy shared by every loader", async () => {
    const index = await loadersSee("http://localhost/?index&q=1");
    expect(index[0]!.request).toBe(index[1]!.request);
    expect(index[0]!.request.url).toBe("http://localhost/?q=1");

    const data = await loadersSee("http://localhost/page.data?q=1&_routes=root,page");
    expect(data.map((s) => s.route).sort()).toEqual(["page", "root"]);
    expect(data[0]!.request).toBe(data[1]!.request);
    expect(data[0]!.request.url).toBe("http://localhost/page?q=1");
  });
});
