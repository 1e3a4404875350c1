import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Each area writes only its own tables (db/schema/<area>.ts); another area's rows change through
// that area's front door. Reads may join a lower area's tables (ADR 0018).

const root = path.resolve(__dirname, "../..");

function ownersOfTables(): Map<string, string> {
  const owners = new Map<string, string>();
  for (const file of fs.readdirSync(path.join(root, "db/schema"))) {
    const area = file.replace(/\.ts$/, "");
    const text = fs.readFileSync(path.join(root, "db/schema", file), "utf8");
    for (const match of text.matchAll(/export const (\w+) = sqliteTable/g)) owners.set(match[1], area);
  }
  return owners;
}

function moduleFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return moduleFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\./.test(entry.name) ? [full] : [];
  });
}

/** Each `.insert(table)`, `.update(table)` or `.delete(table)` in a file, as "table". */
function writtenTables(source: string): string[] {
  return [...source.matchAll(/\.(?:insert|update|delete)\((\w+)\)/g)].map((match) => match[1]);
}

describe("table ownership", () => {
  it("finds the tables of every area", () => {
    const owners = ownersOfTables();
    expect(owners.get("users")).toBe("auth");
    expect(owners.get("registrations")).toBe("events");
    expect(owners.get("donations")).toBe("sponsorship");
    expect(writtenTables("tx.update(events).set({}); tx.insert(auditLog).values({}); db.delete(registrations)")).toEqual(["events", "auditLog", "registrations"]);
  });

  it("lets each area write only its own tables", () => {
    const owners = ownersOfTables();
    const modules = path.join(root, "app/modules");
    const trespasses: string[] = [];
    for (const file of moduleFiles(modules)) {
      const area = path.relative(modules, file).split(path.sep)[0];
      for (const table of writtenTables(fs.readFileSync(file, "utf8"))) {
        const owner = owners.get(table);
        if (owner && owner !== area) trespasses.push(`${path.relative(root, file)} writes ${table} (${owner})`);
      }
    }
    expect(trespasses).toEqual([]);
  });
});
