import { reactRouter } from "@react-router/dev/vite";
import { defineConfig } from "vite";
import { doorClient } from "./scripts/door-client-plugin";
import { BUNDLED_PACKAGES } from "./scripts/bundled-packages.mjs";
import { asciiSource } from "./scripts/ascii-source.mjs";

export default defineConfig(({ command }) => ({
  plugins: [
    reactRouter(),
    doorClient(),
    // The server build in ASCII, so V8 keeps its source at one byte a character (ADR 0050).
    {
      name: "ascii-server-build",
      async generateBundle(_options, bundle) {
        if (this.environment.name !== "ssr") return;
        for (const file of Object.values(bundle)) if (file.type === "chunk") file.code = await asciiSource(file.code);
      },
    },
  ],
  resolve: { tsconfigPaths: true },
  build: { target: "es2019", cssMinify: true },
  // The dev dependency scan follows route imports into server-only code; native addons stay out.
  optimizeDeps: { exclude: ["@node-rs/argon2", "better-sqlite3"] },
  server: { port: 3000 },
  // Bundled into the server build rather than loaded file by file at start (scripts/bundled-packages.mjs).
  // Only when building: Vite's development server cannot run CommonJS packages inlined (yaml's `require`).
  ssr: { noExternal: command === "build" ? BUNDLED_PACKAGES : [] },
}));
