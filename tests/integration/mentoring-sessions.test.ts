import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { jobs, mentoringSessions, mentorships } from "~db/schema";
import { SESSION_REMINDER_JOB } from "~/modules/mentoring/session-reminders.server";
import { cancelSessionsOfEndedMentorship } from "~/modules/mentoring/sessions.server";
import { action, loader } from "~/routes/me.mentoring.$id";
import { loader as icsLoader } from "~/routes/me.mentoring.$id.sessions.$sessionId[.ics]";
import { clock, DAY, HOUR, MINUTE } from "~/utils/clock.server";
import { emailsOf, runAllDue } from "../support/event-factories";
import { createUser, formRequest, getRequest, loadContext, signIn, type TestUser, routeArgs } from "../support/factories";
import { parseSingleEvent } from "../support/ical";
import { activeMentorship, approvedMentorProfile, insertSession, menteeProfile } from "../support/mentoring-workspace-factories";
import { runRoute } from "../support/route-results";
import { registerMentoringJobs, endMentorship } from "~/modules/mentoring/index.server";
import { updateOrganisation } from "~/modules/organisation/index.server";

// The mentor lives in London, the mentee in Lagos: one hour apart in December.
const NOW = Date.UTC(2026, 10, 30, 9); // Monday 30 November 2026
const STARTS = Date.UTC(2026, 11, 3, 13, 30); // 2:30 pm in Lagos, 1:30 pm in London

let mentor: TestUser, mentee: TestUser, outsider: TestUser, organiser: TestUser;
let cookie: Record<"mentor" | "mentee" | "outsider" | "organiser", string>;
let pairId: string;

beforeAll(async () => {
  registerMentoringJobs();
  updateOrganisation({ timeZone: "Africa/Lagos" });
  clock.set(NOW);
  mentor = await createUser({ name: "Tunde Bakare", roles: ["mentor"] });
  mentee = await createUser({ name: "Chiamaka Obi" });
  outsider = await createUser({ name: "Other Mentor", roles: ["mentor"] });
  organiser = await createUser({ roles: ["organiser"] });
  approvedMentorProfile(mentor.id, "Europe/London");
  approvedMentorProfile(outsider.id);
  menteeProfile(mentee.id, "Africa/Lagos");
  pairId = activeMentorship(mentor.id, mentee.id);
  cookie = {
    mentor: signIn(mentor.id).cookieHeader,
    mentee: signIn(mentee.id).cookieHeader,
    outsider: signIn(outsider.id).cookieHeader,
    organiser: signIn(organiser.id).cookieHeader,
  };
});

afterAll(() => clock.set(null));

type Who = keyof typeof cookie;
const path = () => `/me/mentoring/${pairId}`;

function post(who: Who, fields: Record<string, string>) {
  return runRoute(() => action(routeArgs({ request: formRequest(path(), fields, { cookie: cookie[who] }), params: { id: pairId }, context: loadContext() })));
}

function view(who: Who) {
  return runRoute(() => loader(routeArgs({ request: getRequest(path(), { cookie: cookie[who] }), params: { id: pairId }, context: loadContext() })));
}

function ics(who: Who, sessionId: string) {
  return runRoute(() => icsLoader(routeArgs({ request: getRequest(`${path()}/sessions/${sessionId}.ics`, { cookie: cookie[who] }), params: { id: pairId, sessionId }, context: loadContext() })));
}

/** The session's calendar file as served to one of the pair, parsed. */
async function download(who: Who, sessionId: string) {
  const response = (await icsLoader(routeArgs({ request: getRequest(`${path()}/sessions/${sessionId}.ics`, { cookie: cookie[who] }), params: { id: pairId, sessionId }, context: loadContext() }))) as Response;
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/calendar/);
  return parseSingleEvent(await response.text());
}

const bothOfThePair = () => [
  { email: mentor.email, name: "Tunde Bakare", partstat: "ACCEPTED", rsvp: "FALSE", role: "REQ-PARTICIPANT" },
  { email: mentee.email, name: "Chiamaka Obi", partstat: "ACCEPTED", rsvp: "FALSE", role: "REQ-PARTICIPANT" },
];

