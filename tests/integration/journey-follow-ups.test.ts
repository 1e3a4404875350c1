import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { auditLog, followUps, jobs, mentorships, outcomes, stories } from "~db/schema";
import { clock, DAY } from "~/utils/clock.server";
import { randomId } from "~/utils/ids.server";
import { registerJobHandlers } from "~/jobs.server";
import { runDueJobs } from "~/modules/outbox/jobs.server";
import { eraseAccount } from "~/modules/privacy/erase-account.server";
import { getOrganisation } from "~/modules/organisation/index.server";
import { ensureFollowUpSweepScheduled, FOLLOW_UP_SWEEP_JOB, sendDueFollowUps, sendFollowUpReminders } from "~/modules/journey/index.server";
import { action as answerAction, loader as answerLoader } from "~/routes/follow-ups.$token";
import { action as settingsAction } from "~/routes/admin.settings";
import { createUser, formRequest, getRequest, loadContext, routeArgs, signIn, type TestUser } from "../support/factories";
import { installTestCurriculum, join, makeCohort, queued } from "../support/programme-factories";
import { runRoute } from "../support/route-results";

// "Where are you now?" 3, 6 and 12 months after a cohort or a mentorship ends: one message, one
// reminder two weeks on if unanswered, a one-page form behind a token that works without a log-in.

// The test cohort's three steps open every two days from 5 January 09:00 Lagos: it ends on the 9th.
const at = (month: number, day: number) => Date.UTC(2026, month, day, 8, 30);

let organiser: TestUser;
let ada: TestUser;
let bayo: TestUser;
let chidi: TestUser;

const tokenOf = (url: unknown) => String(url).split("/follow-ups/")[1]!;
const lastLink = (person: TestUser) => tokenOf(queued(person.email, "follow-up-request").at(-1)!.props.url);
const page = (token: string) => runRoute(() => answerLoader(routeArgs({ request: getRequest(`/follow-ups/${token}`), params: { token }, context: loadContext() })));
const answer = (token: string, fields: Record<string, string>) =>
  runRoute(() => answerAction(routeArgs({ request: formRequest(`/follow-ups/${token}`, fields), params: { token }, context: loadContext() })));

beforeAll(async () => {
  clock.set(Date.UTC(2026, 0, 2, 9));
  registerJobHandlers();
  organiser = await createUser({ roles: ["organiser"] });
  ada = await createUser({ name: "Ada Eze" });
  bayo = await createUser({ name: "Bayo Ade" });
  chidi = await createUser({ name: "Chidi Obi" });
  const mentor = await createUser({ roles: ["mentor"] });
  const cohortId = makeCohort({ actorId: organiser.id, curriculumId: installTestCurriculum(), startDate: "2026-01-05", name: "January cohort" });
  join(ada, cohortId);
  join(bayo, cohortId);
  // Chidi's mentorship ended on 1 February.
  db.insert(mentorships)
    .values({ id: randomId(16), mentorId: mentor.id, menteeId: chidi.id, source: "request", status: "ended", requestMessage: "", createdAt: clock.now(), startedAt: clock.now(), endedAt: Date.UTC(2026, 1, 1, 12) })
    .run();
});
afterAll(() => clock.set(null));

describe("the schedule", () => {
  it("is the organisation's, checked at the field", async () => {
    const cookie = signIn(organiser.id).cookieHeader;
    const save = (value: string) => runRoute(() => settingsAction(routeArgs({ request: formRequest("/admin/settings", { intent: "follow-up-months", followUpMonths: value }, { cookie }), params: {}, context: loadContext() })));
    const refused = await save("3, 0, fifty");
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.data)).toContain("Enter whole numbers of months from 1 to 36");
    expect((await save("12, 3, 6, 3")).status).toBe(302);
    expect(getOrganisation().followUpMonths).toEqual([3, 6, 12]);
    expect((await save("3,6")).status).toBe(302);
    expect(getOrganisation().followUpMonths).toEqual([3, 6]);
    expect(db.select().from(auditLog).where(eq(auditLog.action, "settings.follow_up_months_changed")).all().at(-1)!.details).toEqual({ from: [3, 6, 12], to: [3, 6] });
  });
});

