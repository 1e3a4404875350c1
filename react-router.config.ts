import type { Config } from "@react-router/dev/config";

// Server rendering, routes from app/routes.ts, the build in build/client and build/server.
export default {
  appDirectory: "app",
  buildDirectory: "build",
  ssr: true,
  // React Router 8's behaviours stay off until the move to React 19 and React Router 8 (ADR 0017):
  // each changes something the app or its tests rely on (the load context, `.data` URLs, requests).
  future: {
    v8_middleware: false,
    v8_passThroughRequests: false,
    v8_splitRouteModules: false,
    v8_trailingSlashAwareDataRequests: false,
    v8_viteEnvironmentApi: false,
  },
} satisfies Config;
