import { db } from "~db/client.server";
import { menteeProfiles, mentorProfiles } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { createUser, type TestUser } from "./factories";

type MentorValues = Partial<typeof mentorProfiles.$inferInsert>;
type MenteeValues = Partial<typeof menteeProfiles.$inferInsert>;

/** A mentor account with a profile (approved unless told otherwise) written straight to the database. */
export async function createMentorWithProfile(values: MentorValues = {}, name = "Mentor Person"): Promise<TestUser> {
  const user = await createUser({ name, roles: ["mentor"] });
  const now = clock.now();
  db.insert(mentorProfiles)
    .values({
      headline: `${name}, mentor`,
      languages: ["English"],
      formats: ["video"],
      capacity: 2,
      status: "approved",
      createdAt: now,
      updatedAt: now,
      ...values,
      userId: user.id,
    })
    .run();
  return user;
}

/** A participant account with a mentee profile written straight to the database. */
export async function createMenteeWithProfile(values: MenteeValues = {}, name = "Mentee Person"): Promise<TestUser> {
  const user = await createUser({ name, roles: ["participant"] });
  const now = clock.now();
  db.insert(menteeProfiles)
    .values({ languages: ["English"], formats: ["video"], createdAt: now, updatedAt: now, ...values, userId: user.id })
    .run();
  return user;
}
