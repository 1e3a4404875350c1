import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action as reviewAction, loader as mentorsLoader } from "~/routes/admin.mentors";
import { action as mentorAction, loader as mentorLoader } from "~/routes/me.mentoring.mentor-profile";
import { action as menteeAction, loader as menteeLoader } from "~/routes/me.mentoring.profile";
import { clock } from "~/utils/clock.server";
import { createUser, formRequest, getRequest, loadContext, signIn, type TestUser, routeArgs } from "../support/factories";
import { createMenteeWithProfile, createMentorWithProfile } from "../support/mentoring-profile-factories";
import { runRoute } from "../support/route-results";
import { acceptRequest, getMenteeProfile, getMentorProfile, personTimeZone, mentorCard, requestMentor, suggestMentorsFor } from "~/modules/mentoring/index.server";
import { updateOrganisation } from "~/modules/organisation/index.server";

let organiser: TestUser;
const ctx = loadContext();

beforeAll(async () => {
  updateOrganisation({ timeZone: "Africa/Lagos" });
  clock.set(Date.UTC(2026, 10, 20, 9));
  organiser = await createUser({ name: "Org Aniser", roles: ["organiser"] });
});

afterAll(() => clock.set(null));

function post(run: typeof menteeAction, url: string, user: TestUser, fields: Record<string, string | string[]>) {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(key, v);
  const request = formRequest(url, {}, { cookie: signIn(user.id).cookieHeader });
  return runRoute(() => run(routeArgs({ request: new Request(request.url, { method: "POST", headers: request.headers, body }), params: {}, context: ctx })));
}

const menteeFields = {
  targetRoles: "Bank teller, customer service",
  industries: "Banking; Fintech",
  goals: "Practise interviews and improve my CV",
  languages: ["English", "Yoruba"],
  otherLanguages: "yoruba, Efik",
  city: "Lagos",
  formats: ["video", "whatsapp"],
  slots: ["0-evening", "5-morning"],
  timeZone: "Africa/Lagos",
};

describe("the mentee profile", () => {
  it("refuses bad input field by field, then saves a good profile and shows it again", async () => {
    const person = await createUser();
    const bad = await post(menteeAction, "/me/mentoring/profile", person, { timeZone: "Mars/Olympus", formats: "teleport", slots: "9-night" });
    expect(bad.status).toBe(400);
    const errors = (bad.data as { error: Record<string, string[]> }).error;
    expect(Object.keys(errors).sort()).toEqual(["formats[0]", "languages", "slots[0]", "timeZone"].sort());
    expect(getMenteeProfile(person.id)).toBeUndefined();

    const noLanguage = await post(menteeAction, "/me/mentoring/profile", person, { ...menteeFields, languages: [], otherLanguages: "" });
    expect(noLanguage.status).toBe(400);
    expect((noLanguage.data as { error: Record<string, string[]> }).error.languages).toEqual(["Choose at least one language"]);

    const saved = await post(menteeAction, "/me/mentoring/profile", person, menteeFields);
    expect(saved.status).toBe(302);
    const profile = getMenteeProfile(person.id)!;
    expect(profile).toMatchObject({
      targetRoles: ["Bank teller", "customer service"],
      industries: ["Banking", "Fintech"],
      languages: ["English", "Yoruba", "Efik"],
      formats: ["video", "whatsapp"],
      availability: [
        { day: 0, start: 17 * 60, end: 21 * 60 },
        { day: 5, start: 9 * 60, end: 12 * 60 },
      ],
    });
    const page = await runRoute(() => menteeLoader(routeArgs({ request: getRequest("/me/mentoring/profile", { cookie: signIn(person.id).cookieHeader }), params: {}, context: ctx })));
    expect(page.data).toMatchObject({ exists: true, defaults: { languages: ["English", "Yoruba"], otherLanguages: "Efik", slots: ["0-evening", "5-morning"] } });
  });

  it("stores a time zone typed in any letter case in its standard spelling", async () => {
    const person = await createUser();
    expect((await post(menteeAction, "/me/mentoring/profile", person, { ...menteeFields, timeZone: "europe/LONDON" })).status).toBe(302);
    expect(getMenteeProfile(person.id)!.timeZone).toBe("Europe/London");
    expect(personTimeZone(person.id)).toBe("Europe/London");
  });

  it("asks visitors to sign in", async () => {
    const result = await runRoute(() => menteeLoader(routeArgs({ request: getRequest("/me/mentoring/profile"), params: {}, context: ctx })));
    expect(result.status).toBe(302);
    expect(result.headers.get("location")).toMatch(/^\/login/);
  });
});

