import type { Config } from "@react-router/dev/config";

// The benchmarks' floor: React Router's framework mode with one route and nothing else.
export default {
  appDirectory: "app",
  buildDirectory: "build",
  ssr: true,
  // The same behaviours as the app's own configuration, so the two run the same framework code.
  future: {
    v8_middleware: false,
    v8_passThroughRequests: false,
    v8_splitRouteModules: false,
    v8_trailingSlashAwareDataRequests: false,
    v8_viteEnvironmentApi: false,
  },
} satisfies Config;