const proposal = { intent: "propose", date: "2026-12-03", time: "14:30", duration: "60", format: "video", location: "https://meet.example.org/abc", agenda: "My CV" };

function sessionsNow() {
  return db.select().from(mentoringSessions).where(eq(mentoringSessions.mentorshipId, pairId)).all();
}

describe("proposing a session", () => {
  it("refuses bad input with field errors and writes nothing", async () => {
    const cases: [Record<string, string>, string][] = [
      [{ ...proposal, location: " " }, "location"],
      [{ ...proposal, date: "2026-02-30" }, "date"],
      [{ ...proposal, date: "2026-11-29" }, "date"],
      [{ ...proposal, time: "25:00" }, "time"],
      [{ ...proposal, duration: "7" }, "duration"],
      [{ ...proposal, format: "carrier-pigeon" }, "format"],
    ];
    for (const [fields, field] of cases) {
      const result = await post("mentee", fields);
      expect(result.status, JSON.stringify(fields)).toBe(400);
      expect(Object.keys((result.data as { error: Record<string, unknown> }).error)).toContain(field);
    }
    expect(sessionsNow()).toHaveLength(0);
  });

  it("stores the instant the proposer meant in their own zone and emails the other side in theirs", async () => {
    const result = await post("mentee", proposal);
    expect(result.status).toBe(302);
    const [session] = sessionsNow();
    expect(session).toMatchObject({ startsAt: STARTS, status: "proposed", proposedBy: mentee.id, durationMinutes: 60, agenda: "My CV" });
    const [email] = emailsOf("mentoring-session-proposed", mentor.email);
    expect(email.props).toMatchObject({ name: "Tunde Bakare", otherName: "Chiamaka Obi", when: expect.stringMatching(/^Thursday,? 3 December 2026, 1:30 pm to 2:30 pm \(London time, GMT\)$/) });
    expect(emailsOf("mentoring-session-proposed", mentee.email)).toHaveLength(0);

    const menteePage = (await view("mentee")).data as { workspace: { upcoming: { when: string; canAnswer: boolean; canCancel: boolean }[]; zone: string } };
    expect(menteePage.workspace.zone).toBe("Lagos time, GMT+1");
    expect(menteePage.workspace.upcoming[0]).toMatchObject({ when: expect.stringMatching(/^Thursday,? 3 December 2026, 2:30 pm to 3:30 pm \(Lagos time, GMT\+1\)$/), canAnswer: false, canCancel: true });
    const mentorPage = (await view("mentor")).data as typeof menteePage;
    expect(mentorPage.workspace.upcoming[0]).toMatchObject({ when: expect.stringMatching(/^Thursday,? 3 December 2026, 1:30 pm to 2:30 pm \(London time, GMT\)$/), canAnswer: true, canCancel: false });
  });

  it("is refused to anyone outside the pair, organisers included", async () => {
    for (const who of ["outsider", "organiser"] as const) {
      expect((await view(who)).status).toBe(404);
      expect((await post(who, proposal)).status).toBe(404);
    }
    expect(sessionsNow()).toHaveLength(1);
  });
});

