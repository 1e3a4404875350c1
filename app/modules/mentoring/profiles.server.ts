import { asc, eq } from "drizzle-orm";
import { db } from "~db/client.server";
import { MENTOR_PROFILE_STATUSES, menteeProfiles, mentorProfiles, users, type MentorProfileStatus } from "~db/schema";
import { timeZoneIn } from "./mentorships.server";
import { LANGUAGES, slotsFromWindows, splitList, windowsFromSlots } from "./options";
import type { MenteeProfileInput, MentorProfileInput } from "./profile-schemas";
import { recordAudit } from "~/modules/organisation/index.server";
import { clock } from "~/utils/clock.server";
import { runningTotals } from "~/utils/running-totals.server";
import { pageWindow } from "~/utils/paging";

export type MentorProfile = typeof mentorProfiles.$inferSelect;
export type MenteeProfile = typeof menteeProfiles.$inferSelect;

export function getMentorProfile(userId: string): MentorProfile | undefined {
  return db.select().from(mentorProfiles).where(eq(mentorProfiles.userId, userId)).get();
}

export function getMenteeProfile(userId: string): MenteeProfile | undefined {
  return db.select().from(menteeProfiles).where(eq(menteeProfiles.userId, userId)).get();
}

/** The zone a person's times are shown in: mentor profile, else mentee profile, else the organisation's. */
export function personTimeZone(userId: string): string {
  return timeZoneIn(db, userId);
}

function languagesFrom(input: { languages: string[]; otherLanguages: string }): string[] {
  const known = new Map(LANGUAGES.map((l) => [l.toLowerCase(), l as string]));
  const all = [...input.languages, ...splitList(input.otherLanguages)].map((l) => known.get(l.trim().toLowerCase()) ?? l.trim());
  return splitList(all.join(","));
}

/** Form values for a saved profile's languages: the listed ones ticked, the rest typed. */
function languageFields(languages: readonly string[]) {
  const listed = new Set<string>(LANGUAGES);
  return {
    languages: languages.filter((l) => listed.has(l)),
    otherLanguages: languages.filter((l) => !listed.has(l)).join(", "),
  };
}

export function profileFormValues(profile: { availability: MentorProfile["availability"]; languages: string[] }) {
  return { ...languageFields(profile.languages), slots: slotsFromWindows(profile.availability) };
}

export function saveMenteeProfile(userId: string, input: MenteeProfileInput) {
  const now = clock.now();
  const values = {
    targetRoles: splitList(input.targetRoles),
    industries: splitList(input.industries),
    goals: input.goals,
    languages: languagesFrom(input),
    city: input.city,
    formats: input.formats,
    availability: windowsFromSlots(input.slots),
    timeZone: input.timeZone,
    updatedAt: now,
  };
  db.insert(menteeProfiles)
    .values({ userId, ...values, createdAt: now })
    .onConflictDoUpdate({ target: menteeProfiles.userId, set: values })
    .run();
}

/**
 * A new profile waits for an organiser; edits to an approved one stay approved (organisers can
 * still reject it later), and a rejected profile that is edited goes back for review.
 */
export function saveMentorProfile(userId: string, input: MentorProfileInput): MentorProfileStatus {
  const now = clock.now();
  const values = {
    headline: input.headline,
    bio: input.bio,
    industries: splitList(input.industries),
    skills: splitList(input.skills),
    languages: languagesFrom(input),
    city: input.city,
    remote: input.remote,
    formats: input.formats,
    capacity: input.capacity,
    availability: windowsFromSlots(input.slots),
    timeZone: input.timeZone,
    accepting: input.accepting,
    updatedAt: now,
  };
  return db.transaction(
    (tx) => {
      const existing = tx.select({ status: mentorProfiles.status }).from(mentorProfiles).where(eq(mentorProfiles.userId, userId)).get();
      const status: MentorProfileStatus = existing?.status === "approved" ? "approved" : "pending";
      if (existing) tx.update(mentorProfiles).set({ ...values, status }).where(eq(mentorProfiles.userId, userId)).run();
      else tx.insert(mentorProfiles).values({ userId, ...values, status, createdAt: now }).run();
      return status;
    },
    { behavior: "immediate" },
  );
}

const MENTOR_PROFILES_PAGE_SIZE = 30;

/** How many mentor profiles have each status: running totals (migration 0031), not a count of them. */
export function mentorProfileCounts(): Record<MentorProfileStatus, number> {
  const totals = runningTotals(MENTOR_PROFILE_STATUSES.map((status) => `mentor_profiles:${status}` as const));
  return Object.fromEntries(MENTOR_PROFILE_STATUSES.map((status) => [status, totals[`mentor_profiles:${status}`]])) as Record<MentorProfileStatus, number>;
}

/** One page of the mentor profiles with a status, the longest unchanged first, with the counts of every status. */
export function listMentorProfiles(status: MentorProfileStatus, page: number) {
  const counts = mentorProfileCounts();
  const { page: current, pageCount } = pageWindow(page, counts[status], MENTOR_PROFILES_PAGE_SIZE);
  const profiles = db
    .select({ profile: mentorProfiles, name: users.name, email: users.email })
    .from(mentorProfiles)
    .innerJoin(users, eq(users.id, mentorProfiles.userId))
    .where(eq(mentorProfiles.status, status))
    .orderBy(asc(mentorProfiles.updatedAt), asc(users.name), asc(users.id))
    .limit(MENTOR_PROFILES_PAGE_SIZE)
    .offset((current - 1) * MENTOR_PROFILES_PAGE_SIZE)
    .all();
  return { profiles, counts, page: current, pageCount };
}

/** Approves or rejects a profile; false when there is no such profile. */
export function reviewMentorProfile({ actorId, userId, decision }: { actorId: string; userId: string; decision: "approve" | "reject" }): boolean {
  const now = clock.now();
  const status: MentorProfileStatus = decision === "approve" ? "approved" : "rejected";
  return db.transaction(
    (tx) => {
      const changed = tx
        .update(mentorProfiles)
        .set({ status, reviewedBy: actorId, reviewedAt: now })
        .where(eq(mentorProfiles.userId, userId))
        .run();
      if (!changed.changes) return false;
      recordAudit(tx, { actorId, action: `mentor-profile.${status}`, targetType: "user", targetId: userId });
      return true;
    },
    { behavior: "immediate" },
  );
}
