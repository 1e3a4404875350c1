import { and, eq, inArray, sql } from "drizzle-orm";
import { db } from "~db/client.server";
import { mentorProfiles, mentorships, users, type MentoringFormat } from "~db/schema";
import { clock, HOUR } from "~/utils/clock.server";
import { whileUnchanged } from "~/utils/data-version.server";
import { zoneLabel } from "./session-calendar.server";
import { getMenteeProfile, type MenteeProfile, type MentorProfile } from "./profiles.server";
import { scorePair, type MenteeTraits, type MentorTraits, type PairScore } from "./scoring";

export type Suggestion = {
  mentorId: string;
  name: string;
  headline: string;
  city: string;
  remote: boolean;
  formats: MentoringFormat[];
  languages: string[];
  industries: string[];
  skills: string[];
  placesLeft: number;
  accepting: boolean;
  /** False when the viewer has no mentee profile: nothing to score against. */
  scored: boolean;
} & PairScore;

export type ApprovedMentor = { profile: MentorProfile; name: string; placesLeft: number };

export const mentorTraits = (p: MentorProfile): MentorTraits => ({
  languages: p.languages,
  formats: p.formats,
  city: p.city,
  remote: p.remote,
  industries: p.industries,
  skills: p.skills,
  availability: p.availability,
  timeZone: p.timeZone,
  accepting: p.accepting,
});

export const menteeTraits = (p: MenteeProfile): MenteeTraits => ({
  languages: p.languages,
  formats: p.formats,
  city: p.city,
  industries: p.industries,
  targetRoles: p.targetRoles,
  goals: p.goals,
  availability: p.availability,
  timeZone: p.timeZone,
});

/**
 * Every approved mentor (or just one) with the places they have left (same rule as `placesLeft`).
 * The whole list is the same for every reader: it is kept, frozen, until anything is written, so the
 * scoring's per-profile preparations (keyed by these profiles) are reused too (ADR 0042).
 */
export function approvedMentors(onlyId?: string): readonly ApprovedMentor[] {
  return onlyId ? readApprovedMentors(onlyId) : whileUnchanged("approved-mentors", () => readApprovedMentors());
}

function readApprovedMentors(onlyId?: string): ApprovedMentor[] {
  const active = db
    .select({ mentorId: mentorships.mentorId, n: sql<number>`count(*)` })
    .from(mentorships)
    .where(and(eq(mentorships.status, "active"), onlyId ? eq(mentorships.mentorId, onlyId) : undefined))
    .groupBy(mentorships.mentorId)
    .all();
  const activeBy = new Map(active.map((r) => [r.mentorId, r.n]));
  return db
    .select({ profile: mentorProfiles, name: users.name })
    .from(mentorProfiles)
    .innerJoin(users, eq(users.id, mentorProfiles.userId))
    .where(and(eq(mentorProfiles.status, "approved"), onlyId ? eq(mentorProfiles.userId, onlyId) : undefined))
    .orderBy(users.name, users.id)
    .all()
    .map(({ profile, name }) => ({
      profile,
      name,
      placesLeft: profile.accepting ? Math.max(0, profile.capacity - (activeBy.get(profile.userId) ?? 0)) : 0,
    }));
}

/** Mentor ids this mentee has ended a mentorship with, or has one open with (request or active). */
export function pairHistory(menteeIds: readonly string[]) {
  const ended = new Set<string>();
  const open = new Set<string>();
  if (!menteeIds.length) return { ended, open };
  const rows = db
    .select({ mentorId: mentorships.mentorId, menteeId: mentorships.menteeId, status: mentorships.status })
    .from(mentorships)
    .where(and(inArray(mentorships.menteeId, [...menteeIds]), inArray(mentorships.status, ["ended", "proposed", "active"])))
    .all();
  for (const r of rows) (r.status === "ended" ? ended : open).add(`${r.mentorId}|${r.menteeId}`);
  return { ended, open };
}

/**
 * The instant two zones' weekly windows are lined up at: the start of this hour (summer time
 * starts and ends on the hour nearly everywhere). The scoring keeps each kept profile's windows in
 * UTC while the instant is the same, so an hour's requests convert them once, not once each.
 */
function alignedAt(): number {
  const now = clock.now();
  return now - (now % HOUR);
}

function card(m: ApprovedMentor, score: PairScore, scored: boolean): Suggestion {
  const p = m.profile;
  return {
    mentorId: p.userId,
    name: m.name,
    headline: p.headline,
    city: p.city,
    remote: p.remote,
    formats: p.formats,
    languages: p.languages,
    industries: p.industries,
    skills: p.skills,
    placesLeft: m.placesLeft,
    accepting: p.accepting,
    scored,
    ...score,
  };
}

function unscored(m: ApprovedMentor): PairScore {
  const blockers = [];
  if (!m.profile.accepting) blockers.push("Not taking new mentees just now");
  else if (m.placesLeft <= 0) blockers.push("No places left");
  return { eligible: blockers.length === 0, score: 0, reasons: [], blockers };
}

/** Approved mentors for one person, best fit first; unscored (in name order) when they have no mentee profile. */
export function suggestMentorsFor(menteeUserId: string): Suggestion[] {
  const at = alignedAt();
  const mentors = approvedMentors().filter((m) => m.profile.userId !== menteeUserId);
  const profile = getMenteeProfile(menteeUserId);
  if (!profile) {
    return mentors.map((m) => card(m, unscored(m), false)).sort((a, b) => Number(b.eligible) - Number(a.eligible));
  }
  const mentee = menteeTraits(profile);
  const { ended } = pairHistory([menteeUserId]);
  return mentors
    .map((m) => card(m, scorePair(mentorTraits(m.profile), mentee, { placesLeft: m.placesLeft, endedBefore: ended.has(`${m.profile.userId}|${menteeUserId}`), at }), true))
    .sort((a, b) => Number(b.eligible) - Number(a.eligible) || b.score - a.score || a.name.localeCompare(b.name));
}

/** One approved mentor's public card, with their full profile; null unless approved. Scored against the viewer when given. */
export function mentorCard(mentorId: string, viewerId?: string): (Suggestion & { mentorProfile: MentorProfile; zone: string }) | null {
  const at = alignedAt();
  const [mentor] = approvedMentors(mentorId);
  if (!mentor) return null;
  const profile = viewerId && viewerId !== mentorId ? getMenteeProfile(viewerId) : undefined;
  const zone = zoneLabel(mentor.profile.timeZone, clock.now());
  if (!profile) return { ...card(mentor, unscored(mentor), false), mentorProfile: mentor.profile, zone };
  const { ended } = pairHistory([profile.userId]);
  const score = scorePair(mentorTraits(mentor.profile), menteeTraits(profile), {
    placesLeft: mentor.placesLeft,
    endedBefore: ended.has(`${mentorId}|${profile.userId}`),
    at,
  });
  return { ...card(mentor, score, true), mentorProfile: mentor.profile, zone };
}
