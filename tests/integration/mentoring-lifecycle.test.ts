import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { jobs, mentoringSessions, mentorshipCheckIns, mentorships, outbox } from "~db/schema";
import { registerJobHandlers } from "~/jobs.server";
import { CHECK_IN_JOB } from "~/modules/mentoring/check-ins.server";
import { activeMentorshipsOf, createMatchedMentorship, mentorshipForViewer } from "~/modules/mentoring/mentorships.server";
import { clock, DAY } from "~/utils/clock.server";
import { randomId } from "~/utils/ids.server";
import * as adminOverview from "~/routes/admin.mentoring._index";
import * as checkInPage from "~/routes/check-ins.$token";
import * as endPage from "~/routes/me.mentoring.$id_.end";
import { emailsOf, runAllDue } from "../support/event-factories";
import { createUser, formRequest, getRequest, loadContext, signIn, routeArgs } from "../support/factories";
import { createMatchRun, createMentee, createMentor, mentorshipRow } from "../support/mentoring-factories";
import { runRoute } from "../support/route-results";
import { requestMentor } from "~/modules/mentoring/index.server";

const T0 = Date.UTC(2026, 10, 2, 9, 0);

beforeAll(() => registerJobHandlers());
beforeEach(() => {
  clock.set(T0);
  db.delete(outbox).run();
  db.delete(jobs).run();
});
afterAll(() => clock.set(null));

async function matchedPair(names: { mentor?: string; mentee?: string } = {}) {
  const mentor = await createMentor({ name: names.mentor ?? "Tunde Bakare" });
  const mentee = await createMentee({ name: names.mentee ?? "Chiamaka Obi" });
  const made = db.transaction((tx) => createMatchedMentorship(tx, { mentorId: mentor.id, menteeId: mentee.id, runId: createMatchRun(), now: T0 }));
  if (!made.ok) throw new Error(made.message);
  return { mentor, mentee, id: made.id };
}

// A fresh session at the moment of the request: tests move the clock past a session's lifetime.
const cookieOf = (person: { id: string }) => signIn(person.id).cookieHeader;
const end = (person: { id: string }, id: string, fields: Record<string, string>) =>
  runRoute(() => endPage.action(routeArgs({ request: formRequest(`/me/mentoring/${id}/end`, fields, { cookie: cookieOf(person) }), params: { id }, context: loadContext() })));
const loadEnd = (person: { id: string }, id: string) =>
  runRoute(() => endPage.loader(routeArgs({ request: getRequest(`/me/mentoring/${id}/end`, { cookie: cookieOf(person) }), params: { id }, context: loadContext() })));

describe("a published match", () => {
  it("makes an active mentorship, emails both sides and books the first check-in", async () => {
    const { mentor, mentee, id } = await matchedPair();
    expect(mentorshipRow(id)).toMatchObject({ status: "active", source: "match", startedAt: T0 });
    expect(emailsOf("mentorship-matched", mentor.email)[0].props).toMatchObject({ role: "mentor", otherName: "Chiamaka Obi" });
    expect(emailsOf("mentorship-matched", mentee.email)[0].props).toMatchObject({
      role: "mentee",
      otherName: "Tunde Bakare",
      url: `http://localhost:3000/me/mentoring/${id}`,
    });
    expect(db.select().from(jobs).where(eq(jobs.kind, CHECK_IN_JOB)).all().map((j) => j.runAt)).toEqual([T0 + 30 * DAY]);
    expect(activeMentorshipsOf(mentee.id)).toEqual([{ id, role: "mentee", other: { id: mentor.id, name: "Tunde Bakare", email: mentor.email }, startedAt: T0 }]);
  });

  it("is refused, with a reason, for a full, unapproved or closed mentor, an open pair or a pair that ended", async () => {
    const run = createMatchRun();
    const make = (mentorId: string, menteeId: string) => db.transaction((tx) => createMatchedMentorship(tx, { mentorId, menteeId, runId: run, now: T0 }));
    const full = await createMentor({ capacity: 1 });
    expect(make(full.id, (await createMentee()).id).ok).toBe(true);
    expect(make(full.id, (await createMentee()).id)).toEqual({ ok: false, status: 400, message: "This mentor has no places left." });
    const pending = await createMentor({ status: "pending" });
    expect(make(pending.id, (await createMentee()).id)).toEqual({ ok: false, status: 400, message: "This mentor's profile is not approved." });
    const closed = await createMentor({ accepting: false });
    expect(make(closed.id, (await createMentee()).id)).toMatchObject({ ok: false, message: expect.stringContaining("not taking new mentees") });
    const { mentor, mentee } = await matchedPair();
    expect(make(mentor.id, mentee.id)).toEqual({ ok: false, status: 400, message: "They are already mentor and mentee." });
    await end(mentee, activeMentorshipsOf(mentee.id)[0].id, { intent: "end", reason: "We reached our goals", rating: "5" });
    expect(make(mentor.id, mentee.id)).toEqual({ ok: false, status: 400, message: "They were paired before and that mentorship ended." });
  });
});

