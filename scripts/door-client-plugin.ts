import path from "node:path";
import type { Plugin } from "vite";

// The door page's own script (ADR 0037): a separate entry of the browser build, outside React, so
// the check-in page loads only it (and the QR decoder when the browser has no BarcodeDetector).
// The build records the hashed file names in door-client.json beside the assets, where the server
// reads them: the entry, the chunks it imports, and the decoder it imports only when scanning, which
// the page names too so the service worker keeps it for scanning offline.

export const DOOR_CLIENT_ENTRY = "app/door-client/main.ts";
export const DOOR_CLIENT_MANIFEST = "door-client.json";

export function doorClient(): Plugin {
  let reference: string | undefined;
  return {
    name: "steppingstone-door-client",
    apply: "build",
    buildStart() {
      if (this.environment.name !== "client") return;
      reference = this.emitFile({ type: "chunk", id: path.resolve(DOOR_CLIENT_ENTRY), name: "door-client" });
    },
    generateBundle(_options, bundle) {
      if (this.environment.name !== "client" || !reference) return;
      const entry = this.getFileName(reference);
      const imports = staticImportsOf(bundle, [entry]).filter((file) => file !== entry);
      const lazy = staticImportsOf(bundle, (bundle as Bundle)[entry]?.dynamicImports ?? []).filter((file) => file !== entry && !imports.includes(file));
      const url = (file: string) => `/${file}`;
      this.emitFile({ type: "asset", fileName: DOOR_CLIENT_MANIFEST, source: JSON.stringify({ entry: url(entry), imports: imports.map(url), lazy: lazy.map(url) }) });
    },
  };
}

/** These chunks and every chunk they import, however deep. */
type Bundle = Record<string, { imports?: string[]; dynamicImports?: string[] }>;

function staticImportsOf(bundle: object, files: string[]): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const child of (bundle as Bundle)[file]?.imports ?? []) visit(child);
  };
  files.forEach(visit);
  return [...seen];
}
