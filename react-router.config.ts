import type { Config } from "@react-router/dev/config";

// Server rendering, routes from app/routes.ts, the build in build/client and build/server.
export default {
  appDirectory: "app",
  buildDirectory: "build",
  ssr: true,
} satisfies Config;
