// Bundles server.ts into build/server.js (the app itself it loads from the React Router build: ADR 0050). Packages stay external,
// except the pure-JavaScript ones spread over hundreds of files (scripts/bundled-packages.mjs):
// resolving and compiling each file separately was most of the server's start-up.
import fs from "node:fs";
import { build } from "esbuild";
import { asciiSource } from "./ascii-source.mjs";
import { BUNDLED_PACKAGES } from "./bundled-packages.mjs";

const packageOf = (specifier) => specifier.split("/").slice(0, specifier.startsWith("@") ? 2 : 1).join("/");

const outfile = "build/server.js";
await build({
  entryPoints: ["server.ts"],
  outfile,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node24",
  tsconfig: "tsconfig.json",
  jsx: "automatic",
  logLevel: "warning",
  define: { "import.meta.env.DEV": "false" },
  // Bundled CommonJS packages `require` Node's own modules.
  banner: { js: 'import { createRequire as createRequireForBundle } from "node:module"; const require = createRequireForBundle(import.meta.url);' },
  plugins: [
    {
      name: "external-packages",
      setup(build) {
        build.onResolve({ filter: /^[^./~]/ }, (args) => {
          if (args.path.startsWith("node:") || BUNDLED_PACKAGES.includes(packageOf(args.path))) return undefined;
          return { path: args.path, external: true };
        });
      },
    },
  ],
});
fs.writeFileSync(outfile, await asciiSource(fs.readFileSync(outfile, "utf8")));