const mentorFields = {
  headline: "Branch manager, 12 years in retail banking",
  bio: "I started as a teller.",
  industries: "Banking",
  skills: "Interviews, CV writing",
  languages: ["English", "Yoruba"],
  city: "Lagos",
  remote: "on",
  formats: ["video", "in_person"],
  capacity: "3",
  accepting: "on",
  slots: ["0-evening"],
  timeZone: "Africa/Lagos",
};

describe("the mentor profile and its approval", () => {
  it("is for mentors only", async () => {
    const participant = await createUser();
    const result = await runRoute(() => mentorLoader(routeArgs({ request: getRequest("/me/mentoring/mentor-profile", { cookie: signIn(participant.id).cookieHeader }), params: {}, context: ctx })));
    expect(result.status).toBe(403);
    const posted = await post(mentorAction, "/me/mentoring/mentor-profile", participant, mentorFields);
    expect(posted.status).toBe(403);
    expect(getMentorProfile(participant.id)).toBeUndefined();
  });

  it("keeps a profile's lists to a sensible size: no repeated formats, no endless languages", async () => {
    const mentor = await createUser({ name: "Padded Mentor", roles: ["mentor"] });
    const flood = Array.from({ length: 500 }, (_, i) => `Tongue ${i}`);
    const flooded = await post(mentorAction, "/me/mentoring/mentor-profile", mentor, { ...mentorFields, languages: flood });
    expect(flooded.status).toBe(400);
    expect(Object.keys((flooded.data as { error: object }).error)).toEqual(["languages"]);
    expect(getMentorProfile(mentor.id)).toBeUndefined();

    const repeated = await post(mentorAction, "/me/mentoring/mentor-profile", mentor, { ...mentorFields, formats: ["video", "video", "phone", "video"] });
    expect(repeated.status).toBe(302);
    expect(getMentorProfile(mentor.id)!.formats).toEqual(["video", "phone"]);
  });

  it("goes for approval when first saved, stays approved when edited, and goes back for review after a rejection", async () => {
    const mentor = await createUser({ name: "Tunde Mentor", roles: ["mentor"] });
    const tooMany = await post(mentorAction, "/me/mentoring/mentor-profile", mentor, { ...mentorFields, capacity: "11", headline: "" });
    expect(tooMany.status).toBe(400);
    expect(Object.keys((tooMany.data as { error: object }).error).sort()).toEqual(["capacity", "headline"]);
    const bare = await post(mentorAction, "/me/mentoring/mentor-profile", mentor, {});
    expect(Object.keys((bare.data as { error: object }).error).sort()).toEqual(["capacity", "formats", "headline", "languages", "timeZone"]);

    expect((await post(mentorAction, "/me/mentoring/mentor-profile", mentor, mentorFields)).status).toBe(302);
    expect(getMentorProfile(mentor.id)).toMatchObject({ status: "pending", capacity: 3, remote: true, accepting: true, skills: ["Interviews", "CV writing"] });

    const mentee = await createMenteeWithProfile({ languages: ["English"] });
    expect(suggestMentorsFor(mentee.id).map((s) => s.mentorId)).not.toContain(mentor.id);
    expect(mentorCard(mentor.id)).toBeNull();

    const cookie = signIn(organiser.id).cookieHeader;
    const pending = await runRoute(() => mentorsLoader(routeArgs({ request: getRequest("/admin/mentors?status=pending", { cookie }), params: {}, context: ctx })));
    expect((pending.data as { mentors: { id: string }[] }).mentors.map((m) => m.id)).toContain(mentor.id);
    const approve = await post(reviewAction, "/admin/mentors?status=pending", organiser, { intent: "approve", userId: mentor.id });
    expect(approve.status).toBe(302);
    expect(getMentorProfile(mentor.id)?.status).toBe("approved");
    expect(mentorCard(mentor.id)).toMatchObject({ name: "Tunde Mentor", placesLeft: 3, scored: false });

    // Unticked checkboxes are absent from the form: the mentor pauses new mentees.
    const { accepting: _accepting, ...paused } = mentorFields;
    expect((await post(mentorAction, "/me/mentoring/mentor-profile", mentor, { ...paused, capacity: "2" })).status).toBe(302);
    expect(getMentorProfile(mentor.id)).toMatchObject({ status: "approved", accepting: false, capacity: 2 });

    expect((await post(reviewAction, "/admin/mentors", organiser, { intent: "reject", userId: mentor.id })).status).toBe(302);
    expect(getMentorProfile(mentor.id)?.status).toBe("rejected");
    await post(mentorAction, "/me/mentoring/mentor-profile", mentor, mentorFields);
    expect(getMentorProfile(mentor.id)?.status).toBe("pending");
  });

  it("lets only organisers review, and answers 404 for a profile that does not exist", async () => {
    const mentor = await createMentorWithProfile({ status: "pending" });
    expect((await post(reviewAction, "/admin/mentors", mentor, { intent: "approve", userId: mentor.id })).status).toBe(403);
    expect(getMentorProfile(mentor.id)?.status).toBe("pending");
    expect((await post(reviewAction, "/admin/mentors", organiser, { intent: "approve", userId: "nobody" })).status).toBe(404);
    expect((await post(reviewAction, "/admin/mentors", organiser, { intent: "crown", userId: mentor.id })).status).toBe(400);
  });
});

