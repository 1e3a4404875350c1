// The patched React Router (ADR 0043), as a rendered page shows it:
// - a hydrated page tells the browser about the routes of its own address and of every address
//   above it ("/", "/admin"), matched through the kept matches, and must still name exactly the
//   routes upstream names;
// - a link's address is resolved once per place it is resolved from, and must still be what
//   upstream resolves, whichever page resolved the same text first.
import { createRequestHandler, Link, Outlet, Scripts, type ServerBuild } from "react-router";
import { describe, expect, it } from "vitest";
import { testServerBuild } from "../support/router-build";

const ROUTES: { id: string; parentId?: string; path?: string; index?: boolean }[] = [
  { id: "root", path: "" },
  { id: "home", parentId: "root", index: true },
  { id: "admin", parentId: "root", path: "admin" },
  { id: "admin-home", parentId: "admin", index: true },
  { id: "admin-page", parentId: "admin", path: "page/:id" },
  { id: "events", parentId: "root", path: "events" },
];

function build(): ServerBuild {
  const Root = () => (
    <html lang="en">
      <body>
        <Outlet />
        <Scripts />
      </body>
    </html>
  );
  const Page = () => <Outlet />;
  const Links = () => (
    <nav>
      <Link to="edit">edit</Link>
      <Link to="..">up</Link>
      <Link to=".." relative="path">up the path</Link>
      <Link to="?tab=2">tab</Link>
      <Link to="/events#next">events</Link>
      <Link to={{ pathname: "notes", search: "?all=1" }}>notes</Link>
    </nav>
  );
  return testServerBuild(
    ROUTES.map((route) => ({ ...route, module: { default: route.id === "root" ? Root : route.id === "admin-page" ? Links : Page } })),
    "lazy",
  );
}

/** The route ids in the manifest the page hands to the browser. */
function manifestRouteIds(html: string): string[] {
  const manifest = /window\.__reactRouterManifest = (\{.*?\});\s*\n?/s.exec(html)?.[1];
  if (!manifest) throw new Error("no route manifest in the page");
  return Object.keys((JSON.parse(manifest) as { routes: Record<string, unknown> }).routes).sort();
}

describe("the routes a hydrated page names for the browser", () => {
  it("are its own and those of every address above it, on every render", async () => {
    const handler = createRequestHandler(build(), "production");
    for (const url of ["http://localhost/admin/page/1", "http://localhost/admin/page/2"]) {
      const response = await handler(new Request(url));
      expect(response.status).toBe(200);
      expect(manifestRouteIds(await response.text())).toEqual(["admin", "admin-home", "admin-page", "home", "root"]);
    }
    const events = await handler(new Request("http://localhost/events"));
    expect(manifestRouteIds(await events.text())).toEqual(["events", "home", "root"]);
  });
});

describe("the addresses of a page's links", () => {
  const hrefs = (html: string) => [...html.matchAll(/<a href="([^"]*)"/g)].map((match) => match[1]!.replaceAll("&amp;", "&"));

  it("resolve from the page they are on, the same text to a different place on another page", async () => {
    const handler = createRequestHandler(build(), "production");
    for (const id of ["1", "2", "1"]) {
      const response = await handler(new Request(`http://localhost/admin/page/${id}`));
      expect(hrefs(await response.text())).toEqual([
        `/admin/page/${id}/edit`,
        "/admin",
        "/admin/page",
        `/admin/page/${id}?tab=2`,
        "/events#next",
        `/admin/page/${id}/notes?all=1`,
      ]);
    }
  });
});