describe("asking", () => {
  it("asks each cohort member once, three months after the cohort ended", async () => {
    clock.set(at(3, 8));
    expect(sendDueFollowUps(clock.now())).toBe(0);
    clock.set(at(3, 9));
    expect(sendDueFollowUps(clock.now())).toBe(2);
    expect(db.select().from(followUps).where(eq(followUps.userId, ada.id)).get()).toMatchObject({ trigger: "cohort", monthsAfter: 3, dueAt: Date.UTC(2026, 3, 9, 8), sentAt: clock.now() });
    expect(sendDueFollowUps(clock.now())).toBe(0);
    expect(queued(ada.email, "follow-up-request")).toHaveLength(1);
    expect(queued(ada.email, "follow-up-request")[0]!.props).toMatchObject({ since: "January cohort ended", months: 3, reminder: false });
    expect(queued(chidi.email, "follow-up-request")).toHaveLength(0);
  });

  it("opens a one-page form from the link, without a log-in, and records the answer once", async () => {
    const token = lastLink(ada);
    expect(await page(token)).toMatchObject({ status: 200, data: { state: "open", firstName: "Ada", months: 3 } });
    const invalid = await answer(token, { kind: "job", sector: "" });
    expect(invalid.status).toBe(400);
    expect(JSON.stringify(invalid.data)).toContain("Choose full time or part time");
    const done = await answer(token, { kind: "job", employer: "Paystack", sector: "Fintech", hours: "part_time", story: "My mentor's mock interview.", mayQuote: "on" });
    expect(done.status).toBe(302);
    const row = db.select().from(followUps).where(eq(followUps.userId, ada.id)).get()!;
    expect(row.answeredAt).toBe(clock.now());
    expect(db.select().from(outcomes).where(eq(outcomes.id, row.outcomeId!)).get()).toMatchObject({ kind: "job", source: "follow_up", employer: "Paystack" });
    expect(db.select().from(stories).where(eq(stories.userId, ada.id)).get()).toMatchObject({ text: "My mentor's mock interview.", mayQuote: true, byName: false, consentedAt: clock.now() });
    expect(await page(token)).toMatchObject({ status: 200, data: { state: "answered", kind: "job" } });
    expect((await answer(token, { kind: "searching" })).status).toBe(302);
    expect(db.select().from(outcomes).where(eq(outcomes.userId, ada.id)).all()).toHaveLength(1);
    expect((await page("not-a-real-token-at-all")).status).toBe(404);
  });

  it("reminds once after two weeks, with a new link; none after an answer; the link lasts 60 days", async () => {
    const first = lastLink(bayo);
    clock.advance(13 * DAY);
    expect(sendFollowUpReminders(clock.now())).toBe(0);
    clock.advance(DAY);
    expect(sendFollowUpReminders(clock.now())).toBe(1);
    expect(queued(ada.email, "follow-up-request")).toHaveLength(1);
    const reminder = queued(bayo.email, "follow-up-request").at(-1)!;
    expect(reminder.props).toMatchObject({ reminder: true });
    const second = lastLink(bayo);
    expect(second).not.toBe(first);
    expect((await page(first)).status).toBe(404);
    expect((await page(second)).data).toMatchObject({ state: "open" });
    clock.advance(30 * DAY);
    expect(sendFollowUpReminders(clock.now())).toBe(0);
    clock.advance(30 * DAY);
    expect(await page(second)).toMatchObject({ status: 410, data: { state: "expired" } });
    expect((await answer(second, { kind: "searching" })).status).toBe(302);
    expect(db.select().from(outcomes).where(eq(outcomes.userId, bayo.id)).all()).toHaveLength(0);
  });

  it("asks a mentee three months after the mentorship ended, and lets go of what fell due long ago", async () => {
    clock.set(Date.UTC(2026, 4, 2, 9));
    expect(sendDueFollowUps(clock.now())).toBe(1);
    expect(queued(chidi.email, "follow-up-request")[0]!.props).toMatchObject({ since: "your mentorship ended", months: 3 });
    expect(db.select().from(followUps).where(and(eq(followUps.userId, chidi.id), eq(followUps.trigger, "mentorship"))).all()).toHaveLength(1);
    // The six-month questions about the cohort fell due on 9 July; two months later they are let go.
    clock.set(Date.UTC(2026, 8, 15, 9));
    expect(sendDueFollowUps(clock.now())).toBe(0);
  });

  it("runs as a daily job that schedules the next day's", async () => {
    clock.set(Date.UTC(2026, 6, 9, 7));
    ensureFollowUpSweepScheduled();
    clock.set(Date.UTC(2026, 6, 9, 8, 1));
    await runDueJobs();
    expect(queued(ada.email, "follow-up-request").at(-1)!.props).toMatchObject({ months: 6 });
    expect(queued(bayo.email, "follow-up-request").at(-1)!.props).toMatchObject({ months: 6 });
    const pending = db.select().from(jobs).where(and(eq(jobs.kind, FOLLOW_UP_SWEEP_JOB), eq(jobs.status, "pending"))).all();
    expect(pending.map((job) => job.runAt)).toEqual([Date.UTC(2026, 6, 10, 8)]);
  });
});

describe("who is asked", () => {
  it("asks someone with two endings close together once, and never an erased account", async () => {
    clock.set(Date.UTC(2026, 7, 1, 9));
    const dayo = await createUser({ name: "Dayo Two Endings" });
    const eve = await createUser({ name: "Eve Erased" });
    const mentor = await createUser({ roles: ["mentor"] });
    const cohortId = makeCohort({ actorId: organiser.id, curriculumId: installTestCurriculum(), startDate: "2026-08-03", name: "August cohort" });
    join(dayo, cohortId);
    join(eve, cohortId);
    db.insert(mentorships)
      .values({ id: randomId(16), mentorId: mentor.id, menteeId: dayo.id, source: "request", status: "ended", requestMessage: "", createdAt: clock.now(), startedAt: clock.now(), endedAt: Date.UTC(2026, 7, 5, 12) })
      .run();
    expect(eraseAccount({ userId: eve.id, at: clock.now(), cause: "organiser", actorId: organiser.id, recordRequest: true })).toBe(true);

    clock.set(Date.UTC(2026, 10, 8, 9));
    expect(sendDueFollowUps(clock.now())).toBe(1);
    const rows = db.select().from(followUps).where(eq(followUps.userId, dayo.id)).all();
    expect(rows.map((row) => [row.trigger, row.sentAt !== null]).sort()).toEqual([
      ["cohort", false],
      ["mentorship", true],
    ]);
    expect(db.select().from(followUps).where(eq(followUps.userId, eve.id)).all()).toEqual([]);
    // The unsent question is never sent later, nor reminded.
    clock.advance(15 * DAY);
    expect(sendDueFollowUps(clock.now())).toBe(0);
    expect(sendFollowUpReminders(clock.now())).toBe(1);
    expect(queued(dayo.email, "follow-up-request")).toHaveLength(2);
  });
});