describe("the organisers' list of mentor profiles", () => {
  it("shows one status a page at a time, oldest change first, with counts that follow every review", async () => {
    const list = async (query: string) =>
      (await runRoute(() => mentorsLoader(routeArgs({ request: getRequest(`/admin/mentors${query}`, { cookie: signIn(organiser.id).cookieHeader }), params: {}, context: ctx })))).data as {
        counts: Record<string, number>;
        mentors: { id: string; name: string }[];
        page: number;
        pageCount: number;
      };
    const before = await list("?status=rejected");
    const made: string[] = [];
    for (let i = 0; i < 35; i++) {
      clock.set(Date.UTC(2020, 0, 1) + i * 60_000);
      made.push((await createMentorWithProfile({ status: "rejected", updatedAt: Date.UTC(2020, 0, 1) + i * 60_000 }, `Paged Mentor ${String(i).padStart(2, "0")}`)).id);
    }
    clock.set(null);
    const first = await list("?status=rejected");
    expect(first.counts.rejected).toBe(before.counts.rejected + 35);
    expect(first.mentors).toHaveLength(30);
    expect(first.pageCount).toBe(Math.ceil(first.counts.rejected / 30));
    const second = await list("?status=rejected&page=2");
    expect(second.page).toBe(2);
    const shown = [...first.mentors, ...second.mentors].map((m) => m.id);
    expect(new Set(shown).size).toBe(shown.length);
    // Changed longest ago first: the 35 made here (in 2020) lead, in the order they were changed.
    expect(shown.slice(0, 35)).toEqual(made);
    expect((await list("?status=rejected&page=99")).page).toBe(first.pageCount);
    expect((await list("?status=rejected&page=abc")).page).toBe(1);

    await post(reviewAction, "/admin/mentors?status=rejected", organiser, { intent: "approve", userId: made[0]! });
    const after = await list("?status=rejected");
    expect(after.counts.rejected).toBe(first.counts.rejected - 1);
    expect(after.counts.approved).toBe(first.counts.approved + 1);
    expect(after.mentors[0]!.id).toBe(made[1]);
  });
});

