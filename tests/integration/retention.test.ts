import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { auditLog, dataExports, emailTokens, eventFeedback, jobs, outbox, registrationAnswers, retentionRuns, sessions, users } from "~db/schema";
import { clock, DAY, HOUR } from "~/utils/clock.server";
import { hashToken, randomId } from "~/utils/ids.server";
import { registerJobHandlers } from "~/jobs.server";
import { action as retentionAction, loader as retentionLoader } from "~/routes/admin.privacy.retention";
import { issueToken } from "~/modules/auth/index.server";
import { registerForEvent, saveFeedback } from "~/modules/events/index.server";
import { getOrganisation, recordAudit } from "~/modules/organisation/index.server";
import { enqueueMessage } from "~/modules/outbox/index.server";
import { ensureRetentionScheduled, runRetentionNow } from "~/modules/privacy/index.server";
import { addQuestion, createTestEvent, registrationOf, runAllDue } from "../support/event-factories";
import { createUser, formRequest, getRequest, loadContext, routeArgs, signIn, type TestUser } from "../support/factories";
import { activeMentorship } from "../support/mentoring-workspace-factories";
import { runRoute } from "../support/route-results";
import { createOpenCampaign, giftRow, insertGift } from "../support/sponsorship-factories";

// Retention: each kind of data is kept for the organisation's period after it stops being needed
// (defaults: accounts 3 years unused, answers 24 months after the event, gifts' donors 6 years,
// email texts 90 days, audit entries 6 years, ended sign-in records 30 days), then a nightly job
// removes it, says what it removed, and keeps what is recent.

const YEAR = 365 * DAY;
const NOW = Date.UTC(2027, 5, 1, 12);

let organiser: TestUser;
beforeAll(async () => {
  clock.set(NOW - 8 * YEAR);
  organiser = await createUser({ name: "Retention Organiser", roles: ["organiser"] });
  registerJobHandlers();
});
afterAll(() => clock.set(null));

/** Runs `make` with the clock at `at`, then puts it back at NOW. */
async function at<T>(when: number, make: () => T | Promise<T>): Promise<T> {
  clock.set(when);
  const result = await make();
  clock.set(NOW);
  return result;
}

const userRow = (id: string) => db.select().from(users).where(eq(users.id, id)).get()!;

