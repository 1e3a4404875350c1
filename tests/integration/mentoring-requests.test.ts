import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { jobs, mentorProfiles, mentorships, outbox } from "~db/schema";
import { registerJobHandlers } from "~/jobs.server";
import { createMatchedMentorship, placesLeft } from "~/modules/mentoring/mentorships.server";
import { CHECK_IN_JOB } from "~/modules/mentoring/check-ins.server";
import { ASK_AGAIN_AFTER } from "~/modules/mentoring/requests.server";
import { clock, DAY, HOUR } from "~/utils/clock.server";
import * as mentorPage from "~/routes/mentors.$id";
import * as mentorsList from "~/routes/mentors._index";
import * as myMentoring from "~/routes/me.mentoring._index";
import { emailsOf, runAllDue } from "../support/event-factories";
import { formRequest, getRequest, loadContext, routeArgs } from "../support/factories";
import { createMatchRun, createMentee, createMentor, mentorshipRow, mentorshipsBetween } from "../support/mentoring-factories";
import { runRoute } from "../support/route-results";
import { renderEmail, type TemplateProps } from "~emails/registry";
import { REQUEST_LAPSE_JOB, requestMentor } from "~/modules/mentoring/index.server";

const T0 = Date.UTC(2026, 10, 2, 9, 0);
const MESSAGE = "I am moving into banking after ten years in retail and would love help with interviews.";

beforeAll(() => registerJobHandlers());
beforeEach(() => {
  clock.set(T0);
  db.delete(outbox).run();
  db.delete(jobs).run();
});
afterAll(() => clock.set(null));

type Person = { id: string; cookie: string };

function ask(mentee: Person, mentorId: string, message = MESSAGE) {
  return runRoute(() =>
    mentorPage.action(routeArgs({ request: formRequest(`/mentors/${mentorId}`, { message }, { cookie: mentee.cookie }), params: { id: mentorId }, context: loadContext() })),
  );
}

function answer(person: Person, fields: Record<string, string>) {
  return runRoute(() => myMentoring.action(routeArgs({ request: formRequest("/me/mentoring?index", fields, { cookie: person.cookie }), params: {}, context: loadContext() })));
}

function flash(result: { headers: Headers }): string {
  const cookie = result.headers.getSetCookie().find((c) => c.startsWith("flash="));
  return cookie ? (JSON.parse(decodeURIComponent(cookie.slice(6).split(";")[0])) as { message: string }).message : "";
}

const openRequest = (mentorId: string, menteeId: string) =>
  db
    .select()
    .from(mentorships)
    .where(and(eq(mentorships.mentorId, mentorId), eq(mentorships.menteeId, menteeId), eq(mentorships.status, "proposed")))
    .get();

