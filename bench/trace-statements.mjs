// Loaded into the server by `npm run bench:plans` only (`node --import`): appends each SQL
// statement the server runs, the first time it runs, with the values it was first run with, to
// the file named by TRACE_STATEMENTS_FILE, one JSON line each. Never loaded in production.
import { Buffer } from "node:buffer";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

// The server's own copy of better-sqlite3 (it runs from a copy of the build), so its statements are the ones traced.
const Database = createRequire(path.join(process.cwd(), "package.json"))("better-sqlite3");

const file = process.env.TRACE_STATEMENTS_FILE;
if (file) {
  const seen = new Set();
  const scratch = new Database(":memory:");
  const Statement = scratch.prepare("select 1").constructor;
  scratch.close();
  const plain = (value) => value === null || ["string", "number", "boolean"].includes(typeof value);
  const valuesOf = (args) => {
    if (args.length === 1 && args[0] && typeof args[0] === "object" && !Array.isArray(args[0]) && !Buffer.isBuffer(args[0])) {
      return Object.values(args[0]).every(plain) ? args[0] : null;
    }
    const flat = args.flat();
    return flat.every((value) => plain(value) || typeof value === "bigint") ? flat.map((value) => (typeof value === "bigint" ? Number(value) : value)) : null;
  };
  for (const method of ["all", "get", "run", "iterate"]) {
    const original = Statement.prototype[method];
    Statement.prototype[method] = function (...args) {
      if (!seen.has(this.source)) {
        seen.add(this.source);
        fs.appendFileSync(file, JSON.stringify({ sql: this.source, values: valuesOf(args) }) + "\n");
      }
      return original.apply(this, args);
    };
  }
}
