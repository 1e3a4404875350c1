// Bundles server.ts (and the app code it imports) into build/server.js; packages stay external.
import { build } from "esbuild";

await build({
  entryPoints: ["server.ts"],
  outfile: "build/server.js",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node24",
  packages: "external",
  tsconfig: "tsconfig.json",
  jsx: "automatic",
  logLevel: "warning",
  define: { "import.meta.env.DEV": "false" },
});