describe("requesting a mentor", () => {
  it("sends the request with a 7-day answer-by date, emails the mentor (not the message) and books the lapse", async () => {
    const mentor = await createMentor({ name: "Tunde Bakare" });
    const mentee = await createMentee({ name: "Chiamaka Obi" });
    const result = await ask(mentee, mentor.id);
    expect(result.status).toBe(302);
    expect(result.headers.get("location")).toBe("/me/mentoring");
    const row = openRequest(mentor.id, mentee.id)!;
    expect(row).toMatchObject({ source: "request", requestMessage: MESSAGE, respondBy: T0 + 7 * DAY, createdAt: T0 });
    const [email] = emailsOf("mentor-request", mentor.email);
    expect(email.props).toMatchObject({ name: "Tunde Bakare", menteeName: "Chiamaka Obi", url: "http://localhost:3000/me/mentoring" });
    expect(JSON.stringify(email.props)).not.toContain("retail");
    const lapse = db.select().from(jobs).where(eq(jobs.kind, REQUEST_LAPSE_JOB)).all();
    expect(lapse.map((j) => j.runAt)).toEqual([T0 + 7 * DAY]);
  });

  it("lets only participants ask, checks the message, and writes nothing on a refusal", async () => {
    const mentor = await createMentor();
    const otherMentor = await createMentor();
    const tooShort = await ask(await createMentee(), mentor.id, "Hi");
    expect(tooShort.status).toBe(400);
    expect(JSON.stringify(tooShort.data)).toContain("Write at least 20 characters");
    const notParticipant = await ask(otherMentor, mentor.id);
    expect(notParticipant.status).toBe(403);
    const unknown = await ask(await createMentee(), "no-such-mentor");
    expect(unknown.status).toBe(404);
    const pending = await createMentor({ status: "pending" });
    expect((await ask(await createMentee(), pending.id)).status).toBe(404);
    expect(db.select().from(mentorships).where(eq(mentorships.mentorId, mentor.id)).all()).toEqual([]);
    expect(emailsOf("mentor-request")).toEqual([]);
  });

  it("keeps one open request per pair and at most three open requests per person", async () => {
    const mentee = await createMentee();
    const mentors = [await createMentor(), await createMentor(), await createMentor(), await createMentor()];
    expect((await ask(mentee, mentors[0].id)).status).toBe(302);
    const again = await ask(mentee, mentors[0].id);
    expect(again.status).toBe(409);
    expect(JSON.stringify(again.data)).toContain("already an open request");
    expect((await ask(mentee, mentors[1].id)).status).toBe(302);
    expect((await ask(mentee, mentors[2].id)).status).toBe(302);
    const fourth = await ask(mentee, mentors[3].id);
    expect(fourth.status).toBe(409);
    expect(JSON.stringify(fourth.data)).toContain("3 requests waiting");
    // Withdrawing one frees a slot.
    const withdrawn = await answer(mentee, { intent: "withdraw", id: openRequest(mentors[0].id, mentee.id)!.id });
    expect(flash(withdrawn)).toBe("Your request is withdrawn.");
    expect((await ask(mentee, mentors[3].id)).status).toBe(302);
  });

  it("holds to the hard rules: a shared language, a free place, and not a pair that ended", async () => {
    const frenchOnly = await createMentor({ languages: ["French"] });
    const mentee = await createMentee({ languages: ["English", "Hausa"] });
    const noLanguage = await ask(mentee, frenchOnly.id);
    expect(noLanguage.status).toBe(409);
    expect(JSON.stringify(noLanguage.data)).toContain("No language in common");
    const closed = await createMentor({ accepting: false });
    expect((await ask(mentee, closed.id)).status).toBe(409);
    const full = await createMentor({ capacity: 1 });
    expect(db.transaction((tx) => createMatchedMentorship(tx, { mentorId: full.id, menteeId: mentee.id, runId: createMatchRun(), now: T0 }))).toMatchObject({ ok: true });
    const other = await createMentee();
    const noRoom = await ask(other, full.id);
    expect(noRoom.status).toBe(409);
    // The pair that ended cannot start again through a request.
    db.update(mentorships).set({ status: "ended", endedAt: T0 }).where(eq(mentorships.mentorId, full.id)).run();
    const ended = await ask(mentee, full.id);
    expect(ended.status).toBe(409);
    expect(mentorshipsBetween(full.id, mentee.id)).toHaveLength(1);
  });
});

