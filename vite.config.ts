import { reactRouter } from "@react-router/dev/vite";
import { defineConfig } from "vite";
import { doorClient } from "./scripts/door-client-plugin";
import { BUNDLED_PACKAGES } from "./scripts/bundled-packages.mjs";

export default defineConfig({
  plugins: [reactRouter(), doorClient()],
  resolve: { tsconfigPaths: true },
  build: { target: "es2019", cssMinify: true },
  // The dev dependency scan follows route imports into server-only code; native addons stay out.
  optimizeDeps: { exclude: ["@node-rs/argon2", "better-sqlite3"] },
  server: { port: 3000 },
  // Bundled into the server build rather than loaded file by file at start (scripts/bundled-packages.mjs).
  ssr: { noExternal: BUNDLED_PACKAGES },
});