describe("mentorshipForViewer", () => {
  it("shows the mentorship to its two people only: a 404 for anyone else, organisers included", async () => {
    const { mentor, mentee, id } = await matchedPair();
    expect(mentorshipForViewer(id, mentor.id)).toMatchObject({ role: "mentor", mentee: { id: mentee.id, name: "Chiamaka Obi" } });
    expect(mentorshipForViewer(id, mentee.id)).toMatchObject({ role: "mentee", mentor: { id: mentor.id, email: mentor.email } });
    const organiser = await createUser({ roles: ["organiser"] });
    for (const outsider of [organiser.id, (await createMentor()).id, "no-such-user"]) {
      const result = await runRoute(() => mentorshipForViewer(id, outsider));
      expect(result.status).toBe(404);
    }
  });
});

describe("ending a mentorship", () => {
  it("ends it with a reason and a rating; the other side is emailed and rates on the same page", async () => {
    const { mentor, mentee, id } = await matchedPair();
    const bad = await end(mentee, id, { intent: "end", reason: "", rating: "9" });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.data)).toContain("Choose a rating from 1 to 5");
    expect(mentorshipRow(id)!.status).toBe("active");

    clock.set(T0 + 40 * DAY);
    const ended = await end(mentee, id, { intent: "end", reason: "I got a job", rating: "4" });
    expect(ended.status).toBe(302);
    expect(mentorshipRow(id)).toMatchObject({ status: "ended", endedAt: T0 + 40 * DAY, endedBy: mentee.id, endReason: "I got a job", menteeEndRating: 4, mentorEndRating: null });
    const [email] = emailsOf("mentorship-ended", mentor.email);
    expect(email.props).toMatchObject({ otherName: "Chiamaka Obi", url: `http://localhost:3000/me/mentoring/${id}/end` });
    expect(JSON.stringify(email.props)).not.toContain("I got a job");
    expect((await end(mentee, id, { intent: "end", reason: "Again", rating: "4" })).status).toBe(409);

    expect((await loadEnd(mentor, id)).data).toMatchObject({ status: "ended", otherName: "Chiamaka Obi", myRating: null, endedByMe: false });
    await end(mentor, id, { intent: "rate", rating: "3" });
    await end(mentor, id, { intent: "rate", rating: "5" });
    expect(mentorshipRow(id)).toMatchObject({ mentorEndRating: 5, menteeEndRating: 4 });
  });

  it("is a 404 for anyone but the pair, and for a request never accepted", async () => {
    const { id } = await matchedPair();
    const organiser = await createUser({ roles: ["organiser"] });
    const outsider = await createMentee();
    for (const person of [organiser, outsider]) {
      expect((await loadEnd(person, id)).status).toBe(404);
      expect((await end(person, id, { intent: "end", reason: "Taking over", rating: "1" })).status).toBe(404);
    }
    expect(mentorshipRow(id)!.status).toBe("active");
    const mentor = await createMentor();
    const asked = requestMentor({ menteeId: outsider.id, mentorId: mentor.id, message: "Please mentor me, I would value it." });
    if (!asked.ok) throw new Error(asked.message);
    expect((await loadEnd(outsider, asked.id)).status).toBe(404);
    expect((await end(mentor, asked.id, { intent: "end", reason: "Never started", rating: "1" })).status).toBe(404);
  });
});

