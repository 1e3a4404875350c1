import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventsIn, icsUtc, parseIcs, prop } from "../support/ics";
import { startSmtpSink, type SmtpSink } from "../support/smtp-sink";

let sink: SmtpSink;

// The app reads SMTP_URL when its modules load, so they are imported after it is set.
beforeAll(async () => {
  sink = await startSmtpSink();
  process.env.SMTP_URL = sink.url;
});

afterAll(async () => {
  const { closeMailTransport } = await import("~/modules/outbox/delivery.server");
  closeMailTransport();
  await sink.close();
});

describe("the confirmation email over SMTP", () => {
  it("carries the ticket link and the event as a calendar attachment", async () => {
    const { registerForEvent } = await import("~/modules/events/booking/booking.server");
    const { runWorkerOnce } = await import("~/modules/outbox/worker.server");
    const { createTestEvent } = await import("../support/event-factories");
    const { createUser } = await import("../support/factories");
    const event = createTestEvent({ title: "CV clinic: <bring yours>" });
    const person = await createUser({ name: "Tolu" });
    const booked = registerForEvent(person.id, event.id, {});
    if (!booked.ok) throw new Error(booked.message);
    await runWorkerOnce();
    const message = await sink.waitFor((m) => m.to.includes(person.email));

    expect(message.subject).toBe("Your seat at CV clinic: <bring yours> is confirmed");
    expect(message.text).toContain(`http://localhost:3000/me/tickets/${booked.registrationId}`);
    expect(message.attachments).toHaveLength(1);
    const [ics] = message.attachments;
    expect(ics.filename).toBe("event.ics");
    expect(ics.contentType).toMatch(/^text\/calendar; charset=utf-8; method=PUBLISH/i);
    const [vevent] = eventsIn(parseIcs(ics.content));
    expect(prop(vevent, "DTSTART")).toBe(icsUtc(event.startsAt));
    expect(prop(vevent, "SUMMARY")).toBe("CV clinic: <bring yours>");
  });
});