describe("answering a request", () => {
  it("accepting makes the mentorship active, tells the mentee, books the first check-in and takes a place", async () => {
    const mentor = await createMentor({ capacity: 2, name: "Tunde Bakare" });
    const mentee = await createMentee({ name: "Chiamaka Obi" });
    await ask(mentee, mentor.id);
    const id = openRequest(mentor.id, mentee.id)!.id;
    clock.set(T0 + 2 * DAY);
    const result = await answer(mentor, { intent: "accept", id });
    expect(result.headers.get("location")).toBe(`/me/mentoring/${id}`);
    expect(mentorshipRow(id)).toMatchObject({ status: "active", startedAt: T0 + 2 * DAY, respondedAt: T0 + 2 * DAY });
    const [email] = emailsOf("mentor-request-accepted", mentee.email);
    expect(email.props).toMatchObject({ mentorName: "Tunde Bakare", url: `http://localhost:3000/me/mentoring/${id}` });
    const checkIns = db.select().from(jobs).where(eq(jobs.kind, CHECK_IN_JOB)).all();
    expect(checkIns.map((j) => j.runAt)).toEqual([T0 + 2 * DAY + 30 * DAY]);
    expect(placesLeft(db, mentor.id)).toBe(1);
    // The lapse job, when it comes, leaves an accepted request alone.
    clock.set(T0 + 8 * DAY);
    await runAllDue();
    expect(mentorshipRow(id)!.status).toBe("active");
    expect(emailsOf("mentor-request-lapsed")).toEqual([]);
  });

  it("refuses to accept beyond capacity, and the request stays open", async () => {
    const mentor = await createMentor({ capacity: 1 });
    const first = await createMentee();
    const second = await createMentee();
    await ask(first, mentor.id);
    await ask(second, mentor.id);
    expect(flash(await answer(mentor, { intent: "accept", id: openRequest(mentor.id, first.id)!.id }))).toContain("You accepted");
    const refused = await answer(mentor, { intent: "accept", id: openRequest(mentor.id, second.id)!.id });
    expect(flash(refused)).toContain("You have no places left");
    expect(openRequest(mentor.id, second.id)).toBeDefined();
    expect(emailsOf("mentor-request-accepted", second.email)).toEqual([]);
  });

  it("declining tells the mentee by email and shows the mentor's reason on their page, never in the email organisers can read", async () => {
    const mentor = await createMentor({ name: "Tunde Bakare" });
    const mentee = await createMentee();
    await ask(mentee, mentor.id);
    const id = openRequest(mentor.id, mentee.id)!.id;
    const tooLong = await answer(mentor, { intent: "decline", id, reason: "x".repeat(501) });
    expect(tooLong.status).toBe(400);
    expect(mentorshipRow(id)!.status).toBe("proposed");
    await answer(mentor, { intent: "decline", id, reason: "My time is full until March." });
    expect(mentorshipRow(id)).toMatchObject({ status: "declined", declineReason: "My time is full until March." });
    const [email] = emailsOf("mentor-request-declined", mentee.email);
    expect(email.props).toMatchObject({ mentorName: "Tunde Bakare", withNote: true, url: "http://localhost:3000/mentors" });
    // The outbox (which organisers read) holds the props and the rendered message: the reason is in neither.
    expect(JSON.stringify(email.props)).not.toContain("My time is full");
    const rendered = await renderEmail("mentor-request-declined", email.props as TemplateProps<"mentor-request-declined">, { name: "Org", contactEmail: "" });
    expect(rendered.text).not.toContain("My time is full");
    expect(rendered.text).toContain("http://localhost:3000/me/mentoring");
    const page = await runRoute(() => myMentoring.loader(routeArgs({ request: getRequest("/me/mentoring", { cookie: mentee.cookie }), params: {}, context: loadContext() })));
    expect(JSON.stringify(page.data)).toContain("My time is full until March.");
  });

  it("after a no, the same person may ask that mentor again only once 30 days have passed", async () => {
    const mentor = await createMentor();
    const mentee = await createMentee();
    await ask(mentee, mentor.id);
    await answer(mentor, { intent: "decline", id: openRequest(mentor.id, mentee.id)!.id, reason: "" });
    const declinedAt = clock.now();
    const again = (now: number) => {
      clock.set(now);
      return requestMentor({ menteeId: mentee.id, mentorId: mentor.id, message: MESSAGE });
    };
    const soon = again(declinedAt + DAY);
    expect(soon).toMatchObject({ ok: false, message: expect.stringMatching(/said no to your last request\. You can ask them again from/) });
    expect(openRequest(mentor.id, mentee.id)).toBeUndefined();
    expect(again(declinedAt + ASK_AGAIN_AFTER + HOUR)).toMatchObject({ ok: true });
  });

  it("lets only the mentor asked answer, and only the mentee withdraw", async () => {
    const mentor = await createMentor();
    const stranger = await createMentor();
    const mentee = await createMentee();
    await ask(mentee, mentor.id);
    const id = openRequest(mentor.id, mentee.id)!.id;
    for (const [person, intent] of [
      [stranger, "accept"],
      [stranger, "decline"],
      [mentee, "accept"],
      [mentor, "withdraw"],
    ] as const) {
      expect(flash(await answer(person, { intent, id }))).toBe("This request is no longer open.");
    }
    expect(mentorshipRow(id)!.status).toBe("proposed");
    expect((await answer(mentor, { intent: "nonsense", id })).status).toBe(400);
  });

  it("lapses after 7 days without an answer; a late accept is refused and the mentee hears once", async () => {
    const mentor = await createMentor({ name: "Tunde Bakare" });
    const mentee = await createMentee();
    const late = await createMentee();
    await ask(mentee, mentor.id);
    await ask(late, mentor.id);
    const id = openRequest(mentor.id, mentee.id)!.id;
    const lateId = openRequest(mentor.id, late.id)!.id;
    clock.set(T0 + 7 * DAY - HOUR);
    await runAllDue();
    expect(mentorshipRow(id)!.status).toBe("proposed");
    // The mentor answers just after the deadline, before the worker got to it.
    clock.set(T0 + 7 * DAY + 1);
    expect(flash(await answer(mentor, { intent: "accept", id: lateId }))).toContain("lapsed");
    expect(mentorshipRow(lateId)!.status).toBe("lapsed");
    await runAllDue();
    expect(mentorshipRow(id)!.status).toBe("lapsed");
    expect(emailsOf("mentor-request-lapsed", mentee.email)).toHaveLength(1);
    expect(emailsOf("mentor-request-lapsed", late.email)).toHaveLength(1);
    expect(emailsOf("mentor-request-lapsed", mentee.email)[0].props).toMatchObject({ mentorName: "Tunde Bakare" });
  });
});