describe("check-ins", () => {
  it("ask both sides at 30 days and then every 60 days while active, with five one-click links", async () => {
    const { mentor, mentee, id } = await matchedPair();
    clock.set(T0 + 30 * DAY);
    await runAllDue();
    const rows = db.select().from(mentorshipCheckIns).where(eq(mentorshipCheckIns.mentorshipId, id)).all();
    expect(rows.map((r) => r.userId).sort()).toEqual([mentor.id, mentee.id].sort());
    expect(rows.every((r) => r.dueAt === T0 + 30 * DAY)).toBe(true);
    const [mail] = emailsOf("mentorship-check-in", mentee.email);
    const links = (mail.props as { links: string[] }).links;
    expect(links).toHaveLength(5);
    expect(links[2]).toMatch(/^http:\/\/localhost:3000\/check-ins\/[a-z2-7]{32}\?rating=3$/);
    expect(emailsOf("mentorship-check-in", mentor.email)).toHaveLength(1);
    // Running again changes nothing; the next one is 60 days later.
    await runAllDue();
    expect(emailsOf("mentorship-check-in")).toHaveLength(2);
    expect(db.select().from(jobs).where(eq(jobs.kind, CHECK_IN_JOB)).all().map((j) => j.runAt).sort()).toEqual([T0 + 30 * DAY, T0 + 90 * DAY]);
    clock.set(T0 + 90 * DAY);
    await runAllDue();
    expect(emailsOf("mentorship-check-in")).toHaveLength(4);

    // After the mentorship ends, no more check-ins.
    await end(mentor, id, { intent: "end", reason: "Goals reached", rating: "5" });
    clock.set(T0 + 150 * DAY);
    await runAllDue();
    expect(emailsOf("mentorship-check-in")).toHaveLength(4);
  });

  it("records a rating only when the button is pressed; a second answer replaces the first", async () => {
    const { mentee, id } = await matchedPair();
    clock.set(T0 + 30 * DAY);
    await runAllDue();
    const link = new URL((emailsOf("mentorship-check-in", mentee.email)[0].props as { links: string[] }).links[3]);
    const token = link.pathname.split("/").pop()!;
    const row = () => db.select().from(mentorshipCheckIns).where(eq(mentorshipCheckIns.userId, mentee.id)).get()!;
    // A link scanner fetching the address records nothing.
    const seen = await runRoute(() => checkInPage.loader(routeArgs({ request: getRequest(link.pathname + link.search), params: { token }, context: loadContext() })));
    expect(seen.data).toEqual({ otherName: "Tunde Bakare", saved: null, chosen: 4 });
    expect(row().rating).toBeNull();
    const post = (fields: Record<string, string>, t = token) =>
      runRoute(() => checkInPage.action(routeArgs({ request: formRequest(`/check-ins/${t}`, fields), params: { token: t }, context: loadContext() })));
    expect((await post({ rating: "6" })).status).toBe(400);
    expect((await post({ rating: "4" })).status).toBe(302);
    expect(row()).toMatchObject({ rating: 4, ratedAt: T0 + 30 * DAY });
    await post({ rating: "2" });
    expect(row().rating).toBe(2);
    expect((await post({ rating: "5" }, randomId(20))).status).toBe(404);
    expect((await runRoute(() => checkInPage.loader(routeArgs({ request: getRequest("/check-ins/nope"), params: { token: "nope" }, context: loadContext() })))).status).toBe(404);
    expect(mentorshipRow(id)!.status).toBe("active");
  });
});

describe("the organisers' overview", () => {
  it("shows pairs, session counts and ratings, never what anyone wrote", async () => {
    const { mentor, mentee, id } = await matchedPair({ mentor: "Overview Mentor", mentee: "Overview Mentee" });
    const now = clock.now();
    const session = (mentorOutcome: "held" | "missed" | null, menteeRating: number | null) => ({
      id: randomId(16),
      mentorshipId: id,
      proposedBy: mentor.id,
      startsAt: now - DAY,
      durationMinutes: 60,
      format: "video" as const,
      location: "SECRET-LOCATION-MARKER",
      agenda: "SECRET-AGENDA-MARKER",
      status: "confirmed" as const,
      mentorOutcome,
      menteeRating,
      menteeComment: "SECRET-COMMENT-MARKER",
      createdAt: now,
      updatedAt: now,
    });
    db.insert(mentoringSessions).values([session("held", 4), session("held", 5), session("missed", null), session(null, null)]).run();
    const requester = await createMentee({ name: "Lapsed Requester" });
    const other = await createMentor({ name: "Silent Mentor" });
    await runRoute(() =>
      import("~/routes/mentors.$id").then((m) =>
        m.action(routeArgs({ request: formRequest(`/mentors/${other.id}`, { message: "SECRET-REQUEST-MARKER and some more words" }, { cookie: cookieOf(requester) }), params: { id: other.id }, context: loadContext() })),
      ),
    );
    clock.set(T0 + 8 * DAY);
    await runAllDue();
    await end(mentee, id, { intent: "end", reason: "SECRET-END-REASON-MARKER", rating: "3" });

    const organiser = await createUser({ roles: ["organiser"] });
    const result = await runRoute(() => adminOverview.loader(routeArgs({ request: getRequest("/admin/mentoring", { cookie: signIn(organiser.id).cookieHeader }), params: {}, context: loadContext() })));
    expect(result.status).toBe(200);
    const overview = result.data as Awaited<ReturnType<typeof adminOverview.loader>>;
    expect(overview.pairs.find((p) => p.id === id)).toMatchObject({
      mentorName: "Overview Mentor",
      menteeName: "Overview Mentee",
      status: "ended",
      sessionsProposed: 4,
      sessionsHeld: 2,
      sessionsMissed: 1,
      sessionRating: 4.5,
      sessionRatings: 2,
      menteeEndRating: 3,
    });
    expect(overview.requests).toContainEqual(expect.objectContaining({ menteeName: "Lapsed Requester", mentorName: "Silent Mentor", status: "lapsed" }));
    const endedRows = db.select().from(mentorships).where(eq(mentorships.status, "ended")).all().length;
    expect(overview.totals).toMatchObject({ ended: endedRows, lapsed: 1 });
    expect(JSON.stringify(overview)).not.toMatch(/SECRET-/);

    for (const roles of [["participant"], ["mentor"], ["sponsor"]] as const) {
      const person = await createUser({ roles: [...roles] });
      const denied = await runRoute(() => adminOverview.loader(routeArgs({ request: getRequest("/admin/mentoring", { cookie: signIn(person.id).cookieHeader }), params: {}, context: loadContext() })));
      expect(denied.status).toBe(403);
    }
  });
});
