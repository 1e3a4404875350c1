import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { checkSupport, lineOf, lockfilePackageNames } from "../../scripts/deps-check.mjs";

const table = {
  checked: "2026-12-01",
  warnAfterDays: 180,
  failAfterDays: 365,
  node: { endOfLife: { "20": "2026-04-30", "24": "2028-04-30" } },
  retired: { "@remix-run/react": "Remix 2 is end of life" },
  packages: { express: { "4": "2027-01-01", "5": null }, "drizzle-orm": { "0.45": null } },
};

type Situation = { nodeVersion?: string; installed?: Record<string, string>; lockPackages?: string[]; today?: string };

function check(overrides: Situation) {
  return checkSupport({ table, nodeVersion: "v24.22.3", installed: {}, lockPackages: [], today: "2026-12-03", ...overrides });
}

describe("deps:check", () => {
  it("passes a supported Node and supported dependency lines", () => {
    expect(check({ installed: { express: "5.3.0", "drizzle-orm": "0.45.4" } })).toEqual({ problems: [], warnings: [] });
  });

  it("fails a Node line past its end of life, and one the table does not know", () => {
    expect(check({ nodeVersion: "v20.20.2" }).problems).toEqual(["Node v20.20.2: line 20 reached end of life on 2026-04-30."]);
    expect(check({ nodeVersion: "v23.1.0" }).problems).toEqual(["Node v23.1.0: line 23 is not in the support table."]);
    expect(check({ today: "2028-04-30" }).problems).toContain("Node v24.22.3: line 24 reached end of life on 2028-04-30.");
  });

  it("warns in the last 90 days of a Node line", () => {
    expect(check({ today: "2028-03-01" }).warnings).toContain("Node v24.22.3: line 24 reaches end of life on 2028-04-30.");
  });

  it("fails a dependency on an unsupported or ended line, an unknown one, and a retired one", () => {
    const { problems } = check({
      installed: { express: "3.21.2", "drizzle-orm": "0.44.0", stripe: "23.1.0", "@remix-run/react": "2.17.5" },
    });
    expect(problems).toEqual([
      "express@3.21.2: line 3 is not a supported line (4, 5).",
      "drizzle-orm@0.44.0: line 0.44 is not a supported line (0.45).",
      "stripe@23.1.0 is not in the support table: look up its maintained lines and add it.",
      "@remix-run/react@2.17.5 is retired: Remix 2 is end of life.",
    ]);
    expect(check({ installed: { express: "4.22.3" }, today: "2027-01-02" }).problems).toEqual([
      "express@4.22.3: line 4 reached end of support on 2027-01-01.",
    ]);
  });

  it("fails a retired package anywhere in the lockfile", () => {
    const lock = { packages: { "": {}, "node_modules/a": {}, "node_modules/a/node_modules/@remix-run/react": {} } };
    expect(lockfilePackageNames(lock)).toEqual(["a", "@remix-run/react"]);
    expect(check({ lockPackages: lockfilePackageNames(lock) }).problems).toEqual([
      "@remix-run/react is still in package-lock.json (pulled in by another package): Remix 2 is end of life.",
    ]);
  });

  it("asks for the table to be checked again when it grows old", () => {
    expect(check({ today: "2027-07-01" }).warnings).toContain("The support table was last checked 2026-12-01 (212 days ago): it is due for a check.");
    expect(check({ today: "2028-01-01" }).problems).toContain("The support table was last checked 2026-12-01 (396 days ago): check it again and date it.");
  });

  it("reads majors and pre-1.0 lines", () => {
    expect([lineOf("v24.22.3"), lineOf("0.45.4"), lineOf("13.2.0")]).toEqual(["24", "0.45", "13"]);
  });

  it("knows every runtime dependency of this project", () => {
    const real = JSON.parse(fs.readFileSync("scripts/support-table.json", "utf8"));
    const manifest = JSON.parse(fs.readFileSync("package.json", "utf8"));
    expect(Object.keys(manifest.dependencies).filter((name) => !(name in real.packages))).toEqual([]);
  });
});
