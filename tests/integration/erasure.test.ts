import fs from "node:fs";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { auditLog, dataSubjectRequests, donations, eventFeedback, mentorshipNotes, mentorships, outbox, registrationAnswers, registrations, users } from "~db/schema";
import { clock, DAY, MINUTE } from "~/utils/clock.server";
import { registerJobHandlers } from "~/jobs.server";
import { action as loginAction } from "~/routes/login";
import { action as deleteAction, loader as deleteLoader } from "~/routes/me.privacy_.delete";
import { action as eraseAction } from "~/routes/admin.people.$id_.erase";
import { changeRoles, logIn } from "~/modules/auth/index.server";
import { attendanceCounts } from "~/modules/events/index.server";
import { programmeFigures } from "~/modules/cohorts/index.server";
import { enqueueMessage } from "~/modules/outbox/index.server";
import { campaignProgress } from "~/modules/sponsorship/index.server";
import { eraseOnRequest, requestErasure, scheduledErasureOf } from "~/modules/privacy/index.server";
import { buildErasureWorld, PHONE, type ErasureWorld } from "../support/erasure-world";
import { runAllDue } from "../support/event-factories";
import { createUser, formRequest, freshIp, getRequest, loadContext, routeArgs, signIn } from "../support/factories";
import { runRoute, setCookies } from "../support/route-results";

// The right to be forgotten: after the cooling-off period (or at once, by an organiser) a
// person's data is erased from every area and from the database file's bytes, while seat counts,
// attendance, completed steps, gift totals and receipt numbers still add up.

beforeAll(() => {
  clock.set(Date.UTC(2026, 11, 1, 9));
  registerJobHandlers();
});
afterAll(() => clock.set(null));

/** The database file and its write-ahead log as text, for a search of every byte. */
function databaseBytes(): string {
  const file = process.env.DATABASE_URL!;
  return [file, `${file}-wal`]
    .filter((path) => fs.existsSync(path))
    .map((path) => fs.readFileSync(path).toString("latin1"))
    .join("\n");
}

function totals(world: ErasureWorld) {
  const progress = campaignProgress(world.campaignId);
  const figures = programmeFigures();
  return {
    attendance: attendanceCounts(world.eventId),
    raised: progress.raised,
    donors: progress.donors,
    stepsCompleted: figures.stepsCompleted,
    hired: figures.applications.hired,
    certificates: figures.certificates,
    receipts: world.personGiftIds.map((id) => db.select({ receipt: donations.receiptNumber, amount: donations.amount, status: donations.status }).from(donations).where(eq(donations.id, id)).get()),
  };
}

const userRow = (id: string) => db.select().from(users).where(eq(users.id, id)).get()!;

