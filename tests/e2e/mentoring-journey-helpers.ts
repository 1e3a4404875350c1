import type { Page } from "@playwright/test";
import { calendarInMessage, type MessageWithCalendar } from "../support/ical";
import { createAccount, expect, mailbox, type MailMessage, type TestAccount } from "./fixtures";

// The pair of the mentoring journeys: an approved mentor in London and a participant in Lagos
// with a mentee profile, written straight into the server's database.

type WithCalendar = MailMessage & MessageWithCalendar;

export async function mentorAndMentee(label: string): Promise<{ mentor: TestAccount; mentee: TestAccount }> {
  const mentor = await createAccount({ roles: ["mentor"], name: `Tunde ${label}` });
  const mentee = await createAccount({ roles: ["participant"], name: `Chiamaka ${label}` });
  const { db } = await import("~db/client.server");
  const { menteeProfiles, mentorProfiles } = await import("~db/schema");
  const now = Date.now();
  db.insert(mentorProfiles)
    .values({
      userId: mentor.id,
      headline: "Credit analyst, ten years in banking",
      bio: "I help people move into finance.",
      industries: ["Banking"],
      skills: ["Interviews"],
      languages: ["English", "Yoruba"],
      city: "Lagos",
      formats: ["video", "phone", "whatsapp"],
      capacity: 3,
      timeZone: "Europe/London",
      status: "approved",
      createdAt: now,
      updatedAt: now,
    })
    .run();
  db.insert(menteeProfiles)
    .values({ userId: mentee.id, targetRoles: ["Analyst"], industries: ["Banking"], goals: "A first job in a bank.", languages: ["English"], city: "Lagos", formats: ["video"], timeZone: "Africa/Lagos", createdAt: now, updatedAt: now })
    .run();
  return { mentor, mentee };
}

/** A date some days ahead as `<input type="date">` takes it, in `timeZone`. */
export function dateAhead(days: number, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(Date.now() + days * 86_400_000);
}

export async function sessionsOfPair(mentorshipId: string) {
  const { db } = await import("~db/client.server");
  const { mentoringSessions } = await import("~db/schema");
  const { eq } = await import("drizzle-orm");
  return db.select().from(mentoringSessions).where(eq(mentoringSessions.mentorshipId, mentorshipId)).all();
}

/** Moves a session into the past, as if its time had come and gone. */
export async function moveSessionToPast(sessionId: string) {
  const { db } = await import("~db/client.server");
  const { mentoringSessions } = await import("~db/schema");
  const { eq } = await import("drizzle-orm");
  db.update(mentoringSessions).set({ startsAt: Date.now() - 2 * 3_600_000 }).where(eq(mentoringSessions.id, sessionId)).run();
}

/** The confirmation really received over SMTP: the session's calendar invitation, parsed. */
export async function confirmationCalendar(to: string) {
  const message = (await mailbox.waitFor(to, /^Confirmed: mentoring session/)) as WithCalendar;
  return calendarInMessage(message, "mentoring-session.ics");
}

export async function proposeSession(page: Page, values: { date: string; time: string; place: string }) {
  await page.getByLabel("Date").fill(values.date);
  await page.getByLabel("Start time").fill(values.time);
  await page.getByLabel("How long").selectOption("60");
  await page.getByLabel("How you will meet").selectOption("video");
  await page.getByLabel("Place, link or phone number").fill(values.place);
  await page.getByRole("button", { name: "Propose this time" }).click();
}

export async function addNote(page: Page, kind: RegExp, body: string) {
  const radio = page.getByRole("radio", { name: kind });
  // Right after a navigation Chromium now and then drops the first click on a radio: try until it holds.
  await expect(async () => {
    await radio.check();
    await expect(radio).toBeChecked();
  }).toPass({ timeout: 5_000 });
  await page.getByLabel("Note", { exact: true }).fill(body);
  await page.getByRole("button", { name: "Save note" }).click();
}
