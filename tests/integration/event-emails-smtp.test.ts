import { describe, expect, it } from "vitest";
import { parseSingleEvent } from "../support/ical";
import { smtpSinkForFile } from "../support/smtp-file";

const smtp = smtpSinkForFile();

describe("the confirmation email over SMTP", () => {
  it("carries the ticket link and the event as a calendar invitation", async () => {
    const { registerForEvent } = await import("~/modules/events/booking/booking.server");
    const { runWorkerOnce } = await import("~/modules/outbox/worker.server");
    const { createTestEvent } = await import("../support/event-factories");
    const { createUser } = await import("../support/factories");
    const event = createTestEvent({ title: "CV clinic: <bring yours>" });
    const person = await createUser({ name: "Tolu" });
    const booked = registerForEvent(person.id, event.id, {});
    if (!booked.ok) throw new Error(booked.message);
    await runWorkerOnce();
    const message = await smtp.sink.waitFor((m) => m.to.includes(person.email));

    expect(message.subject).toBe("Your seat at CV clinic: <bring yours> is confirmed");
    expect(message.text).toContain(`http://localhost:3000/me/tickets/${booked.registrationId}`);
    expect(message.attachments).toHaveLength(1);
    const [ics] = message.attachments;
    expect(ics.filename).toBe("event.ics");
    // The invitation itself is the text/calendar part, its method named in the Content-Type as in the file.
    expect(message.calendars).toHaveLength(1);
    const [invitation] = message.calendars;
    expect(invitation.contentType).toMatch(/^text\/calendar; charset=utf-8; method=REQUEST/i);
    const calendar = parseSingleEvent(invitation.content);
    expect(calendar.method).toBe(invitation.method);
    expect(parseSingleEvent(ics.content)).toEqual(calendar);
    const vevent = calendar.event;
    // Calendar times are whole seconds.
    expect(vevent.start).toBe(Math.floor(event.startsAt / 1000) * 1000);
    expect(vevent.summary).toBe("CV clinic: <bring yours>");
    expect(vevent.attendees.map((a) => a.email)).toEqual([person.email]);
  });
});
