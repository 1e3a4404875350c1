import type { Db, Tx } from "~db/client.server";
import { asc, like } from "drizzle-orm";
import { DAY, HOUR, MINUTE } from "~/utils/clock.server";
import { menteeProfiles, mentorProfiles, users, type AvailabilityWindow, type MentoringFormat } from "~db/schema";
import { insertUser } from "~/modules/auth/index.server";
import { reviewMentorProfile, saveMenteeProfile, saveMentorProfile } from "~/modules/mentoring/index.server";
import { DAY_PARTS, menteeProfileSchema, mentorProfileSchema, slotValue } from "~/modules/mentoring";
import { at, idOf, type DemoContext } from "./timeline";

// Mentor and mentee profiles for the demo (the mentorships are in mentoring-pairs.ts): the demo
// mentor wrote a profile six weeks ago and six more mentors a few days later; the organiser
// approved each a day or two after, all but one, which still waits for review. The participant
// wrote a mentee profile before asking for a mentor. With `large`, 100 mentors and 500 mentee
// profiles for the benchmarks, written straight in.

type MentorValues = Omit<typeof mentorProfiles.$inferInsert, "userId" | "createdAt" | "updatedAt">;
type MenteeValues = Omit<typeof menteeProfiles.$inferInsert, "userId" | "createdAt" | "updatedAt">;

const evening = (day: number): AvailabilityWindow => ({ day, start: 17 * 60, end: 21 * 60 });
const morning = (day: number): AvailabilityWindow => ({ day, start: 9 * 60, end: 12 * 60 });
const afternoon = (day: number): AvailabilityWindow => ({ day, start: 12 * 60, end: 17 * 60 });

export const DEMO_MENTOR_PROFILE: MentorValues = {
  headline: "Branch operations manager, twelve years in retail banking",
  bio: "I started as a teller after two years of rejections. I help people get their CV and interviews ready for banks and fintechs.",
  industries: ["Banking", "Fintech"],
  skills: ["CV writing", "Interviews", "Excel"],
  languages: ["English", "Yoruba", "Nigerian Pidgin"],
  city: "Lagos",
  remote: true,
  formats: ["video", "phone", "in_person", "whatsapp"],
  capacity: 3,
  availability: [evening(0), evening(2), morning(5)],
  status: "approved",
};

const OTHER_MENTORS: { email: string; name: string; profile: MentorValues }[] = [
  {
    email: "mentor-amina@example.org",
    name: "Amina Yusuf",
    profile: { headline: "Software engineer at a Kano logistics start-up", industries: ["Technology", "Logistics"], skills: ["Programming", "Portfolio", "Interviews"], languages: ["English", "Hausa"], city: "Kano", formats: ["video", "whatsapp"], capacity: 2, availability: [evening(1), evening(3)], status: "approved" },
  },
  {
    email: "mentor-emeka@example.org",
    name: "Emeka Obi",
    profile: { headline: "Sales lead in fast-moving consumer goods", industries: ["Retail", "FMCG"], skills: ["Sales", "Negotiation", "Networking"], languages: ["English", "Igbo"], city: "Enugu", formats: ["phone", "in_person"], capacity: 2, availability: [afternoon(5), morning(6)], status: "approved" },
  },
  {
    email: "mentor-funke@example.org",
    name: "Funke Adeyemi",
    profile: { headline: "HR business partner; I have read thousands of CVs", industries: ["Human resources", "Banking"], skills: ["CV writing", "Interviews", "Career change"], languages: ["English", "Yoruba"], city: "Lagos", formats: ["video", "in_person"], capacity: 4, availability: [evening(0), evening(4)], status: "approved" },
  },
  {
    email: "mentor-claire@example.org",
    name: "Claire Mensah",
    profile: { headline: "Project officer at an international NGO", industries: ["Non-profit", "Public health"], skills: ["Grant writing", "Project management"], languages: ["English", "French"], city: "Abuja", formats: ["video"], capacity: 2, availability: [morning(1), morning(3)], status: "approved" },
  },
  {
    email: "mentor-ibrahim@example.org",
    name: "Ibrahim Bello",
    profile: { headline: "Data analyst in telecoms", industries: ["Telecoms", "Technology"], skills: ["Data analysis", "Excel", "SQL"], languages: ["English", "Hausa", "Nigerian Pidgin"], city: "Abuja", formats: ["video", "phone", "whatsapp"], capacity: 3, availability: [evening(2), afternoon(6)], status: "approved" },
  },
  {
    email: "mentor-pending@example.org",
    name: "Kelechi Nwankwo",
    profile: { headline: "Accountant, new to mentoring", industries: ["Accounting"], skills: ["Bookkeeping", "ICAN exams"], languages: ["English", "Igbo"], city: "Port Harcourt", formats: ["video"], capacity: 1, availability: [evening(3)], status: "pending" },
  },
];

