import { reactRouter } from "@react-router/dev/vite";
import { defineConfig } from "vite";
import { doorClient } from "./scripts/door-client-plugin";

export default defineConfig({
  plugins: [reactRouter(), doorClient()],
  resolve: { tsconfigPaths: true },
  build: { target: "es2019", cssMinify: true },
  // The dev dependency scan follows route imports into server-only code; native addons stay out.
  optimizeDeps: { exclude: ["@node-rs/argon2", "better-sqlite3"] },
  server: { port: 3000 },
});
