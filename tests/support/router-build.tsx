import type { ComponentType } from "react";
import { ServerRouter, type EntryContext, type ServerBuild } from "react-router";
import { renderDocument } from "~/utils/render-document.server";

/** A route of a hand-made server build: its place in the tree and its module. */
export type TestRoute = {
  id: string;
  parentId?: string;
  path?: string;
  index?: boolean;
  module: { default: ComponentType; loader?: (args: { request: Request }) => unknown };
};

/**
 * A server build as React Router's compiler makes one, for the few routes given, rendered the way
 * the app renders its pages: what the router's patches (ADR 0043) are checked against.
 */
export function testServerBuild(routes: TestRoute[], routeDiscovery: "initial" | "lazy" = "initial"): ServerBuild {
  const handleRequest = (request: Request, status: number, headers: Headers, context: EntryContext) =>
    renderDocument(<ServerRouter context={context} url={request.url} />, { waitForAll: true, cutOffAfterMs: 5_000, status, headers });
  const asset = ({ module, ...route }: TestRoute) => ({
    ...route,
    module: `/${route.id}.js`,
    hasLoader: Boolean(module.loader),
    hasAction: false,
    hasClientLoader: false,
    hasClientAction: false,
    hasClientMiddleware: false,
    hasErrorBoundary: false,
    imports: [],
  });
  return {
    entry: { module: { default: handleRequest } },
    routes: Object.fromEntries(routes.map((route) => [route.id, route])),
    assets: { entry: { module: "/entry.js", imports: [] }, routes: Object.fromEntries(routes.map((route) => [route.id, asset(route)])), url: "/manifest.js", version: "1" },
    publicPath: "/",
    assetsBuildDirectory: "build/client",
    basename: "/",
    future: {},
    ssr: true,
    isSpaMode: false,
    prerender: [],
    routeDiscovery: { mode: routeDiscovery, manifestPath: "/__manifest" },
  } as unknown as ServerBuild;
}
