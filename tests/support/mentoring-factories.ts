import { eq } from "drizzle-orm";
import { db } from "~db/client.server";
import { matchRuns, menteeProfiles, mentorProfiles, mentorships, type MentoringFormat, type MentorProfileStatus, type Role } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { randomId } from "~/utils/ids.server";
import { createUser, signIn, type TestUser } from "./factories";

export type MentorOptions = {
  name?: string;
  capacity?: number;
  accepting?: boolean;
  status?: MentorProfileStatus;
  languages?: string[];
  formats?: MentoringFormat[];
  timeZone?: string;
  roles?: Role[];
};

/** A mentor account with a profile (approved unless told otherwise) and a signed-in cookie. */
export async function createMentor(options: MentorOptions = {}): Promise<TestUser & { cookie: string }> {
  const user = await createUser({ name: options.name ?? "Tunde Mentor", roles: options.roles ?? ["mentor"] });
  const now = clock.now();
  db.insert(mentorProfiles)
    .values({
      userId: user.id,
      headline: "Credit analyst, ten years in banking",
      bio: "I moved into banking after a long search.",
      industries: ["Banking"],
      skills: ["Interviews", "CV writing"],
      languages: options.languages ?? ["English", "Yoruba"],
      city: "Lagos",
      remote: true,
      formats: options.formats ?? ["video", "phone", "whatsapp"],
      capacity: options.capacity ?? 2,
      timeZone: options.timeZone ?? "Africa/Lagos",
      accepting: options.accepting ?? true,
      status: options.status ?? "approved",
      createdAt: now,
      updatedAt: now,
    })
    .run();
  return { ...user, cookie: signIn(user.id).cookieHeader };
}

/** A participant with a mentee profile (unless `profile: false`) and a signed-in cookie. */
export async function createMentee(options: { name?: string; languages?: string[]; profile?: boolean; roles?: Role[] } = {}) {
  const user = await createUser({ name: options.name ?? "Chiamaka Mentee", roles: options.roles ?? ["participant"] });
  if (options.profile !== false) {
    const now = clock.now();
    db.insert(menteeProfiles)
      .values({
        userId: user.id,
        targetRoles: ["Credit analyst"],
        industries: ["Banking"],
        goals: "A first job in a bank; practise interviews.",
        languages: options.languages ?? ["English"],
        city: "Lagos",
        formats: ["video"],
        createdAt: now,
        updatedAt: now,
      })
      .run();
  }
  return { ...user, cookie: signIn(user.id).cookieHeader };
}

export function mentorshipRow(id: string) {
  return db.select().from(mentorships).where(eq(mentorships.id, id)).get();
}

export function mentorshipsBetween(mentorId: string, menteeId: string) {
  return db
    .select()
    .from(mentorships)
    .all()
    .filter((row) => row.mentorId === mentorId && row.menteeId === menteeId);
}

/** A draft group-match run, for mentorships made by publishing one. */
export function createMatchRun(label = "December cohort"): string {
  const id = randomId(16);
  db.insert(matchRuns).values({ id, label, createdAt: clock.now() }).run();
  return id;
}
