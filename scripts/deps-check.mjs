// `npm run deps:check`: fails when the Node in use is past its end of life, or a runtime dependency
// is on a line its maintainers no longer support. The facts come from scripts/support-table.json,
// a dated table kept by hand (docs/decisions/0017-node-24-and-react-router-7.md says how).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The support line of a version: its major, or `0.minor` before 1.0 (where minors break). */
export function lineOf(version) {
  const [major, minor] = version.replace(/^v/, "").split(".");
  return major === "0" ? `0.${minor}` : major;
}

/**
 * Every problem with the runtime and the dependencies, as sentences; empty when all is supported.
 * `installed` maps each runtime dependency to its installed version; `lockPackages` names every
 * package in the lockfile; `today` is an ISO date.
 */
export function checkSupport({ table, nodeVersion, installed, lockPackages, today }) {
  const problems = [];
  const warnings = [];
  const now = Date.parse(today);

  const age = Math.floor((now - Date.parse(table.checked)) / DAY_MS);
  if (age > table.failAfterDays) {
    problems.push(`The support table was last checked ${table.checked} (${age} days ago): check it again and date it.`);
  } else if (age > table.warnAfterDays) {
    warnings.push(`The support table was last checked ${table.checked} (${age} days ago): it is due for a check.`);
  }

  const nodeLine = lineOf(nodeVersion);
  const nodeEnd = table.node.endOfLife[nodeLine];
  if (!nodeEnd) {
    problems.push(`Node ${nodeVersion}: line ${nodeLine} is not in the support table.`);
  } else if (Date.parse(nodeEnd) <= now) {
    problems.push(`Node ${nodeVersion}: line ${nodeLine} reached end of life on ${nodeEnd}.`);
  } else if (Date.parse(nodeEnd) - now < 90 * DAY_MS) {
    warnings.push(`Node ${nodeVersion}: line ${nodeLine} reaches end of life on ${nodeEnd}.`);
  }

  for (const [name, version] of Object.entries(installed)) {
    if (table.retired[name]) {
      problems.push(`${name}@${version} is retired: ${table.retired[name]}.`);
      continue;
    }
    const lines = table.packages[name];
    if (!lines) {
      problems.push(`${name}@${version} is not in the support table: look up its maintained lines and add it.`);
      continue;
    }
    const line = lineOf(version);
    if (!(line in lines)) {
      problems.push(`${name}@${version}: line ${line} is not a supported line (${Object.keys(lines).join(", ")}).`);
    } else if (lines[line] && Date.parse(lines[line]) <= now) {
      problems.push(`${name}@${version}: line ${line} reached end of support on ${lines[line]}.`);
    }
  }

  for (const name of lockPackages) {
    if (table.retired[name] && !(name in installed)) {
      problems.push(`${name} is still in package-lock.json (pulled in by another package): ${table.retired[name]}.`);
    }
  }
  return { problems, warnings };
}

/** Names of every package the lockfile installs, at any depth. */
export function lockfilePackageNames(lock) {
  const names = new Set();
  for (const key of Object.keys(lock.packages ?? {})) {
    const at = key.lastIndexOf("node_modules/");
    if (at >= 0) names.add(key.slice(at + "node_modules/".length));
  }
  return [...names];
}

function main() {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const readJson = (file) => JSON.parse(fs.readFileSync(path.join(root, file), "utf8"));
  const table = readJson("scripts/support-table.json");
  const manifest = readJson("package.json");
  const installed = {};
  for (const name of Object.keys(manifest.dependencies ?? {})) {
    installed[name] = readJson(path.join("node_modules", name, "package.json")).version;
  }
  const today = process.env.DEPS_CHECK_TODAY ?? new Date().toISOString().slice(0, 10);
  const { problems, warnings } = checkSupport({
    table,
    nodeVersion: process.version,
    installed,
    lockPackages: lockfilePackageNames(readJson("package-lock.json")),
    today,
  });
  console.log(`deps:check on ${today}: node ${process.version}, ${Object.keys(installed).length} runtime dependencies`);
  for (const warning of warnings) console.warn(`  warning: ${warning}`);
  for (const problem of problems) console.error(`  unsupported: ${problem}`);
  if (problems.length) process.exit(1);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) main();
