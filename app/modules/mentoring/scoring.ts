import { tzOffset } from "@date-fns/tz";
import type { AvailabilityWindow, MentoringFormat } from "~db/schema/mentoring";
import { FORMAT_LABELS } from "./options";

// Pure: no database, no clock. The same function ranks /mentors and weighs the group assignment,
// so a suggestion and a proposal always give the same reasons.

export type MentorTraits = {
  languages: string[];
  formats: MentoringFormat[];
  city: string;
  remote: boolean;
  industries: string[];
  skills: string[];
  availability: AvailabilityWindow[];
  timeZone: string;
  accepting: boolean;
};

export type MenteeTraits = {
  languages: string[];
  formats: MentoringFormat[];
  city: string;
  industries: string[];
  targetRoles: string[];
  goals: string;
  availability: AvailabilityWindow[];
  timeZone: string;
};

/** `at` fixes the instant used to line up two time zones' weekly windows (summer time moves them). */
export type PairContext = { placesLeft: number; endedBefore: boolean; at?: number };

export type PairScore = { eligible: boolean; score: number; reasons: string[]; blockers: string[] };

export const WEIGHTS = { industry: 35, skills: 25, city: 15, availability: 25 } as const;
/** Weekly hours in common that earn the full availability weight. */
const FULL_OVERLAP_MINUTES = 120;
const WEEK = 7 * 24 * 60;
const REFERENCE_INSTANT = Date.UTC(2026, 0, 5);

const norm = (s: string) => s.trim().toLowerCase();

// Each list is normalised once: a kept mentor profile's for every request, a mentee's for every pair.
const normalisedLists = new WeakMap<readonly string[], { items: string[]; set: Set<string> }>();

function normalised(list: readonly string[]) {
  let found = normalisedLists.get(list);
  if (!found) {
    const items = list.map(norm);
    found = { items, set: new Set(items) };
    normalisedLists.set(list, found);
  }
  return found;
}

function common(a: readonly string[], b: readonly string[]): string[] {
  const wanted = normalised(b).set;
  const mine = normalised(a).items;
  return a.filter((_, index) => wanted.has(mine[index]!));
}