describe("the retention run", () => {
  it("removes what is past its period, keeps what is recent, and reports the counts", async () => {
    // Accounts: one unused for four years goes; a recent log-in, an organiser and an open mentorship keep theirs.
    const unused = await at(NOW - 4 * YEAR, () => createUser({ name: "Long Gone Unused" }));
    const returning = await at(NOW - 4 * YEAR, () => createUser({ name: "Came Back Recently" }));
    await at(NOW - YEAR, () => signIn(returning.id));
    const idleOrganiser = await at(NOW - 4 * YEAR, () => createUser({ name: "Idle Organiser", roles: ["organiser"] }));
    const [idleMentor, idleMentee] = await at(NOW - 4 * YEAR, async () => [await createUser({ name: "Idle Mentor", roles: ["mentor"] }), await createUser({ name: "Idle Mentee" })]);
    await at(NOW - 4 * YEAR, () => activeMentorship(idleMentor.id, idleMentee.id));

    // Events: answers and comments of an event that ended 25 months ago go; a recent event's stay.
    const attendee = await at(NOW - 3 * DAY, () => createUser({ name: "Regular Attendee" }));
    await at(NOW - 3 * DAY, () => signIn(attendee.id));
    const booked = async (startsAt: number) =>
      at(startsAt - DAY, () => {
        const event = createTestEvent({ startsAt });
        const question = addQuestion(event.id, { label: "Anything we should know?", kind: "text" });
        registerForEvent(attendee.id, event.id, { [question.id]: "I use a wheelchair" });
        const registration = registrationOf(event.id, attendee.id)!;
        saveFeedback(registration.id, { rating: 4, comment: "Useful day" });
        return registration.id;
      });
    const oldRegistration = await booked(NOW - 26 * 30 * DAY);
    const recentRegistration = await booked(NOW - 60 * DAY);

    // Gifts: the donor's identity goes after six years; amounts and receipt numbers stay.
    const campaign = createOpenCampaign();
    const oldGifts = [
      insertGift(campaign, { amount: 10_000_00, at: NOW - 7 * YEAR, name: "Old Donor", email: "old.donor@example.org" }),
      insertGift(campaign, { amount: 5_000_00, at: NOW - 7 * YEAR + DAY, name: "Old Donor", email: "old.donor@example.org" }),
    ];
    const recentGift = insertGift(campaign, { amount: 3_000_00, at: NOW - YEAR, name: "Recent Donor", email: "recent.donor@example.org" });
    const receiptsBefore = oldGifts.map((id) => giftRow(id).receiptNumber);

    // Emails: texts of messages sent 100 days ago go; a recent one's and an unsent one's stay.
    const mail = (to: string) => db.transaction((tx) => enqueueMessage(tx, to, "password-changed", { name: "Someone" }));
    const oldMail = await at(NOW - 100 * DAY, async () => {
      const id = mail("old.mail@example.org");
      await runAllDue();
      return id;
    });
    const recentMail = await at(NOW - 10 * DAY, async () => {
      const id = mail("recent.mail@example.org");
      await runAllDue();
      return id;
    });

    // Audit entries older than six years go.
    await at(NOW - 7 * YEAR, () => recordAudit(db, { actorId: organiser.id, action: "settings.changed", details: { old: true } }));
    await at(NOW - YEAR, () => recordAudit(db, { actorId: organiser.id, action: "settings.changed", details: { recent: true } }));

    // Sign-in records: a session and a link that ended long ago go; today's stay.
    const oldSession = await at(NOW - 100 * DAY, () => signIn(attendee.id).sessionId);
    const todaysSession = signIn(attendee.id).sessionId;
    await at(NOW - 100 * DAY, () => db.transaction((tx) => issueToken(tx, { userId: attendee.id, purpose: "verify_email", email: attendee.email })));
    const exportRow = (expiresAt: number) => {
      const id = randomId(16);
      db.insert(dataExports).values({ id, userId: attendee.id, tokenHash: hashToken(randomId()), requestedAt: expiresAt - 7 * DAY, expiresAt }).run();
      return id;
    };
    const oldExport = exportRow(NOW - 40 * DAY);
    const liveExport = exportRow(NOW + 5 * DAY);

    clock.set(NOW);
    const run = runRetentionNow(organiser.id);

    expect(run.removed).toMatchObject({
      inactiveAccounts: 1,
      registrationAnswers: 1,
      feedbackComments: 1,
      donorIdentities: 2,
      // The old mail, and the old event's booking confirmation.
      emailBodies: 2,
      auditEntries: 1,
      // The session of 100 days ago, and the returning person's of a year ago.
      sessions: 2,
      emailLinks: 1,
      dataDownloads: 1,
    });
    expect(db.select().from(retentionRuns).where(eq(retentionRuns.id, run.id)).get()).toMatchObject({ at: NOW, removed: run.removed });
    expect(db.select().from(auditLog).where(and(eq(auditLog.action, "retention.ran"), eq(auditLog.targetId, run.id))).get()).toMatchObject({ actorId: organiser.id, details: run.removed });

    expect(userRow(unused.id)).toMatchObject({ name: "Erased person" });
    for (const kept of [returning, idleOrganiser, idleMentor, idleMentee, attendee]) expect(userRow(kept.id).erasedAt).toBeNull();

    expect(db.select().from(registrationAnswers).where(eq(registrationAnswers.registrationId, oldRegistration)).all()).toEqual([]);
    expect(db.select().from(eventFeedback).where(eq(eventFeedback.registrationId, oldRegistration)).get()).toMatchObject({ rating: 4, comment: "" });
    expect(db.select().from(registrationAnswers).where(eq(registrationAnswers.registrationId, recentRegistration)).get()?.value).toBe("I use a wheelchair");
    expect(db.select().from(eventFeedback).where(eq(eventFeedback.registrationId, recentRegistration)).get()?.comment).toBe("Useful day");

    const anonymised = oldGifts.map(giftRow);
    expect(anonymised.map((gift) => gift.donorName)).toEqual(["Anonymous donor", "Anonymous donor"]);
    expect(anonymised.map((gift) => gift.receiptNumber)).toEqual(receiptsBefore);
    expect(anonymised.map((gift) => gift.amount)).toEqual([10_000_00, 5_000_00]);
    // One placeholder for one donor, so the campaign still counts them once.
    expect(new Set(anonymised.map((gift) => gift.donorEmail)).size).toBe(1);
    expect(giftRow(recentGift)).toMatchObject({ donorName: "Recent Donor", donorEmail: "recent.donor@example.org" });

    const message = (id: string) => db.select().from(outbox).where(eq(outbox.id, id)).get()!;
    expect(message(oldMail)).toMatchObject({ status: "sent", html: null, text: null, props: {}, recipient: "old.mail@example.org" });
    expect(message(recentMail).html).toContain("Someone");

    const auditDetails = db.select().from(auditLog).where(eq(auditLog.action, "settings.changed")).all().map((entry) => entry.details);
    expect(auditDetails).toEqual([{ recent: true }]);

    const sessionIds = db.select({ id: sessions.id }).from(sessions).all().map((row) => row.id);
    expect(sessionIds).not.toContain(oldSession);
    expect(sessionIds).toContain(todaysSession);
    expect(db.select().from(emailTokens).where(eq(emailTokens.userId, attendee.id)).all()).toEqual([]);
    expect(db.select({ id: dataExports.id }).from(dataExports).all().map((row) => row.id)).toEqual([liveExport]);
    expect(oldExport).not.toBe(liveExport);

    // Nothing is left to remove a second time.
    expect(Object.values(runRetentionNow(organiser.id).removed).every((count) => count === 0)).toBe(true);
  });

  it("runs every night by itself and schedules the next night", async () => {
    clock.set(NOW);
    ensureRetentionScheduled();
    ensureRetentionScheduled();
    const scheduled = () => db.select().from(jobs).where(eq(jobs.kind, "privacy.retention")).all();
    expect(scheduled().filter((job) => job.status === "pending")).toHaveLength(1);
    const runsBefore = db.select().from(retentionRuns).all().length;
    clock.set(NOW + DAY);
    await runAllDue();
    expect(db.select().from(retentionRuns).all()).toHaveLength(runsBefore + 1);
    const next = scheduled().filter((job) => job.status === "pending");
    expect(next).toHaveLength(1);
    expect(next[0]!.runAt).toBeGreaterThan(NOW + DAY);
    expect(next[0]!.runAt - (NOW + DAY)).toBeLessThanOrEqual(DAY + HOUR);
  });
});