describe("the /mentors pages", () => {
  it("lists approved mentors best fit first, with reasons in words, and filters", async () => {
    const mentee = await createMentee({ languages: ["English"] });
    const best = await createMentor({ name: "Aaa Best Fit" });
    const french = await createMentor({ name: "Bbb French Only", languages: ["French"] });
    await createMentor({ name: "Ccc Pending", status: "pending" });
    const page = await runRoute(() => mentorsList.loader(routeArgs({ request: getRequest("/mentors", { cookie: mentee.cookie }), params: {}, context: loadContext() })));
    const { mentors, hasProfile } = page.data as Awaited<ReturnType<typeof mentorsList.loader>>;
    expect(hasProfile).toBe(true);
    const names = mentors.map((m) => m.mentor.name);
    expect(names).not.toContain("Ccc Pending");
    expect(names.indexOf("Aaa Best Fit")).toBeLessThan(names.indexOf("Bbb French Only"));
    const bestCard = mentors.find((m) => m.mentor.mentorId === best.id)!.mentor;
    expect(bestCard.reasons).toContain("Both speak English");
    expect(bestCard.eligible).toBe(true);
    expect(mentors.find((m) => m.mentor.mentorId === french.id)!.mentor.blockers).toContain("No language in common");
    const filtered = await runRoute(() =>
      mentorsList.loader(routeArgs({ request: getRequest("/mentors?language=French", { cookie: mentee.cookie }), params: {}, context: loadContext() })),
    );
    const onlyFrench = (filtered.data as Awaited<ReturnType<typeof mentorsList.loader>>).mentors.map((m) => m.mentor.mentorId);
    expect(onlyFrench).toContain(french.id);
    expect(onlyFrench).not.toContain(best.id);
  });

  it("finds mentors by name or field and shows them twenty at a time", async () => {
    const mentee = await createMentee();
    for (let i = 0; i < 22; i++) await createMentor({ name: `Paged Mentor ${String(i).padStart(2, "0")}` });
    const list = async (query: string) => {
      const result = await runRoute(() => mentorsList.loader(routeArgs({ request: getRequest(`/mentors${query}`, { cookie: mentee.cookie }), params: {}, context: loadContext() })));
      return result.data as Awaited<ReturnType<typeof mentorsList.loader>>;
    };
    const first = await list("?q=paged+mentor");
    expect(first.mentors).toHaveLength(20);
    expect(first.pageCount).toBe(2);
    const second = await list("?q=paged+mentor&page=2");
    expect(second.page).toBe(2);
    expect(second.mentors).toHaveLength(2);
    const seen = [...first.mentors, ...second.mentors].map((m) => m.mentor.name);
    expect(new Set(seen).size).toBe(22);
    expect((await list("?q=Paged+Mentor+07")).mentors.map((m) => m.mentor.name)).toEqual(["Paged Mentor 07"]);
    expect((await list("?q=banking+paged")).mentors).toHaveLength(20);
    expect((await list("?q=paged&page=99")).page).toBe(2);
  });

  it("names the mentor's time zone beside the times they are usually free", async () => {
    const mentor = await createMentor({ timeZone: "Europe/London" });
    db.update(mentorProfiles).set({ availability: [{ day: 0, start: 17 * 60, end: 21 * 60 }] }).where(eq(mentorProfiles.userId, mentor.id)).run();
    const mentee = await createMentee();
    const page = await runRoute(() => mentorPage.loader(routeArgs({ request: getRequest(`/mentors/${mentor.id}`, { cookie: mentee.cookie }), params: { id: mentor.id }, context: loadContext() })));
    expect((page.data as { availability: string }).availability).toBe("Monday evening (London time, GMT)");
  });

  it("shows a mentor's page to anyone signed in, a 404 for profiles not approved, and a log-in for nobody", async () => {
    const mentor = await createMentor({ name: "Tunde Bakare" });
    const pending = await createMentor({ status: "pending" });
    const sponsor = await createMentee({ roles: ["sponsor"], profile: false });
    const load = (id: string, cookie?: string) =>
      runRoute(() => mentorPage.loader(routeArgs({ request: getRequest(`/mentors/${id}`, { cookie }), params: { id }, context: loadContext() })));
    const seen = await load(mentor.id, sponsor.cookie);
    expect(seen.status).toBe(200);
    expect(seen.data).toMatchObject({ mentor: { name: "Tunde Bakare", scored: false }, isParticipant: false });
    expect((await load(pending.id, sponsor.cookie)).status).toBe(404);
    const anonymous = await load(mentor.id);
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toMatch(/^\/login\?/);
  });
});
