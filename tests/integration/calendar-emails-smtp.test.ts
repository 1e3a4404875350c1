import { afterAll, describe, expect, it } from "vitest";
import { calendarInMessage } from "../support/ical";
import type { SunkMessage } from "../support/smtp-sink";
import { smtpSinkForFile } from "../support/smtp-file";

const smtp = smtpSinkForFile();

afterAll(async () => {
  const { clock } = await import("~/utils/clock.server");
  clock.set(null);
});

/** Delivers what is queued and waits for the message with this subject to this person. */
async function received(to: string, subject: RegExp): Promise<SunkMessage> {
  const { runWorkerOnce } = await import("~/modules/outbox/worker.server");
  await runWorkerOnce();
  return smtp.sink.waitFor((m) => m.to.includes(to) && subject.test(m.subject));
}

const T0 = Date.UTC(2026, 10, 25, 9, 0);

describe("event emails over SMTP", () => {
  it("a new time arrives as a REQUEST (same UID, higher SEQUENCE), a cancellation as a CANCEL, each named in the Content-Type", async () => {
    const { clock } = await import("~/utils/clock.server");
    clock.set(T0);
    const { cancelEvent, registerForEvent, updateEvent } = await import("~/modules/events/index.server");
    const { createTestEvent } = await import("../support/event-factories");
    const { editForm } = await import("../support/event-forms");
    const { createUser } = await import("../support/factories");
    const event = createTestEvent({ title: "Moving then cancelled" });
    const person = await createUser({ name: "Tolu" });
    expect(registerForEvent(person.id, event.id, {}).ok).toBe(true);
    const invitation = calendarInMessage(await received(person.email, /is confirmed/), "event.ics");
    expect(invitation.method).toBe("REQUEST");

    const form = editForm({ title: event.title, slug: event.slug, startsAt: "2026-12-10T10:00", endsAt: "2026-12-10T12:00" });
    expect(updateEvent({ actorId: null, eventId: event.id, form }).ok).toBe(true);
    const changed = calendarInMessage(await received(person.email, /^New /), "event.ics");
    expect(changed.method).toBe("REQUEST");
    expect(changed.event.uid).toBe(invitation.event.uid);
    expect(changed.event.sequence).toBeGreaterThan(invitation.event.sequence!);
    expect(changed.event.start).toBe(Date.UTC(2026, 11, 10, 9));
    expect(changed.event.attendees.map((a) => a.email)).toEqual([person.email]);

    expect(cancelEvent({ actorId: null, eventId: event.id }).ok).toBe(true);
    const cancelled = await received(person.email, /^Cancelled: /);
    expect(cancelled.calendars[0].contentType).toMatch(/^text\/calendar; charset=utf-8; method=CANCEL/i);
    const cancellation = calendarInMessage(cancelled, "event.ics");
    expect(cancellation.method).toBe("CANCEL");
    expect(cancellation.event).toMatchObject({ uid: invitation.event.uid, status: "CANCELLED", organizer: invitation.event.organizer, attendees: invitation.event.attendees });
    expect(cancellation.event.sequence).toBeGreaterThan(changed.event.sequence!);
  });
});

describe("mentoring session emails over SMTP", () => {
  it("a confirmed session arrives as a REQUEST to both, its cancellation as a CANCEL with the same UID and ATTENDEEs", async () => {
    const { clock, DAY } = await import("~/utils/clock.server");
    clock.set(T0);
    const { answerSession } = await import("~/modules/mentoring/index.server");
    const { createUser } = await import("../support/factories");
    const { activeMentorship, approvedMentorProfile, insertSession, menteeProfile } = await import("../support/mentoring-workspace-factories");
    const mentor = await createUser({ name: "Tunde Bakare", roles: ["mentor"] });
    const mentee = await createUser({ name: "Chiamaka Obi" });
    approvedMentorProfile(mentor.id);
    menteeProfile(mentee.id);
    const pairId = activeMentorship(mentor.id, mentee.id);
    const session = insertSession({ mentorshipId: pairId, proposedBy: mentee.id, startsAt: T0 + 3 * DAY, status: "proposed" });

    expect(answerSession({ mentorshipId: pairId, sessionId: session.id, userId: mentor.id, answer: "confirm" }).ok).toBe(true);
    const requests = await Promise.all([mentor, mentee].map(async (p) => calendarInMessage(await received(p.email, /^Confirmed: mentoring session/), "mentoring-session.ics")));
    for (const request of requests) {
      expect(request.method).toBe("REQUEST");
      expect(request.event.attendees.map((a) => a.email)).toEqual([mentor.email, mentee.email]);
    }

    expect(answerSession({ mentorshipId: pairId, sessionId: session.id, userId: mentee.id, answer: "cancel" }).ok).toBe(true);
    const cancelled = await received(mentor.email, /^Cancelled: mentoring session/);
    expect(cancelled.calendars[0].contentType).toMatch(/^text\/calendar; charset=utf-8; method=CANCEL/i);
    const cancellation = calendarInMessage(cancelled, "mentoring-session.ics");
    expect(cancellation.method).toBe("CANCEL");
    expect(cancellation.event).toMatchObject({ uid: requests[0].event.uid, status: "CANCELLED", organizer: requests[0].event.organizer, attendees: requests[0].event.attendees });
    expect(cancellation.event.sequence).toBeGreaterThan(requests[0].event.sequence!);
  });
});
