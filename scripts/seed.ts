import { db } from "~db/client.server";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from "./seed/demo";
import { countUsers } from "~/modules/auth/index.server";

// `npm run seed [-- --large]`: demo data into DATABASE_URL when it has no accounts yet.
if (process.env.NODE_ENV === "production" && !process.argv.includes("--force")) {
  console.error("Refusing to seed demo data in production; pass --force if you really mean it.");
  process.exit(1);
}
if (countUsers() > 0) {
  console.log("The database already has accounts; nothing seeded.");
} else {
  await seedDemo(db, { large: process.argv.includes("--large") });
  console.log(`Seeded the demo. Accounts: ${DEMO_ACCOUNTS.map((a) => a.email).join(", ")}; password: ${DEMO_PASSWORD}`);
}
