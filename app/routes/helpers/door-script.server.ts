import fs from "node:fs";

// Where the door page's script is (ADR 0037): the hashed file the build wrote down beside the
// browser assets, or the source itself, which the development server compiles on request.

/** The entry, the chunks it imports, and the ones it imports later (the QR decoder). */
export type DoorScript = { entry: string; imports: string[]; lazy: string[] };

const DEVELOPMENT: DoorScript = { entry: "/app/door-client/main.ts", imports: [], lazy: [] };

let built: DoorScript | null | undefined;

function builtScript(): DoorScript | null {
  // The server build lives in build/server/; the browser build beside it in build/client/.
  const manifest = new URL("../client/door-client.json", import.meta.url);
  try {
    return JSON.parse(fs.readFileSync(manifest, "utf8")) as DoorScript;
  } catch {
    return null;
  }
}

export function doorScript(): DoorScript {
  built ??= builtScript();
  return built ?? DEVELOPMENT;
}