describe("answering a proposal", () => {
  it("lets only the other side confirm, then sends both a calendar file in their own time and schedules a reminder", async () => {
    const [session] = sessionsNow();
    const own = await post("mentee", { intent: "confirm", sessionId: session.id });
    expect(own.status).toBe(400);
    expect(await ics("mentee", session.id)).toMatchObject({ status: 404 });

    expect((await post("mentor", { intent: "confirm", sessionId: session.id })).status).toBe(302);
    expect((await post("mentor", { intent: "confirm", sessionId: session.id })).status).toBe(400);
    const confirmed = sessionsNow()[0];
    expect(confirmed).toMatchObject({ status: "confirmed", sequence: 1, respondedAt: NOW });

    const toMentee = emailsOf("mentoring-session-confirmed", mentee.email);
    const toMentor = emailsOf("mentoring-session-confirmed", mentor.email);
    expect(toMentee).toHaveLength(1);
    expect(toMentor).toHaveLength(1);
    expect(toMentee[0].props).toMatchObject({ when: expect.stringMatching(/^Thursday,? 3 December 2026, 2:30 pm to 3:30 pm \(Lagos time, GMT\+1\)$/) });
    expect(toMentor[0].props).toMatchObject({ when: expect.stringMatching(/^Thursday,? 3 December 2026, 1:30 pm to 2:30 pm \(London time, GMT\)$/) });
    const calendar = parseSingleEvent(String(toMentee[0].props.ics));
    expect(calendar.method).toBe("REQUEST");
    const { event } = calendar;
    expect(event.utc).toBe(true);
    expect(event.start).toBe(Date.UTC(2026, 11, 3, 13, 30));
    expect(event.end).toBe(Date.UTC(2026, 11, 3, 14, 30));
    expect(event.sequence).toBe(1);
    expect(event.uid).toBe(`mentoring-session-${session.id}@localhost`);
    // An invitation to both of the pair, from the organisation.
    expect(event.organizer?.email).toBe("no-reply@localhost");
    expect(event.attendees).toEqual(bothOfThePair());

    for (const who of ["mentor", "mentee"] as const) {
      expect((await ics(who, session.id)).status).toBe(200);
    }
    const downloaded = await download("mentee", session.id);
    expect(downloaded.event).toMatchObject({ start: Date.UTC(2026, 11, 3, 13, 30), status: "CONFIRMED", uid: event.uid, sequence: 1 });
    for (const who of ["outsider", "organiser"] as const) expect((await ics(who, session.id)).status).toBe(404);

    const reminders = db.select().from(jobs).where(eq(jobs.kind, SESSION_REMINDER_JOB)).all();
    expect(reminders.map((j) => j.runAt)).toEqual([STARTS - DAY]);
  });

  it("sends each side one reminder the day before, even when the job runs again", async () => {
    clock.set(STARTS - DAY + MINUTE);
    await runAllDue();
    db.update(jobs).set({ status: "pending", runAt: clock.now() }).where(eq(jobs.kind, SESSION_REMINDER_JOB)).run();
    await runAllDue();
    expect(emailsOf("mentoring-session-reminder", mentee.email)).toHaveLength(1);
    expect(emailsOf("mentoring-session-reminder", mentor.email)).toHaveLength(1);
    expect(emailsOf("mentoring-session-reminder", mentee.email)[0].props).toMatchObject({ otherName: "Tunde Bakare", location: "https://meet.example.org/abc" });
    clock.set(NOW);
  });

  it("emails the proposer when the other side declines", async () => {
    expect((await post("mentor", { ...proposal, date: "2026-12-10", time: "09:00" })).status).toBe(302);
    const session = sessionsNow().find((s) => s.status === "proposed")!;
    expect(session.startsAt).toBe(Date.UTC(2026, 11, 10, 9));
    expect((await post("mentor", { intent: "decline", sessionId: session.id })).status).toBe(400);
    expect((await post("mentee", { intent: "decline", sessionId: session.id })).status).toBe(302);
    const [email] = emailsOf("mentoring-session-declined", mentor.email);
    expect(email.props).toMatchObject({ otherName: "Chiamaka Obi", when: expect.stringMatching(/^Thursday,? 10 December 2026, 9:00 am to 10:00 am \(London time, GMT\)$/) });
    expect(db.select().from(mentoringSessions).where(eq(mentoringSessions.id, session.id)).get()!.status).toBe("declined");
  });
});