describe("suggestions", () => {
  it("sort approved mentors by fit with reasons, eligible first, and leave out the viewer", async () => {
    const strong = await createMentorWithProfile({ languages: ["Yoruba"], industries: ["Telecoms"], city: "Ibadan", skills: ["Networking"] }, "Strong Fit");
    const weak = await createMentorWithProfile({ languages: ["English"] }, "Weak Fit");
    const full = await createMentorWithProfile({ languages: ["Yoruba"], industries: ["Telecoms"], accepting: false }, "Paused Mentor");
    const mentee = await createMenteeWithProfile({ languages: ["Yoruba", "English"], industries: ["Telecoms"], city: "ibadan", goals: "networking" });
    const list = suggestMentorsFor(mentee.id);
    const ids = list.map((s) => s.mentorId);
    expect(ids.indexOf(strong.id)).toBeLessThan(ids.indexOf(weak.id));
    expect(ids.indexOf(weak.id)).toBeLessThan(ids.indexOf(full.id));
    const top = list.find((s) => s.mentorId === strong.id)!;
    // Industry 35, one skill of two 12.5, same city 15.
    expect(top).toMatchObject({ eligible: true, scored: true, score: 63 });
    expect(top.reasons).toEqual(expect.arrayContaining(["Both speak Yoruba", "Works in Telecoms, which you are aiming for", "Both in Ibadan"]));
    expect(list.find((s) => s.mentorId === full.id)).toMatchObject({ eligible: false, blockers: ["Not taking new mentees just now"] });
    expect(list.every((s, i) => i === 0 || !s.eligible || list[i - 1]!.eligible)).toBe(true);

    const noProfile = await createUser();
    const unscored = suggestMentorsFor(noProfile.id);
    expect(unscored.length).toBeGreaterThan(0);
    expect(unscored.every((s) => !s.scored && s.score === 0 && s.reasons.length === 0)).toBe(true);
  });
});

describe("the approved mentors behind every list", () => {
  it("are read afresh once anything is written: a mentor approved a moment ago, a place taken a moment ago", async () => {
    const mentee = await createMenteeWithProfile({ languages: ["English"] }, "Fresh Mentee");
    const other = await createMenteeWithProfile({ languages: ["English"] }, "Other Mentee");
    expect(suggestMentorsFor(mentee.id).map((s) => s.name)).not.toContain("Newcomer Mentor");

    const newcomer = await createMentorWithProfile({ languages: ["English"], capacity: 1 }, "Newcomer Mentor");
    const listed = suggestMentorsFor(mentee.id).find((s) => s.mentorId === newcomer.id);
    expect(listed).toMatchObject({ placesLeft: 1, eligible: true });

    const request = requestMentor({ menteeId: other.id, mentorId: newcomer.id, message: "Could you help me prepare?" });
    if (!request.ok) throw new Error(request.message);
    expect(acceptRequest(newcomer.id, request.id)).toMatchObject({ ok: true });
    expect(suggestMentorsFor(mentee.id).find((s) => s.mentorId === newcomer.id)).toMatchObject({ placesLeft: 0, eligible: false, blockers: ["No places left"] });
  });
});

describe("personTimeZone", () => {
  it("takes the mentor profile's zone, then the mentee profile's, then the organisation's", async () => {
    const mentor = await createMentorWithProfile({ timeZone: "Europe/London" });
    const mentee = await createMenteeWithProfile({ timeZone: "America/New_York" });
    const nobody = await createUser();
    expect(personTimeZone(mentor.id)).toBe("Europe/London");
    expect(personTimeZone(mentee.id)).toBe("America/New_York");
    expect(personTimeZone(nobody.id)).toBe("Africa/Lagos");
  });
});
