import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { events, jobs, outbox } from "~db/schema";
import { registerJobHandlers } from "~/jobs.server";
import { feedbackToken } from "~/modules/events/follow-up/feedback.server";
import { clock, DAY, HOUR, MINUTE } from "~/utils/clock.server";
import { createTestEvent, emailsOf, registrationOf, runAllDue } from "../support/event-factories";
import { createUser, type TestUser } from "../support/factories";
import { registerForEvent, feedbackFormFor, saveFeedback, cancelRegistration, rescheduleEventJobs, attendanceCounts, checkIn } from "~/modules/events/index.server";

const T0 = Date.UTC(2026, 10, 2, 9, 0);

beforeAll(() => registerJobHandlers());
beforeEach(() => {
  clock.set(T0);
  db.delete(outbox).run();
  db.delete(jobs).run();
});
afterAll(() => clock.set(null));


async function booked(eventId: string, count: number) {
  const list: TestUser[] = [];
  for (let i = 0; i < count; i++) {
    const person = await createUser({ name: `Attendee ${i + 1}` });
    const outcome = registerForEvent(person.id, eventId, {});
    if (!outcome.ok) throw new Error(outcome.message);
    list.push(person);
  }
  return list;
}

describe("reminders", () => {
  it("go once to each confirmed attendee, the configured hours before the start", async () => {
    const event = createTestEvent({ capacity: 2, startsAt: T0 + 3 * DAY, reminderHoursBefore: 48 });
    const [a, b, waiting] = await booked(event.id, 3);
    clock.set(T0 + DAY - MINUTE);
    await runAllDue();
    expect(emailsOf("event-reminder")).toHaveLength(0);
    clock.set(T0 + DAY);
    await runAllDue();
    expect(emailsOf("event-reminder").map((m) => m.recipient).sort()).toEqual([a.email, b.email].sort());
    expect(emailsOf("event-reminder", waiting.email)).toHaveLength(0);
    // Booking again, or running the worker again, sends nothing more.
    registerForEvent(a.id, event.id, {});
    clock.set(T0 + 2 * DAY);
    await runAllDue();
    expect(emailsOf("event-reminder")).toHaveLength(2);
  });

  it("follow the new start time when the event moves", async () => {
    const event = createTestEvent({ startsAt: T0 + 3 * DAY });
    const [a] = await booked(event.id, 1);
    // Moved a day later: the old reminder time passes without a reminder.
    db.update(events).set({ startsAt: T0 + 4 * DAY, endsAt: T0 + 4 * DAY + 2 * HOUR }).where(eq(events.id, event.id)).run();
    clock.set(T0 + 2 * DAY);
    await runAllDue();
    expect(emailsOf("event-reminder")).toHaveLength(0);
    clock.set(T0 + 3 * DAY);
    await runAllDue();
    expect(emailsOf("event-reminder", a.email)).toHaveLength(1);
    expect((emailsOf("event-reminder", a.email)[0].props as { when: string }).when).toContain("6 November 2026");
  });

  it("follow an earlier start time when the organiser's change reschedules them", async () => {
    const event = createTestEvent({ startsAt: T0 + 5 * DAY });
    const [a] = await booked(event.id, 1);
    db.transaction((tx) => {
      tx.update(events).set({ startsAt: T0 + 2 * DAY, endsAt: T0 + 2 * DAY + HOUR }).where(eq(events.id, event.id)).run();
      rescheduleEventJobs(tx, event.id);
    });
    clock.set(T0 + DAY);
    await runAllDue();
    expect(emailsOf("event-reminder", a.email)).toHaveLength(1);
    clock.set(T0 + 4 * DAY);
    await runAllDue();
    expect(emailsOf("event-reminder", a.email)).toHaveLength(1);
  });

  it("are not sent for a cancelled event or to people who cancelled", async () => {
    const event = createTestEvent({ startsAt: T0 + 3 * DAY });
    const [a, b] = await booked(event.id, 2);
    cancelRegistration(b.id, registrationOf(event.id, b.id)!.id);
    const other = createTestEvent({ startsAt: T0 + 3 * DAY });
    await booked(other.id, 1);
    db.update(events).set({ status: "cancelled" }).where(eq(events.id, other.id)).run();
    clock.set(T0 + 2 * DAY);
    await runAllDue();
    expect(emailsOf("event-reminder").map((m) => m.recipient)).toEqual([a.email]);
  });
});