export const DEMO_MENTEE_PROFILE: MenteeValues = {
  targetRoles: ["Customer service officer", "Bank teller"],
  industries: ["Banking"],
  goals: "Get past the interview stage, and make my CV stand out for bank graduate schemes.",
  languages: ["English", "Yoruba"],
  city: "Lagos",
  formats: ["video", "whatsapp"],
  availability: [evening(0), evening(2)],
};

const INDUSTRIES = ["Banking", "Fintech", "Technology", "Telecoms", "Retail", "FMCG", "Logistics", "Oil and gas", "Public health", "Education", "Agriculture", "Media"];
const SKILLS = ["CV writing", "Interviews", "Excel", "Networking", "Sales", "Data analysis", "Programming", "Public speaking", "Negotiation", "Project management"];
const CITIES = ["Lagos", "Abuja", "Kano", "Ibadan", "Enugu", "Port Harcourt"];
const EXTRA_LANGUAGES = ["Yoruba", "Hausa", "Igbo", "Nigerian Pidgin", "French"];
const FORMATS: MentoringFormat[] = ["video", "phone", "in_person", "whatsapp"];

/** A fixed pseudo-random sequence, so the large data set is the same on every run. */
function sequence(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function pick<T>(rnd: () => number, from: readonly T[], count: number): T[] {
  const pool = [...from];
  const out: T[] = [];
  while (out.length < count && pool.length) out.push(pool.splice(Math.floor(rnd() * pool.length), 1)[0]!);
  return out;
}

function week(rnd: () => number, windows: number): AvailabilityWindow[] {
  const makers = [morning, afternoon, evening];
  const chosen = new Map<string, AvailabilityWindow>();
  for (let i = 0; i < windows; i++) {
    const day = Math.floor(rnd() * 7);
    const part = Math.floor(rnd() * 3);
    chosen.set(`${day}-${part}`, makers[part]!(day));
  }
  return [...chosen.values()].sort((a, b) => a.day - b.day || a.start - b.start);
}

export function largeMentorProfile(i: number): MentorValues {
  const rnd = sequence(1000 + i);
  return {
    headline: `Benchmark mentor ${i}`,
    industries: pick(rnd, INDUSTRIES, 1 + Math.floor(rnd() * 3)),
    skills: pick(rnd, SKILLS, 2 + Math.floor(rnd() * 3)),
    languages: ["English", ...pick(rnd, EXTRA_LANGUAGES, Math.floor(rnd() * 2))],
    city: CITIES[Math.floor(rnd() * CITIES.length)]!,
    formats: pick(rnd, FORMATS, 1 + Math.floor(rnd() * 3)),
    capacity: 1 + Math.floor(rnd() * 5),
    availability: week(rnd, 2 + Math.floor(rnd() * 4)),
    status: "approved",
  };
}

export function largeMenteeProfile(i: number): MenteeValues {
  const rnd = sequence(5000 + i);
  const skills = pick(rnd, SKILLS, 2);
  return {
    targetRoles: [`Graduate trainee ${i % 7}`],
    industries: pick(rnd, INDUSTRIES, 1 + Math.floor(rnd() * 2)),
    goals: `Help with ${skills.join(" and ").toLowerCase()}`,
    // A few speak no English, so the hard language rule bites.
    languages: rnd() < 0.1 ? pick(rnd, EXTRA_LANGUAGES, 1) : ["English", ...pick(rnd, EXTRA_LANGUAGES, Math.floor(rnd() * 2))],
    city: CITIES[Math.floor(rnd() * CITIES.length)]!,
    formats: pick(rnd, FORMATS, 1 + Math.floor(rnd() * 2)),
    availability: week(rnd, 2 + Math.floor(rnd() * 3)),
  };
}

/** The availability grid's ticked boxes for a profile's windows. */
function slotsOf(windows: readonly AvailabilityWindow[]): string[] {
  return windows.flatMap((w) => DAY_PARTS.filter((part) => w.start <= part.start && w.end >= part.end).map((part) => slotValue(w.day, part.key)));
}

/** The profile forms, filled in as the person would have. */
function mentorForm(profile: MentorValues, timeZone: string) {
  return mentorProfileSchema.parse({
    headline: profile.headline,
    bio: profile.bio,
    industries: profile.industries?.join(", "),
    skills: profile.skills?.join(", "),
    languages: profile.languages,
    city: profile.city,
    formats: profile.formats,
    slots: slotsOf(profile.availability ?? []),
    timeZone,
    remote: profile.remote ?? true,
    capacity: profile.capacity,
    accepting: true,
  });
}

function menteeForm(profile: MenteeValues, timeZone: string) {
  return menteeProfileSchema.parse({
    targetRoles: profile.targetRoles?.join(", "),
    industries: profile.industries?.join(", "),
    goals: profile.goals,
    languages: profile.languages,
    city: profile.city,
    formats: profile.formats,
    slots: slotsOf(profile.availability ?? []),
    timeZone,
  });
}

export function planDemoProfiles({ db, now, timeZone, passwordHash, timeline }: DemoContext) {
  const approve = (instant: number, email: string) =>
    timeline.add(instant, () => reviewMentorProfile({ actorId: idOf("organiser@example.org"), userId: idOf(email), decision: "approve" }));

  timeline.add(now - 45 * DAY, () => saveMentorProfile(idOf("mentor@example.org"), mentorForm(DEMO_MENTOR_PROFILE, timeZone)));
  approve(now - 44 * DAY, "mentor@example.org");
  OTHER_MENTORS.forEach((other, index) => {
    const signedUp = now - 40 * DAY + index * 3 * HOUR;
    timeline.add(signedUp, () => {
      db.transaction((tx) => insertUser(tx, { email: other.email, name: other.name, passwordHash, roles: ["mentor"], emailVerified: true }));
    });
    timeline.add(signedUp + 15 * MINUTE, () => saveMentorProfile(idOf(other.email), mentorForm(other.profile, timeZone)));
    if (other.profile.status === "approved") approve(now - 38 * DAY + index * HOUR, other.email);
  });
  timeline.add(now - 16 * DAY, () => saveMenteeProfile(idOf("participant@example.org"), menteeForm(DEMO_MENTEE_PROFILE, timeZone)));
}

function addMentor(tx: Tx, userId: string, profile: MentorValues, createdAt: number) {
  tx.insert(mentorProfiles).values({ ...profile, userId, reviewedAt: profile.status === "approved" ? createdAt + DAY : null, createdAt, updatedAt: createdAt }).run();
}

/** The benchmark's 100 mentors, signed up a month ago, and 500 mentee profiles of the large set's participants. */
export function seedLargeMentoring(db: Db, { now, passwordHash }: { now: number; passwordHash: string }) {
  const signedUp = now - 30 * DAY;
  at(signedUp, () =>
    db.transaction(
      (tx) => {
        for (let i = 1; i <= 100; i++) {
          const id = insertUser(tx, { email: `bench-mentor${i}@example.org`, name: `Bench Mentor ${i}`, passwordHash, roles: ["mentor"], emailVerified: true });
          addMentor(tx, id, largeMentorProfile(i), signedUp);
        }
        const demoParticipantId = idOf("participant@example.org");
        const mentees = tx.select({ id: users.id }).from(users).where(like(users.email, "participant%@example.org")).orderBy(asc(users.createdAt), asc(users.email)).all();
        mentees
          .filter((m) => m.id !== demoParticipantId)
          .slice(0, 500)
          .forEach((m, index) => {
            tx.insert(menteeProfiles).values({ ...largeMenteeProfile(index + 1), userId: m.id, createdAt: signedUp, updatedAt: signedUp }).run();
          });
      },
      { behavior: "immediate" },
    ),
  );
}
