import { sql } from "drizzle-orm";
import { logger } from "~/utils/logger.server";
import { clock, DAY } from "~/utils/clock.server";
import type { Db } from "~db/client.server";
import { users, type Role } from "~db/schema";
import { hashPassword, insertUser } from "~/modules/auth/index.server";
import { updateOrganisation } from "~/modules/organisation/index.server";
import { assignDoorVolunteer } from "~/modules/events/index.server";
import { saveChannelChoices, setVerifiedPhone } from "~/modules/outbox/index.server";
import { planDemoEvents } from "./events";
import { seedLargeEvents } from "./events-large";
import { planDemoProfiles, seedLargeMentoring } from "./mentoring";
import { planDemoMentorships } from "./mentoring-pairs";
import { planDemoPrivacy, recordDemoConsents } from "./privacy";
import { planDemoProgramme } from "./programme";
import { seedLargeProgramme } from "./programme-large";
import { settleHistory } from "./settle";
import { planDemoGiving } from "./sponsorship";
import { seedLargeGiving } from "./sponsorship-large";
import { seedLargeOutcomes } from "./journey-large";
import { planDemoOutcomes } from "./journey";
import { Timeline } from "./timeline";

/** The password of every demo account; the README gives it too. */
export const DEMO_PASSWORD = "stepping-demo-2026";

export const DEMO_ACCOUNTS: { email: string; name: string; roles: Role[] }[] = [
  { email: "organiser@example.org", name: "Adaeze Okafor", roles: ["organiser"] },
  { email: "mentor@example.org", name: "Tunde Bakare", roles: ["mentor"] },
  { email: "participant@example.org", name: "Chiamaka Eze", roles: ["participant"] },
  { email: "sponsor@example.org", name: "Ifeoma Nwosu", roles: ["sponsor"] },
  { email: "door@example.org", name: "Kunle Adebayo", roles: ["door"] },
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
  // Texts and WhatsApp are on: without provider keys they land in the local mailbox (/admin/outbox).
  channelsEnabled: ["sms", "whatsapp"],
};

/** The demo participant reads texts, not email: her messages go by SMS first. */
export const DEMO_PARTICIPANT_PHONE = "+2348031234567";

// The organisation and its first people came before anything else, the benchmark's 200 days of
// events included.
const SINCE = 240 * DAY;

/**
 * The demo: the organisation's past months, played through the areas' own functions with
 * the clock moved to each moment. With `large`, the benchmark's data set on top, written straight
 * in for speed with the times those functions would have written: 5,000 participants with their
 * events, cohorts, mentorships, gifts and outcomes, times `scale` (20,000 people over two years at 4).
 */
export async function seedDemo(db: Db, options: { large?: boolean; scale?: number } = {}) {
  const scale = Math.max(1, options.scale ?? 1);
  const now = clock.now();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const timeZone = DEMO_ORGANISATION.timeZone;
  const timeline = new Timeline();
  timeline.add(now - SINCE, () => {
    updateOrganisation(DEMO_ORGANISATION);
    db.transaction(
      (tx) => {
        const ids = new Map<string, string>();
        for (const account of DEMO_ACCOUNTS) {
          const id = insertUser(tx, { ...account, passwordHash, emailVerified: true });
          ids.set(account.email, id);
          if (account.roles.includes("door")) assignDoorVolunteer(tx, { userId: id, eventId: null, actorId: ids.get("organiser@example.org")! });
          if (!account.roles.includes("participant")) continue;
          const verified = setVerifiedPhone(tx, { userId: id, email: account.email, phone: DEMO_PARTICIPANT_PHONE, now: clock.now() });
          if (!verified.ok) throw new Error(verified.message);
          saveChannelChoices(tx, { userId: id, email: account.email, preferred: "sms", choices: {}, now: clock.now() });
        }
        if (!options.large) return;
        for (let i = 1; i <= 5000 * scale; i++) {
          insertUser(tx, { email: `participant${i}@example.org`, name: `Participant ${i}`, passwordHash, roles: ["participant"], emailVerified: true });
        }
      },
      { behavior: "immediate" },
    );
  });
  const demo = { db, now, timeZone, passwordHash, timeline };
  planDemoGiving(demo);
  planDemoProfiles(demo);
  planDemoEvents(demo);
  planDemoProgramme(demo);
  planDemoMentorships(demo);
  planDemoOutcomes(demo);
  planDemoPrivacy(demo);
  timeline.run();
  recordDemoConsents(demo);
  if (options.large) {
    seedLargeProgramme(db, { now, timeZone, scale });
    seedLargeMentoring(db, { now, passwordHash });
    seedLargeEvents(db, { now, timeZone, scale });
    seedLargeGiving(db, { now, timeZone, scale });
    seedLargeOutcomes(db, { now });
  }
  settleHistory(db, now);
  logger.info({ large: !!options.large, scale }, "seeded demo data");
}

export async function seedIfEmpty(db: Db) {
  const count = db.select({ n: sql<number>`count(*)` }).from(users).get()?.n ?? 0;
  if (count === 0) await seedDemo(db);
}