function joinWords(items: readonly string[], conjunction = "and"): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${conjunction} ${items[items.length - 1]}`;
}

const MEET_WORDS: Record<MentoringFormat, string> = { video: "by video call", phone: "by phone", in_person: "in person", whatsapp: "on WhatsApp" };

const sameCity = (a: string, b: string) => norm(a) !== "" && norm(a) === norm(b);

/** Formats both accept; meeting in person needs the same city. An empty list accepts any format. */
function sharedFormats(mentor: MentorTraits, mentee: MenteeTraits): MentoringFormat[] {
  const mentorFormats = mentor.formats.length ? mentor.formats : (Object.keys(FORMAT_LABELS) as MentoringFormat[]);
  const menteeFormats = new Set(mentee.formats.length ? mentee.formats : mentorFormats);
  return mentorFormats.filter((f) => menteeFormats.has(f) && (f !== "in_person" || sameCity(mentor.city, mentee.city)));
}

const offsets = new Map<string, number>();

function offsetMinutes(timeZone: string, at: number): number {
  const key = `${timeZone}|${at}`;
  let found = offsets.get(key);
  if (found === undefined) {
    found = tzOffset(timeZone, new Date(at));
    if (!Number.isFinite(found)) found = 0;
    if (offsets.size > 5000) offsets.clear();
    offsets.set(key, found);
  }
  return found;
}

const intervalCache = new WeakMap<readonly AvailabilityWindow[], { zone: string; at: number; intervals: [number, number][] }>();

/** Weekly windows moved to UTC minutes of the week, split where they wrap past Sunday midnight. */
export function utcIntervals(windows: readonly AvailabilityWindow[], timeZone: string, at = REFERENCE_INSTANT): [number, number][] {
  // One profile is scored against many others: reuse its intervals while zone and instant match.
  const cached = intervalCache.get(windows);
  if (cached && cached.zone === timeZone && cached.at === at) return cached.intervals;
  const intervals = toUtc(windows, timeZone, at);
  intervalCache.set(windows, { zone: timeZone, at, intervals });
  return intervals;
}

function toUtc(windows: readonly AvailabilityWindow[], timeZone: string, at: number): [number, number][] {
  const shift = offsetMinutes(timeZone, at);
  const out: [number, number][] = [];
  for (const w of windows) {
    const start = (((w.day * 1440 + w.start - shift) % WEEK) + WEEK) % WEEK;
    const end = start + (w.end - w.start);
    if (end <= WEEK) out.push([start, end]);
    else out.push([start, WEEK], [0, end - WEEK]);
  }
  return out;
}

export function overlapMinutes(a: readonly [number, number][], b: readonly [number, number][]): number {
  let total = 0;
  for (const [s1, e1] of a) for (const [s2, e2] of b) total += Math.max(0, Math.min(e1, e2) - Math.max(s1, s2));
  return total;
}

// A group run scores each profile against a hundred others: prepare each side's text once.
const goalTexts = new WeakMap<MenteeTraits, string>();
const skillWords = new WeakMap<readonly string[], { skill: string; phrase: string; words: string[] }[]>();

function goalText(mentee: MenteeTraits): string {
  let text = goalTexts.get(mentee);
  if (text === undefined) {
    text = ` ${[mentee.goals, ...mentee.targetRoles, ...mentee.industries].join(" ").toLowerCase()} `;
    goalTexts.set(mentee, text);
  }
  return text;
}

function wordsOf(skills: readonly string[]) {
  let found = skillWords.get(skills);
  if (!found) {
    found = skills.map((skill) => ({ skill, phrase: norm(skill), words: norm(skill).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3) }));
    skillWords.set(skills, found);
  }
  return found;
}

function skillsForGoals(mentor: MentorTraits, mentee: MenteeTraits): string[] {
  const text = goalText(mentee);
  return wordsOf(mentor.skills)
    .filter(({ phrase, words }) => words.length > 0 && (text.includes(phrase) || words.every((w) => text.includes(w))))
    .map(({ skill }) => skill);
}

function hoursInWords(minutes: number): string {
  const hours = Math.round(minutes / 30) / 2;
  return hours === 1 ? "1 hour" : `${hours} hours`;
}

export function scorePair(mentor: MentorTraits, mentee: MenteeTraits, ctx: PairContext): PairScore {
  const reasons: string[] = [];
  const blockers: string[] = [];

  const languages = common(mentor.languages, mentee.languages);
  if (languages.length) reasons.push(`Both speak ${joinWords(languages)}`);
  else blockers.push("No language in common");

  const formats = sharedFormats(mentor, mentee);
  if (formats.length) reasons.push(`Can meet ${joinWords(formats.map((f) => MEET_WORDS[f]), "or")}`);
  else blockers.push("No way of meeting that suits both");

  if (!mentor.accepting) blockers.push("Not taking new mentees just now");
  else if (ctx.placesLeft <= 0) blockers.push("No places left");
  if (ctx.endedBefore) blockers.push("Paired before, and that mentorship ended");

  let score = 0;
  const industries = common(mentor.industries, mentee.industries);
  if (industries.length) {
    score += WEIGHTS.industry * Math.min(1, industries.length / Math.min(2, mentee.industries.length));
    reasons.push(`Works in ${joinWords(industries)}, which you are aiming for`);
  }
  const skills = skillsForGoals(mentor, mentee);
  if (skills.length) {
    score += WEIGHTS.skills * Math.min(1, skills.length / 2);
    reasons.push(`Can help with ${joinWords(skills)}, which your goals mention`);
  }
  if (sameCity(mentor.city, mentee.city)) {
    score += WEIGHTS.city;
    reasons.push(`Both in ${mentor.city.trim()}`);
  }
  const overlap = overlapMinutes(
    utcIntervals(mentor.availability, mentor.timeZone, ctx.at),
    utcIntervals(mentee.availability, mentee.timeZone, ctx.at),
  );
  if (overlap > 0) {
    score += WEIGHTS.availability * Math.min(1, overlap / FULL_OVERLAP_MINUTES);
    reasons.push(`Free at the same times, about ${hoursInWords(overlap)} a week`);
  }
  return { eligible: blockers.length === 0, score: Math.round(score), reasons, blockers };
}
