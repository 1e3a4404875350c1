import { eq } from "drizzle-orm";
import { db } from "~db/client.server";
import { users } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { currentPrivacyNoticeVersion } from "~/modules/organisation/index.server";
import { consentsOf, isUnderAge, needsNoticeReread, type ConsentSummary } from "./consents.server";
import { guardianStatusOf, type GuardianStatus } from "./guardian-consent.server";

export type PrivacyChoices = {
  consents: ConsentSummary;
  guardian: GuardianStatus;
  currentNoticeVersion: number;
  noticeChanged: boolean;
  /** Under the age of consent with a guardian's say: optional uses may be turned off, not on. */
  minor: boolean;
  /** As the person gave it (YYYY-MM-DD), or null. */
  birthDate: string | null;
};

/** Everything a person's own privacy page shows: what they agreed to, and where their guardian's consent stands. */
export function privacyChoicesFor(userId: string): PrivacyChoices {
  const guardian = guardianStatusOf(userId);
  const birthDate = db.select({ birthDate: users.birthDate }).from(users).where(eq(users.id, userId)).get()?.birthDate ?? null;
  return {
    consents: consentsOf(userId),
    guardian,
    currentNoticeVersion: currentPrivacyNoticeVersion(),
    noticeChanged: needsNoticeReread(userId),
    minor: guardian.state !== "not_needed" && isUnderAge(birthDate, clock.now()),
    birthDate,
  };
}
