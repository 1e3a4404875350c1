import { describe, expect, it } from "vitest";
import { scorePair, utcIntervals, overlapMinutes, type MenteeTraits, type MentorTraits } from "~/modules/mentoring/scoring";

const mentor = (over: Partial<MentorTraits> = {}): MentorTraits => ({
  languages: ["English", "Yoruba"],
  formats: ["video", "in_person"],
  city: "Lagos",
  remote: true,
  industries: ["Banking", "Fintech"],
  skills: ["CV writing", "Interviews", "Excel"],
  availability: [{ day: 0, start: 17 * 60, end: 21 * 60 }],
  timeZone: "Africa/Lagos",
  accepting: true,
  ...over,
});

const mentee = (over: Partial<MenteeTraits> = {}): MenteeTraits => ({
  languages: ["yoruba"],
  formats: ["video"],
  city: "lagos ",
  industries: ["Banking"],
  targetRoles: ["Bank teller"],
  goals: "Get better at interviews and write a strong CV writing section",
  availability: [{ day: 0, start: 17 * 60, end: 21 * 60 }],
  timeZone: "Africa/Lagos",
  ...over,
});

const open = { placesLeft: 2, endedBefore: false };

describe("scorePair: hard rules", () => {
  it("accepts a pair meeting every hard rule and gives the full score with reasons in words", () => {
    const result = scorePair(mentor(), mentee(), open);
    expect(result.eligible).toBe(true);
    expect(result.blockers).toEqual([]);
    expect(result.score).toBe(100);
    expect(result.reasons).toEqual([
      "Both speak Yoruba",
      "Can meet by video call",
      "Works in Banking, which you are aiming for",
      "Can help with CV writing and Interviews, which your goals mention",
      "Both in Lagos",
      "Free at the same times, about 4 hours a week",
    ]);
  });

  it("needs a shared language", () => {
    const result = scorePair(mentor(), mentee({ languages: ["Hausa"] }), open);
    expect(result.eligible).toBe(false);
    expect(result.blockers).toEqual(["No language in common"]);
  });

  it("needs places left and the mentor accepting", () => {
    expect(scorePair(mentor(), mentee(), { placesLeft: 0, endedBefore: false }).blockers).toEqual(["No places left"]);
    expect(scorePair(mentor({ accepting: false }), mentee(), open).blockers).toEqual(["Not taking new mentees just now"]);
  });

  it("needs a format both accept, and in person only counts in the same city", () => {
    expect(scorePair(mentor({ formats: ["phone"] }), mentee({ formats: ["video"] }), open).blockers).toEqual(["No way of meeting that suits both"]);
    const abuja = scorePair(mentor({ formats: ["in_person"], city: "Abuja" }), mentee({ formats: ["in_person"] }), open);
    expect(abuja.eligible).toBe(false);
    const lagos = scorePair(mentor({ formats: ["in_person"] }), mentee({ formats: ["in_person", "phone"] }), open);
    expect(lagos.eligible).toBe(true);
    expect(lagos.reasons).toContain("Can meet in person");
    expect(scorePair(mentor({ formats: ["video", "whatsapp"] }), mentee({ formats: [] }), open).reasons).toContain("Can meet by video call or on WhatsApp");
  });

  it("refuses a pair whose mentorship already ended", () => {
    const result = scorePair(mentor(), mentee(), { placesLeft: 2, endedBefore: true });
    expect(result.eligible).toBe(false);
    expect(result.blockers).toEqual(["Paired before, and that mentorship ended"]);
  });

  it("lists every failed rule, not just the first", () => {
    const result = scorePair(mentor({ accepting: false, formats: ["phone"] }), mentee({ languages: ["French"] }), { placesLeft: 0, endedBefore: true });
    expect(result.blockers).toHaveLength(4);
  });
});

describe("scorePair: soft rules", () => {
  it("weighs industry, skills, city and availability separately", () => {
    const bare = mentee({ industries: ["Agriculture"], targetRoles: [], goals: "", city: "Kano", availability: [] });
    expect(scorePair(mentor(), bare, open).score).toBe(0);
    expect(scorePair(mentor(), { ...bare, industries: ["Banking"] }, open).score).toBe(35);
    expect(scorePair(mentor(), { ...bare, goals: "Practise interviews" }, open).score).toBe(13);
    expect(scorePair(mentor(), { ...bare, city: "Lagos" }, open).score).toBe(15);
    const oneHour = [{ day: 0, start: 20 * 60, end: 21 * 60 }];
    expect(scorePair(mentor(), { ...bare, availability: oneHour }, open).score).toBe(13);
  });

  it("gives part of the industry weight when only one of two wanted industries matches", () => {
    const result = scorePair(mentor({ skills: [], availability: [], city: "" }), mentee({ industries: ["Banking", "Oil and gas"] }), open);
    expect(result.score).toBe(18);
  });

  it("lines up availability across time zones", () => {
    // 18:00–20:00 Monday in London (winter, UTC+0) is 19:00–21:00 in Lagos (UTC+1).
    const london = mentee({ timeZone: "Europe/London", availability: [{ day: 0, start: 18 * 60, end: 20 * 60 }] });
    const result = scorePair(mentor({ availability: [{ day: 0, start: 19 * 60, end: 21 * 60 }] }), london, { ...open, at: Date.UTC(2026, 0, 12) });
    expect(result.reasons).toContain("Free at the same times, about 2 hours a week");
    // In British summer time both are UTC+1, so the windows only overlap for an hour.
    const summer = scorePair(mentor({ availability: [{ day: 0, start: 19 * 60, end: 21 * 60 }] }), london, { ...open, at: Date.UTC(2026, 6, 13) });
    expect(summer.reasons).toContain("Free at the same times, about 1 hour a week");
  });

  it("wraps a window that crosses Sunday midnight in UTC", () => {
    const tokyo = utcIntervals([{ day: 0, start: 60, end: 180 }], "Asia/Tokyo", Date.UTC(2026, 0, 12));
    // Monday 01:00–03:00 in Tokyo is Sunday 16:00–18:00 UTC.
    expect(tokyo).toEqual([[6 * 1440 + 16 * 60, 6 * 1440 + 18 * 60]]);
    const wrapped = utcIntervals([{ day: 0, start: 0, end: 120 }], "Africa/Lagos", Date.UTC(2026, 0, 12));
    expect(wrapped).toEqual([[7 * 1440 - 60, 7 * 1440], [0, 60]]);
    expect(overlapMinutes(wrapped, [[0, 30]])).toBe(30);
  });

  it("keeps the score within 0..100 whatever the profiles say", () => {
    const many = mentor({ industries: ["A", "B", "C"], skills: ["alpha", "beta", "gamma", "delta"], availability: [{ day: 1, start: 0, end: 1440 }] });
    const result = scorePair(many, mentee({ industries: ["a", "b", "c"], goals: "alpha beta gamma delta", city: "Lagos", availability: [{ day: 1, start: 0, end: 1440 }] }), open);
    expect(result.score).toBe(100);
  });
});
