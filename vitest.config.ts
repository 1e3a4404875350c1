import { defineConfig } from "vitest/config";

// Separate from vite.config.ts so the React Router plugin never runs under vitest.
export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    include: ["tests/unit/**/*.test.{ts,tsx}", "tests/integration/**/*.test.{ts,tsx}"],
    setupFiles: ["tests/support/setup-db.ts"],
    globalSetup: ["tests/support/global-setup.ts"],
    pool: "forks",
    // Each worker loads the dependencies once for all its files; setup-db.ts resets the rest per file.
    isolate: false,
    // The default leaves a core idle for the main process, which mostly waits.
    maxWorkers: "100%",
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
