import type { RouteConfig } from "@react-router/dev/routes";
import { flatRoutes } from "@react-router/fs-routes";

// Route modules are the files in app/routes/; the route-only helpers in app/routes/helpers/ and any
// test file beside a route are never routes.
export default flatRoutes({ ignoredRouteFiles: ["routes/helpers/**", "**/*.test.*"] }) satisfies RouteConfig;
