import { db } from "~db/client.server";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from "./seed/demo";
import { countUsers } from "~/modules/auth/index.server";

// `npm run seed [-- --large [--scale N]]`: demo data into DATABASE_URL when it has no accounts yet.
if (process.env.NODE_ENV === "production" && !process.argv.includes("--force")) {
  console.error("Refusing to seed demo data in production; pass --force if you really mean it.");
  process.exit(1);
}
if (countUsers() > 0) {
  console.log("The database already has accounts; nothing seeded.");
} else {
  const scaleAt = process.argv.indexOf("--scale");
  const scale = scaleAt > 0 ? Number(process.argv[scaleAt + 1]) : 1;
  if (!Number.isFinite(scale) || scale < 1) {
    console.error("--scale takes a number of 1 or more.");
    process.exit(1);
  }
  await seedDemo(db, { large: process.argv.includes("--large"), scale });
  console.log(`Seeded the demo. Accounts: ${DEMO_ACCOUNTS.map((a) => a.email).join(", ")}; password: ${DEMO_PASSWORD}`);
}
