import type { Page } from "@playwright/test";
import { eventsIn, parseIcs, prop } from "../support/ics";
import { expect, mailbox, type MailMessage, type TestAccount } from "./fixtures";
import { createPublishedEvent } from "./event-helpers";

export type EventRow = Awaited<ReturnType<typeof createPublishedEvent>>;

/** A message as the sink stored it, with its files. */
type WithAttachments = MailMessage & { attachments?: { filename: string; contentType: string; content: string }[] };

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

/** The confirmation as received over SMTP: its ticket link, and a calendar file that parses, with the right start in UTC. */
export async function expectConfirmationWithIcs(to: string, event: EventRow): Promise<string> {
  const message = (await mailbox.waitFor(to, new RegExp(`Your seat at ${event.title} is confirmed`))) as WithAttachments;
  const files = message.attachments ?? [];
  expect(files.map((f) => f.filename)).toEqual(["event.ics"]);
  expect(files[0].contentType).toMatch(/^text\/calendar; charset=utf-8; method=PUBLISH/i);
  const [vevent] = eventsIn(parseIcs(files[0].content));
  expect(prop(vevent, "DTSTART")).toBe(new Date(event.startsAt).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, ""));
  expect(prop(vevent, "SUMMARY")).toBe(event.title);
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
