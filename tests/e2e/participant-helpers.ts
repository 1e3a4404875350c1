import type { Page } from "@playwright/test";
import { calendarInMessage, type MessageWithCalendar } from "../support/ical";
import { expect, mailbox, type MailMessage, type TestAccount } from "./fixtures";
import { createPublishedEvent } from "./event-helpers";

export type EventRow = Awaited<ReturnType<typeof createPublishedEvent>>;

/** A message as the sink stored it, with its calendar and files. */
type WithCalendar = MailMessage & MessageWithCalendar;

let sequence = 0;

/** A published workshop with a unique title, and optionally a required question. */
export async function publishedEvent(organiser: Pick<TestAccount, "id">, options: { capacity?: number; question?: string } = {}) {
  sequence += 1;
  const title = `Participant workshop ${process.pid}-${Date.now().toString(36)}-${sequence}`;
  const event = await createPublishedEvent(organiser, { title, capacity: options.capacity ?? 20 });
  if (options.question) {
    const { db } = await import("~db/client.server");
    const { eventQuestions } = await import("~db/schema");
    db.insert(eventQuestions)
      .values({ id: `q${Date.now().toString(36)}${sequence}`, eventId: event.id, position: 0, label: options.question, kind: "text", required: true })
      .run();
  }
  return event;
}

export async function registrationOf(eventId: string, userId: string) {
  const { db } = await import("~db/client.server");
  const { registrations } = await import("~db/schema");
  const { and, eq } = await import("drizzle-orm");
  return db
    .select()
    .from(registrations)
    .where(and(eq(registrations.eventId, eventId), eq(registrations.userId, userId)))
    .get();
}

/**
 * The confirmation as received over SMTP: its ticket link, and a calendar invitation to the
 * person (text/calendar; method=REQUEST, event.ics attached) that parses, with the right start.
 */
export async function expectConfirmationWithIcs(to: string, event: EventRow): Promise<string> {
  const message = (await mailbox.waitFor(to, new RegExp(`Your seat at ${event.title} is confirmed`))) as WithCalendar;
  expect((message.attachments ?? []).map((f) => f.filename)).toEqual(["event.ics"]);
  expect(message.calendars?.[0]?.contentType).toMatch(/^text\/calendar; charset=utf-8; method=REQUEST/i);
  const { method, event: vevent } = calendarInMessage(message, "event.ics");
  expect(method).toBe("REQUEST");
  // Calendar times are whole seconds, in UTC.
  expect(vevent).toMatchObject({ start: Math.floor(event.startsAt / 1000) * 1000, utc: true, summary: event.title });
  expect(vevent.attendees.map((a) => a.email.toLowerCase())).toEqual([to.toLowerCase()]);
  return mailbox.link(message, "/me/tickets/");
}

/** Only this many messages of this kind reached the address (after waiting a moment for stragglers). */
export async function expectMessageCount(to: string, subject: RegExp, count: number) {
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const found = mailbox.all().filter((m) => m.to.some((a) => a.toLowerCase() === to.toLowerCase()) && subject.test(m.subject));
  expect(found, `${subject} to ${to}`).toHaveLength(count);
}

export async function expectFlash(page: Page, text: string | RegExp) {
  await expect(page.getByText(text)).toBeVisible();
}