describe("erasing a person", () => {
  it("erases them everywhere after the cooling-off period: the file holds no trace, and the totals still add up", async () => {
    const world = await buildErasureWorld("Erasure");
    const { person } = world;
    const before = totals(world);
    expect(before.donors).toBe(2);
    const bytesBefore = databaseBytes();
    for (const needle of [person.name, person.email, PHONE]) expect(bytesBefore).toContain(needle);

    const scheduled = await requestErasure(person, { password: person.password }, freshIp());
    expect(scheduled).toMatchObject({ ok: true, eraseAt: clock.now() + 14 * DAY });
    clock.advance(14 * DAY + MINUTE);
    await runAllDue();

    const bytes = databaseBytes();
    expect(bytes).not.toContain(person.name);
    expect(bytes.toLowerCase()).not.toContain(person.email);
    expect(bytes).not.toContain(PHONE);
    expect(totals(world)).toEqual(before);

    const row = userRow(person.id);
    expect(row).toMatchObject({ name: "Erased person", birthDate: null });
    expect(row.email).toMatch(/^erased-[a-z0-9]+@invalid\.example$/);
    expect(row.erasedAt).not.toBeNull();
    expect(await logIn({ email: person.email, password: person.password, ip: freshIp(), userAgent: null })).toMatchObject({ ok: false });
    // A cohort still emailing its members reaches no one through the placeholder.
    const stray = db.transaction((tx) => enqueueMessage(tx, row.email, "password-changed", { name: row.name }));
    expect(db.select().from(outbox).where(eq(outbox.id, stray)).get()).toMatchObject({ status: "skipped", skippedReason: "The account was erased." });

    // The mentor keeps their note, without the person in it; the person's own note is gone.
    const notes = db.select().from(mentorshipNotes).where(eq(mentorshipNotes.mentorshipId, world.mentorshipId)).all();
    expect(notes.map((note) => note.id)).toEqual([world.mentorNoteId]);
    expect(notes[0]!.body).toBe("[removed] did well at the mock interview. [removed] should apply to banks.");
    expect(db.select().from(mentorships).where(eq(mentorships.id, world.mentorshipId)).get()).toMatchObject({ status: "ended", requestMessage: "" });

    // Seats and ratings stay without the words; the bystander keeps everything.
    const theirs = db.select().from(registrations).where(eq(registrations.userId, person.id)).get()!;
    expect(theirs.checkedInAt).not.toBeNull();
    expect(db.select().from(registrationAnswers).where(eq(registrationAnswers.registrationId, theirs.id)).all()).toEqual([]);
    expect(db.select().from(eventFeedback).where(eq(eventFeedback.registrationId, theirs.id)).get()).toMatchObject({ rating: 5, comment: "" });
    expect(db.select().from(registrationAnswers).where(eq(registrationAnswers.registrationId, world.bystanderRegistrationId)).get()?.value).toBe("By email, thanks");
    expect(userRow(world.bystander.id)).toMatchObject({ name: world.bystander.name, email: world.bystander.email, erasedAt: null });
    expect(userRow(world.mentor.id).name).toBe(world.mentor.name);

    const request = db.select().from(dataSubjectRequests).where(eq(dataSubjectRequests.userId, person.id)).get()!;
    expect(request).toMatchObject({ kind: "erasure", status: "completed" });
    const entry = db.select().from(auditLog).where(and(eq(auditLog.action, "person.erased"), eq(auditLog.targetId, person.id))).get()!;
    expect(entry.details).toMatchObject({ cause: "request", request: request.id });
  });

  it("waits for the date: nothing happens before it, and logging in keeps the account", async () => {
    const person = await createUser({ name: "Kemi Returning Adeyemi" });
    const cookie = signIn(person.id).cookieHeader;
    const asked = await runRoute(() => deleteAction(routeArgs({ request: formRequest("/me/privacy/delete", { intent: "delete", password: person.password }, { cookie }), params: {}, context: loadContext(freshIp()) })));
    expect(asked.status).toBe(302);
    const page = await runRoute(() => deleteLoader(routeArgs({ request: getRequest("/me/privacy/delete", { cookie }), params: {}, context: loadContext() })));
    expect(page.data).toMatchObject({ eraseOn: expect.stringContaining("December 2026") });

    clock.advance(13 * DAY);
    await runAllDue();
    expect(userRow(person.id)).toMatchObject({ name: person.name, erasedAt: null });

    const login = await runRoute(() => loginAction(routeArgs({ request: formRequest("/login", { email: person.email, password: person.password, redirectTo: "/me" }), params: {}, context: loadContext(freshIp()) })));
    expect(login.status).toBe(302);
    expect(decodeURIComponent(setCookies(login).join(";"))).toContain("Your account will not be deleted");
    expect(scheduledErasureOf(person.id)).toBeNull();

    clock.advance(2 * DAY);
    await runAllDue();
    expect(userRow(person.id)).toMatchObject({ name: person.name, erasedAt: null });
    expect(db.select().from(dataSubjectRequests).where(eq(dataSubjectRequests.userId, person.id)).get()).toMatchObject({ status: "cancelled" });
  });

  it("asks for the right password, at the field, and lets the person cancel with a button", async () => {
    const person = await createUser({ name: "Femi Careful Okoro" });
    const cookie = signIn(person.id).cookieHeader;
    const post = (fields: Record<string, string>) =>
      runRoute(() => deleteAction(routeArgs({ request: formRequest("/me/privacy/delete", fields, { cookie }), params: {}, context: loadContext(freshIp()) })));
    const wrong = await post({ intent: "delete", password: "not-my-password" });
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(wrong.data)).toContain("That password is not right");
    expect((await post({ intent: "delete" })).status).toBe(400);
    expect(scheduledErasureOf(person.id)).toBeNull();

    expect((await post({ intent: "delete", password: person.password })).status).toBe(302);
    expect(scheduledErasureOf(person.id)).not.toBeNull();
    const cancelled = await post({ intent: "cancel" });
    expect(decodeURIComponent(setCookies(cancelled).join(";"))).toContain("Your account will not be deleted");
    clock.advance(15 * DAY);
    await runAllDue();
    expect(userRow(person.id).erasedAt).toBeNull();
  });

  it("lets an organiser erase someone at once, audited with the reason but not the name, never themselves or the last organiser", async () => {
    const world = await buildErasureWorld("Organiser");
    const { person, organiser } = world;
    const cookie = signIn(organiser.id).cookieHeader;
    const erase = (userId: string, fields: Record<string, string>) =>
      runRoute(() => eraseAction(routeArgs({ request: formRequest(`/admin/people/${userId}/erase`, fields, { cookie }), params: { id: userId }, context: loadContext() })));

    const unconfirmed = await erase(person.id, { reason: "Letter received" });
    expect(unconfirmed.status).toBe(400);
    expect(JSON.stringify(unconfirmed.data)).toContain("Tick the box");
    expect(JSON.stringify(unconfirmed.data)).toContain("Letter received");
    expect((await erase(organiser.id, { reason: "Testing myself", confirm: "on" })).status).toBe(403);

    const before = totals(world);
    const done = await erase(person.id, { reason: `Letter from ${person.name}, 3 December`, confirm: "on" });
    expect(done.status).toBe(302);
    expect(userRow(person.id).erasedAt).not.toBeNull();
    expect(totals(world)).toEqual(before);
    const entry = db.select().from(auditLog).where(and(eq(auditLog.action, "person.erased"), eq(auditLog.targetId, person.id))).get()!;
    expect(entry).toMatchObject({ actorId: organiser.id, details: { cause: "organiser", reason: "Letter from [removed], 3 December" } });
    expect(db.select().from(dataSubjectRequests).where(eq(dataSubjectRequests.userId, person.id)).get()).toMatchObject({ status: "completed", recordedBy: organiser.id });
    expect((await erase(person.id, { reason: "Again, by mistake", confirm: "on" })).status).toBe(404);
  });

  it("never erases the only organiser", async () => {
    const first = await createUser({ name: "First Organiser Test", roles: ["organiser"] });
    const second = await createUser({ name: "Second Organiser Test", roles: ["organiser"] });
    for (const user of db.select().from(users).all()) {
      if (user.id !== first.id && user.id !== second.id) changeRoles({ actorId: null, userId: user.id, roles: [] });
    }
    expect(eraseOnRequest({ actorId: second.id, userId: first.id, reason: "Asked by phone" })).toMatchObject({ ok: true });
    expect(await requestErasure(second, { password: second.password }, freshIp())).toMatchObject({ ok: false, code: "last-organiser" });
    expect(scheduledErasureOf(second.id)).toBeNull();
  });
});
