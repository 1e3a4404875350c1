import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Role } from "~db/schema";

/** Who may do something: everyone, anyone signed in, or only these roles. */
export type Access = "anyone" | "signed-in" | readonly Role[];

export type Actor = "anonymous" | Role;

export const ACTORS: readonly Actor[] = ["anonymous", "participant", "mentor", "sponsor", "organiser"];

/** Rows the policy table needs to turn a route with params into a real address. */
export type PolicyFixtures = {
  /** Someone organisers can look at: /admin/people/:id. */
  personId: string;
  /** A message in the outbox: /admin/outbox/:id. */
  outboxMessageId: string;
  /** The token of a pending invitation: /invitations/:token. */
  invitationToken: string;
};

export type RoutePolicy = {
  /** Who may load the page (GET). */
  load: Access;
  /** Who may post to the route's action, or `no-action` when it has none. */
  post: Access | "no-action";
  /** The address to try; required for routes with params. Defaults to the route's own path. */
  url?: (fixtures: PolicyFixtures) => string;
  /**
   * Allowed loads that answer with a redirect instead of a page, and where they go. Anything
   * not listed here must answer 200.
   */
  redirects?: { anonymous?: string; signedIn?: string };
  /** The action never reads the form (so junk bodies cannot produce a 4xx, only its redirect). */
  ignoresBody?: boolean;
};

const ORGANISERS = ["organiser"] as const satisfies readonly Role[];

/**
 * Every route of the app, by route id. The permissions test fails when a route has no entry
 * here, and when an entry names a route that no longer exists.
 */
export const ROUTE_POLICY: Record<string, RoutePolicy> = {
  // The layout: its loader runs for every page, so it is tried at the home page.
  root: { load: "anyone", post: "no-action", url: () => "/" },
  "routes/_index": { load: "anyone", post: "no-action" },
  "routes/status": { load: "anyone", post: "no-action" },

  "routes/login": { load: "anyone", post: "anyone", redirects: { signedIn: "/me" } },
  "routes/signup._index": { load: "anyone", post: "anyone", redirects: { signedIn: "/me" } },
  "routes/signup.mentor": { load: "anyone", post: "anyone", redirects: { signedIn: "/me" } },
  "routes/signup.sponsor": { load: "anyone", post: "anyone", redirects: { signedIn: "/me" } },
  // Logging out is a POST only; a GET goes home and changes nothing.
  "routes/logout": { load: "anyone", post: "anyone", redirects: { anonymous: "/", signedIn: "/" }, ignoresBody: true },
  "routes/forgot-password": { load: "anyone", post: "anyone" },
  "routes/reset-password": { load: "anyone", post: "anyone", url: () => "/reset-password?token=not-a-real-token" },
  "routes/verify-email": { load: "anyone", post: "anyone", url: () => "/verify-email?token=not-a-real-token" },
  "routes/invitations.$token": { load: "anyone", post: "anyone", url: (f) => `/invitations/${f.invitationToken}` },

  "routes/me._index": { load: "signed-in", post: "signed-in" },
  "routes/me.account": { load: "signed-in", post: "signed-in" },

  "routes/admin._index": { load: ORGANISERS, post: "no-action" },
  "routes/admin.audit": { load: ORGANISERS, post: "no-action" },
  "routes/admin.invitations": { load: ORGANISERS, post: ORGANISERS },
  "routes/admin.outbox._index": { load: ORGANISERS, post: ORGANISERS },
  "routes/admin.outbox.$id": { load: ORGANISERS, post: ORGANISERS, url: (f) => `/admin/outbox/${f.outboxMessageId}` },
  "routes/admin.people._index": { load: ORGANISERS, post: "no-action" },
  "routes/admin.people.$id": { load: ORGANISERS, post: ORGANISERS, url: (f) => `/admin/people/${f.personId}` },
  "routes/admin.settings": { load: ORGANISERS, post: ORGANISERS },
};

export function mayAccess(access: Access, actor: Actor): boolean {
  if (access === "anyone") return true;
  if (actor === "anonymous") return false;
  if (access === "signed-in") return true;
  return access.includes(actor);
}

/** A route as the production build's route config describes it. */
export type BuiltRoute = {
  id: string;
  parentId?: string;
  path?: string;
  index?: boolean;
  hasLoader: boolean;
  hasAction: boolean;
};

type BuildRoutes = Record<
  string,
  { id: string; parentId?: string; path?: string; index?: boolean; module: { loader?: unknown; action?: unknown } }
>;

let built: Promise<Map<string, BuiltRoute>> | undefined;

/** The app's routes, read from the production build that global setup made. */
export function builtRoutes(): Promise<Map<string, BuiltRoute>> {
  built ??= import(pathToFileURL(path.resolve("build/server/index.js")).href).then((build: { routes: BuildRoutes }) => {
    const routes = new Map<string, BuiltRoute>();
    for (const route of Object.values(build.routes)) {
      routes.set(route.id, {
        id: route.id,
        parentId: route.parentId,
        path: route.path,
        index: route.index,
        hasLoader: typeof route.module.loader === "function",
        hasAction: typeof route.module.action === "function",
      });
    }
    return routes;
  });
  return built;
}

/** The route's URL path from the root, as the route config composes it (params left as `:name`). */
export function routePath(routes: Map<string, BuiltRoute>, id: string): string {
  const segments: string[] = [];
  for (let route = routes.get(id); route; route = route.parentId ? routes.get(route.parentId) : undefined) {
    if (route.path) segments.unshift(route.path);
  }
  return `/${segments.join("/")}`;
}

/** Where to GET and where to POST for a route (a POST to an index route needs `?index`). */
export function routeUrls(routes: Map<string, BuiltRoute>, id: string, fixtures: PolicyFixtures) {
  const policy = ROUTE_POLICY[id];
  const page = policy.url ? policy.url(fixtures) : routePath(routes, id);
  if (page.includes(":")) throw new Error(`Route ${id} has params: give its policy entry a url()`);
  const action = routes.get(id)?.index ? `${page}${page.includes("?") ? "&" : "?"}index` : page;
  return { page, action };
}
