/*
 * npm run create-organiser -- EMAIL [--name "Full Name"]
 *
 * Makes EMAIL an organiser of this installation (DATABASE_URL). An existing account gains the
 * organiser role. Otherwise an account is created and a one-time link to choose its password is
 * printed, valid for 24 hours: hand it to the person yourself. Nothing is emailed.
 * Exit code 0 on success (also when EMAIL already is an organiser), 1 on failure, 2 on bad usage.
 */
import { parseArgs } from "node:util";
import { closeDatabase } from "~db/client.server";
import { createOrganiser } from "~/modules/auth/index.server";

const USAGE = 'Usage: npm run create-organiser -- EMAIL [--name "Full Name"]';

function usage(message?: string): never {
  console.error(message ? `${message}\n${USAGE}` : USAGE);
  process.exit(2);
}

let values: { name?: string; help?: boolean };
let positionals: string[];
try {
  ({ values, positionals } = parseArgs({
    options: { name: { type: "string" }, help: { type: "boolean", short: "h" } },
    allowPositionals: true,
  }));
} catch (error) {
  usage((error as Error).message);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (positionals.length !== 1) usage(positionals.length ? "Give exactly one email address." : "Give the email address of the organiser.");

try {
  const result = await createOrganiser({ email: positionals[0], name: values.name });
  if (result.status === "invalid-email") usage(result.message);
  switch (result.status) {
    case "already-organiser":
      console.log(`${result.email} is already an organiser. Nothing changed.`);
      break;
    case "granted":
      console.log(`${result.email} already had an account and is now an organiser too. They can log in as before.`);
      break;
    case "created":
      console.log(`Created an organiser account for ${result.email}.`);
      console.log("Give them this link to choose a password. It works once, for 24 hours, and is not shown again:");
      console.log(result.setPasswordUrl);
      break;
  }
} catch (error) {
  console.error(`Could not create the organiser: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  closeDatabase();
}