describe("check-in", () => {
  it("finds people by QR token, short code or id, once, and counts them", async () => {
    const event = createTestEvent({ capacity: 3 });
    const organiser = await createUser({ roles: ["organiser"] });
    const [a, b, c] = await booked(event.id, 3);
    const [ra, rb, rc] = [a, b, c].map((p) => registrationOf(event.id, p.id)!);
    clock.set(event.startsAt);
    expect(attendanceCounts(event.id)).toEqual({ present: 0, expected: 3 });
    expect(checkIn({ eventId: event.id, by: organiser.id, token: ra.checkInToken })).toMatchObject({ ok: true, status: "checked-in", person: { name: a.name } });
    expect(checkIn({ eventId: event.id, by: organiser.id, shortCode: ` ${rb.shortCode.toLowerCase()} ` })).toMatchObject({ ok: true, status: "checked-in" });
    clock.set(event.startsAt + 10 * MINUTE);
    const again = checkIn({ eventId: event.id, by: organiser.id, registrationId: ra.id });
    expect(again).toEqual(expect.objectContaining({ ok: true, status: "already", checkedInAt: event.startsAt }));
    expect(attendanceCounts(event.id)).toEqual({ present: 2, expected: 3 });
    const tx = db.transaction((t) => checkIn(t, { eventId: event.id, by: organiser.id, registrationId: rc.id }));
    expect(tx).toMatchObject({ ok: true, status: "checked-in" });

    const elsewhere = createTestEvent();
    expect(checkIn({ eventId: elsewhere.id, by: organiser.id, token: ra.checkInToken })).toMatchObject({ ok: false, code: "not-found" });
    expect(checkIn({ eventId: event.id, by: organiser.id, shortCode: "" })).toMatchObject({ ok: false, code: "not-found" });
  });

  it("refuses people without a confirmed seat", async () => {
    const event = createTestEvent({ capacity: 1 });
    const organiser = await createUser({ roles: ["organiser"] });
    const [, waiting] = await booked(event.id, 2);
    const result = checkIn({ eventId: event.id, by: organiser.id, registrationId: registrationOf(event.id, waiting.id)!.id });
    expect(result).toMatchObject({ ok: false, code: "not-confirmed", registrationStatus: "waitlisted" });
    if (!result.ok) expect(result.message).toMatch(/waitlist/);
  });
});

describe("feedback", () => {
  it("is asked for once, only of people who were checked in", async () => {
    const event = createTestEvent({ capacity: 3 });
    const organiser = await createUser({ roles: ["organiser"] });
    const [came, absent, late] = await booked(event.id, 3);
    clock.set(event.startsAt);
    checkIn({ eventId: event.id, by: organiser.id, registrationId: registrationOf(event.id, came.id)!.id });
    clock.set(event.endsAt + HOUR);
    await runAllDue();
    expect(emailsOf("feedback-request").map((m) => m.recipient)).toEqual([came.email]);
    // Checked in after the requests went out: this person gets theirs at once, still only once.
    const lateRegistration = registrationOf(event.id, late.id)!;
    checkIn({ eventId: event.id, by: organiser.id, registrationId: lateRegistration.id });
    checkIn({ eventId: event.id, by: organiser.id, registrationId: lateRegistration.id });
    clock.set(event.endsAt + DAY);
    await runAllDue();
    expect(emailsOf("feedback-request").map((m) => m.recipient).sort()).toEqual([came.email, late.email].sort());
    expect(emailsOf("feedback-request", absent.email)).toHaveLength(0);

    const [request] = emailsOf("feedback-request", came.email);
    expect(request.status).toBe("sent");
    expect((request.props as { url: string }).url).toContain(`/events/${event.slug}/feedback?r=`);
  });

  it("opens with the emailed link or to the signed-in attendee, and keeps the first answer", async () => {
    const event = createTestEvent({ capacity: 2 });
    const organiser = await createUser({ roles: ["organiser"] });
    const [came, absent] = await booked(event.id, 2);
    const registration = registrationOf(event.id, came.id)!;
    clock.set(event.startsAt);
    checkIn({ eventId: event.id, by: organiser.id, registrationId: registration.id });
    const token = feedbackToken(registration);
    expect(feedbackFormFor(event.slug, { registrationId: registration.id, token })).toMatchObject({ state: "open" });
    expect(feedbackFormFor(event.slug, { registrationId: registration.id, token: token.replace(/.$/, "x") })).toBeNull();
    expect(feedbackFormFor(event.slug, { userId: came.id })).toMatchObject({ state: "open" });
    expect(feedbackFormFor(event.slug, { userId: absent.id })).toMatchObject({ state: "not-attended" });
    expect(feedbackFormFor(event.slug, {})).toBeNull();
    expect(saveFeedback(registration.id, { rating: 4, comment: " Useful " })).toEqual({ saved: true });
    expect(saveFeedback(registration.id, { rating: 1, comment: "" })).toEqual({ saved: false });
    expect(feedbackFormFor(event.slug, { userId: came.id })).toMatchObject({ state: "given", rating: 4 });
  });
});
