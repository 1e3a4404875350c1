import { db } from "~db/client.server";
import { menteeProfiles, mentoringSessions, mentorProfiles, mentorships } from "~db/schema";
import { clock, HOUR } from "~/utils/clock.server";
import { randomId } from "~/utils/ids.server";

/** An approved mentor profile in `timeZone`, straight in the database. */
export function approvedMentorProfile(userId: string, timeZone = "Africa/Lagos") {
  const now = clock.now();
  db.insert(mentorProfiles)
    .values({
      userId,
      headline: "Credit analyst, ten years in banking",
      bio: "I help people move into finance.",
      industries: ["Banking"],
      skills: ["Interviews", "CV writing"],
      languages: ["English", "Yoruba"],
      city: "Lagos",
      formats: ["video", "phone", "in_person", "whatsapp"],
      capacity: 3,
      timeZone,
      status: "approved",
      createdAt: now,
      updatedAt: now,
    })
    .run();
}

export function menteeProfile(userId: string, timeZone = "Africa/Lagos") {
  const now = clock.now();
  db.insert(menteeProfiles)
    .values({ userId, targetRoles: ["Analyst"], industries: ["Banking"], goals: "A first job in a bank.", languages: ["English"], city: "Lagos", formats: ["video"], timeZone, createdAt: now, updatedAt: now })
    .run();
}

/** An active mentorship between the two, as accepting a request leaves it. */
export function activeMentorship(mentorId: string, menteeId: string): string {
  const id = randomId(16);
  const now = clock.now();
  db.insert(mentorships)
    .values({ id, mentorId, menteeId, source: "request", status: "active", requestMessage: "Please help me.", createdAt: now, respondedAt: now, startedAt: now })
    .run();
  return id;
}

/** A session written directly, for example one whose time has already passed. */
export function insertSession(input: { mentorshipId: string; proposedBy: string; startsAt: number; status?: "proposed" | "confirmed" | "declined" | "cancelled"; location?: string }) {
  const now = clock.now();
  return db
    .insert(mentoringSessions)
    .values({
      id: randomId(16),
      mentorshipId: input.mentorshipId,
      proposedBy: input.proposedBy,
      startsAt: input.startsAt,
      durationMinutes: 60,
      format: "video",
      location: input.location ?? "https://meet.example.org/pair",
      status: input.status ?? "confirmed",
      respondedAt: now,
      createdAt: now - HOUR,
      updatedAt: now,
    })
    .returning()
    .get();
}