describe("cancelling", () => {
  it("lets either side cancel a confirmed session: the other gets a METHOD:CANCEL file and no reminder goes out", async () => {
    const session = insertSession({ mentorshipId: pairId, proposedBy: mentee.id, startsAt: NOW + 5 * DAY, status: "proposed" });
    expect((await post("mentor", { intent: "confirm", sessionId: session.id })).status).toBe(302);
    expect((await post("mentor", { intent: "cancel", sessionId: session.id })).status).toBe(302);
    const [email] = emailsOf("mentoring-session-cancelled", mentee.email);
    const calendar = parseSingleEvent(String(email.props.ics));
    expect(calendar.method).toBe("CANCEL");
    const { event } = calendar;
    expect(event.status).toBe("CANCELLED");
    expect(event.sequence).toBe(2);
    expect(event.uid).toBe(`mentoring-session-${session.id}@localhost`);
    // The same UID, ORGANIZER and ATTENDEEs as the invitation it cancels, so calendar apps match the two.
    const invitation = parseSingleEvent(String(emailsOf("mentoring-session-confirmed", mentee.email).find((e) => parseSingleEvent(String(e.props.ics)).event.uid === event.uid)!.props.ics));
    expect(invitation.method).toBe("REQUEST");
    expect(event.organizer).toEqual(invitation.event.organizer);
    expect(event.attendees).toEqual(invitation.event.attendees);
    expect(event.attendees).toEqual(bothOfThePair());
    expect(event.sequence).toBeGreaterThan(invitation.event.sequence!);
    // Its file stays available to the pair, saying it is called off; still hidden from anyone else.
    for (const who of ["mentor", "mentee"] as const) {
      expect((await download(who, session.id)).event).toMatchObject({ uid: event.uid, status: "CANCELLED", sequence: 2 });
    }
    for (const who of ["outsider", "organiser"] as const) expect((await ics(who, session.id)).status).toBe(404);

    const before = emailsOf("mentoring-session-reminder").length;
    clock.set(session.startsAt - DAY + MINUTE);
    await runAllDue();
    expect(emailsOf("mentoring-session-reminder")).toHaveLength(before);
    clock.set(NOW);
  });

  it("lets the proposer withdraw a waiting proposal, but not the other side, who declines instead", async () => {
    const session = insertSession({ mentorshipId: pairId, proposedBy: mentor.id, startsAt: NOW + 6 * DAY, status: "proposed" });
    expect((await post("mentee", { intent: "cancel", sessionId: session.id })).status).toBe(400);
    expect((await post("mentor", { intent: "cancel", sessionId: session.id })).status).toBe(302);
    const email = emailsOf("mentoring-session-cancelled", mentee.email).at(-1)!;
    expect(email.props.ics).toBeUndefined();
  });
});