describe("the retention settings page", () => {
  let cookie: string;
  beforeAll(() => {
    clock.set(NOW);
    cookie = signIn(organiser.id).cookieHeader;
  });
  const post = (fields: Record<string, string>) =>
    runRoute(() => retentionAction(routeArgs({ request: formRequest("/admin/privacy/retention", fields, { cookie }), params: {}, context: loadContext() })));
  const valid = { intent: "save", erasureCoolingOffDays: "14", inactiveAccountYears: "3", pastRegistrationMonths: "24", financialRecordYears: "7", outboxBodyDays: "90", auditEntryYears: "6", sessionRecordDays: "30" };

  it("refuses periods out of bounds at the field, keeping what was typed", async () => {
    const refused = await post({ ...valid, outboxBodyDays: "2", inactiveAccountYears: "" });
    expect(refused.status).toBe(400);
    const reply = JSON.stringify(refused.data);
    expect(reply).toContain("Enter between 7 and 730 days");
    expect(reply).toContain("Enter a number of years");
    expect(reply).toContain('"outboxBodyDays":"2"');
    expect(getOrganisation().outboxBodyDays).toBe(90);
  });

  it("saves the periods with an audit entry, and shows the last runs", async () => {
    expect((await post(valid)).status).toBe(302);
    expect(getOrganisation().financialRecordYears).toBe(7);
    const entry = db.select().from(auditLog).where(eq(auditLog.action, "retention.changed")).get()!;
    expect(entry).toMatchObject({ actorId: organiser.id, details: { financialRecordYears: { from: 6, to: 7 } } });
    expect((await post({ intent: "run" })).status).toBe(302);
    const page = await runRoute(() => retentionLoader(routeArgs({ request: getRequest("/admin/privacy/retention", { cookie }), params: {}, context: loadContext() })));
    const { values, runs } = page.data as { values: Record<string, number>; runs: unknown[] };
    expect(values.financialRecordYears).toBe(7);
    expect(runs.length).toBeGreaterThanOrEqual(3);
  });
});
