// The patched React Router (patches/react-router+*.patch, ADR 0043): production code by default,
// and route matching that narrows the candidates by the first path segment. The narrowed match
// must be exactly the match of the full, unpatched search for every kind of route pattern; a match
// kept by address must be handed to each request as its own.
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { createStaticHandler, matchRoutes } from "react-router";
import { describe, expect, it } from "vitest";

const routerPackage = path.resolve("node_modules/react-router/package.json");
const nodeRequire = createRequire(routerPackage);
const production = (await import(pathToFileURL(path.resolve("node_modules/react-router/dist/production/index.mjs")).href)) as {
  createStaticHandler: typeof createStaticHandler;
  matchRoutes: typeof matchRoutes;
};

describe("the installed React Router", () => {
  it("resolves to its production build on Node unless the development condition is asked for", () => {
    const exportsOf = nodeRequire(routerPackage).exports as Record<string, Record<string, Record<string, string>>>;
    expect(exportsOf["."].node.default).toContain("/dist/production/");
    expect(exportsOf["."].node["module-sync"]).toContain("/dist/production/");
    expect(JSON.stringify(exportsOf["."].development)).toContain("/dist/development/");
    // The browser bundle keeps upstream's build.
    expect(exportsOf["."].import.default).toContain("/dist/development/");
    expect(exportsOf["./dom"].node?.default ?? JSON.stringify(exportsOf["./dom"])).toContain("/dist/production/");
  });
});

const routes = [
  {
    id: "root",
    path: "",
    children: [
      { id: "home", index: true },
      { id: "events", path: "events" },
      { id: "event", path: "events/:slug" },
      { id: "event-png", path: "events/:slug.png" },
      { id: "admin", path: "admin", children: [{ id: "admin-index", index: true }, { id: "admin-person", path: "people/:id" }] },
      { id: "lang", path: ":lang/about" },
      { id: "optional", path: "help?/faq" },
      { id: "sensitive", path: "CaseSensitive", caseSensitive: true },
      { id: "dotted", path: "sw.js" },
      { id: "files", path: "files/*" },
      { id: "splat", path: "*" },
    ],
  },
];

const paths = [
  "/",
  "/events",
  "/EVENTS",
  "/events/",
  "/events/launch-day",
  "/events/launch-day.png",
  "/events/a/b",
  "/admin",
  "/admin/people/7",
  "/Admin/People/7",
  "/en/about",
  "/events/about",
  "/help/faq",
  "/faq",
  "/CaseSensitive",
  "/casesensitive",
  "/sw.js",
  "/files/a/b.txt",
  "/nowhere/at/all",
  "/%C3%A9v%C3%A9nements",
  "/caf%C3%A9/about",
  "//double//slashes",
];

/** The route ids the static handler (precomputed, narrowed branches) matches for a path. */
async function handlerMatch(pathname: string) {
  const handler = production.createStaticHandler(structuredClone(routes) as never);
  const context = await handler.query(new Request(`http://localhost${pathname}`));
  if (context instanceof Response) return null;
  return context.matches.map((match) => [match.route.id, match.params]);
}

describe("route matching narrowed by the first segment", () => {
  it.each(paths)("matches %s exactly as the full search does", async (pathname) => {
    const full = production.matchRoutes(structuredClone(routes) as never, pathname);
    const expected = full ? full.map((match) => [match.route.id, match.params]) : null;
    // Without any match the handler answers with the root's 404 match only.
    const actual = await handlerMatch(pathname);
    if (expected === null) expect(actual?.map(([id]) => id)).toEqual(["root"]);
    else expect(actual).toEqual(expected);
  });
});

describe("matches kept by address", () => {
  it("give every request the same routes and its own copies of them", async () => {
    const handler = production.createStaticHandler(structuredClone(routes) as never);
    const contexts = [];
    for (const pathname of ["/admin/people/7", "/admin/people/7", "/admin/people/8", "/events/launch-day"]) {
      const context = await handler.query(new Request(`http://localhost${pathname}`));
      if (context instanceof Response) throw new Error(`${pathname} answered with a response`);
      contexts.push(context);
    }
    const [first, again, other, event] = contexts.map((context) => context!.matches);
    expect(again!.map((match) => [match.route.id, match.params])).toEqual(first!.map((match) => [match.route.id, match.params]));
    expect(again![0]).not.toBe(first![0]);
    // A caller that changes its params changes nobody else's.
    (first![2]!.params as Record<string, string>).id = "changed";
    expect(again![2]!.params.id).toBe("7");
    expect(other![2]!.params.id).toBe("8");
    expect(event!.map((match) => match.route.id)).toEqual(["root", "event"]);
  });
});