describe("after the time", () => {
  it("lets each side mark it held or missed and the mentee rate it; nothing before the time", async () => {
    const upcoming = insertSession({ mentorshipId: pairId, proposedBy: mentor.id, startsAt: NOW + 2 * HOUR });
    expect((await post("mentee", { intent: "rate", sessionId: upcoming.id, rating: "4" })).status).toBe(400);
    expect((await post("mentor", { intent: "outcome", sessionId: upcoming.id, outcome: "held" })).status).toBe(400);

    const past = insertSession({ mentorshipId: pairId, proposedBy: mentor.id, startsAt: NOW - 2 * HOUR });
    expect((await post("mentor", { intent: "outcome", sessionId: past.id, outcome: "missed" })).status).toBe(302);
    expect((await post("mentor", { intent: "outcome", sessionId: past.id, outcome: "held" })).status).toBe(302);
    expect((await post("mentor", { intent: "rate", sessionId: past.id, rating: "5" })).status).toBe(400);
    expect((await post("mentee", { intent: "rate", sessionId: past.id, rating: "9" })).status).toBe(400);
    expect((await post("mentee", { intent: "rate", sessionId: past.id, rating: "4", comment: "Clear advice on my CV." })).status).toBe(302);
    expect((await post("mentee", { intent: "cancel", sessionId: past.id })).status).toBe(400);
    const stored = db.select().from(mentoringSessions).where(eq(mentoringSessions.id, past.id)).get()!;
    expect(stored).toMatchObject({ mentorOutcome: "held", menteeOutcome: "held", menteeRating: 4, menteeComment: "Clear advice on my CV.", status: "confirmed" });

    const mentorView = (await view("mentor")).data as { workspace: { past: { id: string; rating: number | null; comment: string; otherOutcome: string | null }[] } };
    const seen = mentorView.workspace.past.find((s) => s.id === past.id)!;
    expect(seen).toMatchObject({ rating: null, comment: "", otherOutcome: "We met" });
    expect(JSON.stringify(mentorView)).not.toContain("Clear advice on my CV.");
  });

  it("refuses another pair's session and unknown forms", async () => {
    const otherMentee = await createUser({ name: "Someone Else" });
    const otherPair = activeMentorship(outsider.id, otherMentee.id);
    const foreign = insertSession({ mentorshipId: otherPair, proposedBy: outsider.id, startsAt: NOW + 3 * DAY, status: "proposed" });
    expect((await post("mentee", { intent: "confirm", sessionId: foreign.id })).status).toBe(404);
    expect((await ics("mentee", foreign.id)).status).toBe(404);
    expect((await post("mentee", { intent: "launch-rockets" })).status).toBe(400);
  });

  it("freezes sessions once the mentorship has ended", async () => {
    const session = insertSession({ mentorshipId: pairId, proposedBy: mentee.id, startsAt: NOW + 4 * DAY, status: "proposed" });
    db.update(mentorships).set({ status: "ended", endedAt: NOW, endedBy: mentor.id }).where(eq(mentorships.id, pairId)).run();
    try {
      expect((await post("mentor", { intent: "confirm", sessionId: session.id })).status).toBe(400);
      expect((await post("mentee", proposal)).status).toBe(400);
      const page = (await view("mentee")).data as { workspace: { active: boolean; upcoming: { canAnswer: boolean; canCancel: boolean }[] } };
      expect(page.workspace.active).toBe(false);
      expect(page.workspace.upcoming.every((s) => !s.canAnswer && !s.canCancel)).toBe(true);
    } finally {
      db.update(mentorships).set({ status: "active", endedAt: null, endedBy: null }).where(eq(mentorships.id, pairId)).run();
    }
  });
});

describe("when a mentorship ends", () => {
  it("calls off the sessions still ahead and takes the confirmed ones out of both calendars", async () => {
    const leaving = await createUser({ name: "Leaving Mentee" });
    const pair = activeMentorship(mentor.id, leaving.id);
    const confirmed = insertSession({ mentorshipId: pair, proposedBy: mentor.id, startsAt: NOW + 2 * DAY });
    const waiting = insertSession({ mentorshipId: pair, proposedBy: leaving.id, startsAt: NOW + 3 * DAY, status: "proposed" });
    const held = insertSession({ mentorshipId: pair, proposedBy: mentor.id, startsAt: NOW - DAY });
    expect(endMentorship(leaving.id, pair, { reason: "Found a job", rating: 5 })).toEqual({ ok: true });
    const status = (id: string) => db.select().from(mentoringSessions).where(eq(mentoringSessions.id, id)).get()!.status;
    expect([status(confirmed.id), status(waiting.id), status(held.id)]).toEqual(["cancelled", "cancelled", "confirmed"]);
    for (const person of [mentor, leaving]) {
      const sent = emailsOf("mentoring-session-cancelled", person.email).filter((e) => e.props.becauseEnded === true);
      expect(sent).toHaveLength(1);
      const calendar = parseSingleEvent(String(sent[0].props.ics));
      expect(calendar.method).toBe("CANCEL");
      expect(calendar.event.uid).toBe(`mentoring-session-${confirmed.id}@localhost`);
      expect(calendar.event.attendees.map((a) => a.email)).toEqual([mentor.email, leaving.email]);
    }
    expect(db.transaction((tx) => cancelSessionsOfEndedMentorship(tx, pair, NOW), { behavior: "immediate" })).toBe(0);
  });
});
