import { sql } from "drizzle-orm";
import { logger } from "~/utils/logger.server";
import type { Db } from "~db/client.server";
import { seedEvents } from "./events";
import { seedMentoring } from "./mentoring";
import { seedMentoringPairs } from "./mentoring-pairs";
import { seedProgramme } from "./programme";
import { seedSponsorship } from "./sponsorship";
import { users, type Role } from "~db/schema";
import { hashPassword, insertUser } from "~/modules/auth/index.server";
import { updateOrganisation } from "~/modules/organisation/index.server";

/** The password of every demo account; the README gives it too. */
export const DEMO_PASSWORD = "stepping-demo-2026";

export const DEMO_ACCOUNTS: { email: string; name: string; roles: Role[] }[] = [
  { email: "organiser@example.org", name: "Adaeze Okafor", roles: ["organiser"] },
  { email: "mentor@example.org", name: "Tunde Bakare", roles: ["mentor"] },
  { email: "participant@example.org", name: "Chiamaka Eze", roles: ["participant"] },
  { email: "sponsor@example.org", name: "Ifeoma Nwosu", roles: ["sponsor"] },
];

/** A fictional organisation for the demo. */
const DEMO_ORGANISATION = {
  name: "Bounce Forward Lagos",
  tagline: "Turning job rejections into next steps for young people in Lagos.",
  mission:
    "We run resilience workshops, seminars and youth programmes, pair job seekers with mentors who have been there, and walk cohorts through fifteen short steps for bouncing back after a job rejection.",
  contactEmail: "hello@bounceforward.example.org",
  timeZone: "Africa/Lagos",
  currency: "NGN",
  bankTransferDetails: "Bounce Forward Lagos\nDemo Bank Plc\nAccount number: 0000000000 (demo)",
  helpLines:
    "Talk to someone you trust first.\nProgramme support line (demo): call or WhatsApp the organisers during office hours, Monday to Friday, 9 am to 5 pm.",
  socialLinks: { website: "https://bounceforward.example.org" },
};

export async function seedDemo(db: Db, options: { large?: boolean } = {}) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  db.transaction(
    (tx) => {
      updateOrganisation(DEMO_ORGANISATION);
      for (const account of DEMO_ACCOUNTS) insertUser(tx, { ...account, passwordHash, emailVerified: true });
      if (options.large) {
        for (let i = 1; i <= 5000; i++) {
          insertUser(tx, {
            email: `participant${i}@example.org`,
            name: `Participant ${i}`,
            passwordHash,
            roles: ["participant"],
            emailVerified: true,
          });
        }
      }
    },
    { behavior: "immediate" },
  );
  seedProgramme(db, { large: options.large, passwordHash });
  seedMentoring(db, { large: options.large, passwordHash });
  seedMentoringPairs(db);
  seedEvents(db, { large: options.large });
  seedSponsorship(db, { large: options.large });
  logger.info({ large: !!options.large }, "seeded demo data");
}

export async function seedIfEmpty(db: Db) {
  const count = db.select({ n: sql<number>`count(*)` }).from(users).get()?.n ?? 0;
  if (count === 0) await seedDemo(db);
}
