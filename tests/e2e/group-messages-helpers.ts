import { expect, type Page } from "@playwright/test";
import { createPublishedEvent, registerFor } from "./event-helpers";
import { createAccount, mailbox, type TestAccount } from "./fixtures";

// Messages to chosen groups: a workshop that took place last Saturday, and the organiser's form.

const HOUR = 60 * 60 * 1000;

/** 10:00 on the last Saturday before today, in the organisation's time zone (a week ago on a Saturday). */
async function lastSaturdayAtTen(): Promise<number> {
  const { TZDate } = await import("@date-fns/tz");
  const { getOrganisation } = await import("~/modules/organisation/settings.server");
  const today = new TZDate(Date.now(), getOrganisation().timeZone);
  const back = today.getDay() === 6 ? 7 : (today.getDay() + 1) % 7;
  const saturday = new TZDate(today.getFullYear(), today.getMonth(), today.getDate() - back, 10, 0, 0, getOrganisation().timeZone);
  return saturday.getTime();
}

export type PastWorkshop = { id: string; title: string; optionLabel: string; came: TestAccount[]; stayedAway: TestAccount[] };

/**
 * A workshop held last Saturday through the app's own functions: everyone registered, `came` were
 * checked in at the door, then it is moved to last Saturday, as the events specs move one into the past.
 */
export async function pastSaturdayWorkshop(organiser: TestAccount, names: { came: string[]; stayedAway: string[] }): Promise<PastWorkshop> {
  const title = `Resilience workshop ${Date.now().toString(36)}`;
  const event = await createPublishedEvent(organiser, { title });
  const came = await Promise.all(names.came.map((name) => createAccount({ name })));
  const stayedAway = await Promise.all(names.stayedAway.map((name) => createAccount({ name })));
  const { checkIn } = await import("~/modules/events/check-in/check-in.server");
  for (const person of came) {
    const registration = await registerFor(event.id, person);
    expect(checkIn({ eventId: event.id, by: organiser.id, shortCode: registration.shortCode })).toMatchObject({ ok: true, status: "checked-in" });
  }
  for (const person of stayedAway) await registerFor(event.id, person);
  const { db } = await import("~db/client.server");
  const { events } = await import("~db/schema");
  const { eq } = await import("drizzle-orm");
  const startsAt = await lastSaturdayAtTen();
  db.update(events).set({ startsAt, endsAt: startsAt + 3 * HOUR }).where(eq(events.id, event.id)).run();
  const { getOrganisation } = await import("~/modules/organisation/settings.server");
  const day = new Intl.DateTimeFormat("en-GB", { timeZone: getOrganisation().timeZone, weekday: "short", day: "numeric", month: "short" }).format(startsAt).replace(",", "");
  return { id: event.id, title, optionLabel: `${title}, ${day}`, came, stayedAway };
}

/** Someone checked in at another event: in no group of the workshop's. */
export async function checkedInElsewhere(organiser: TestAccount): Promise<TestAccount> {
  const other = await createPublishedEvent(organiser, { title: `CV clinic ${Date.now().toString(36)}` });
  const person = await createAccount({ name: "Elsewhere Person" });
  const registration = await registerFor(other.id, person);
  const { checkIn } = await import("~/modules/events/check-in/check-in.server");
  checkIn({ eventId: other.id, by: organiser.id, shortCode: registration.shortCode });
  return person;
}

/** Fills the message form for "checked in at" the workshop. */
export async function writeToCheckedIn(page: Page, workshop: PastWorkshop, subject: string) {
  await page.getByLabel("Subject").fill(subject);
  await page.getByLabel("Message").fill("Thank you for coming on Saturday. The slides and next steps are on the events page.");
  await page.getByLabel("Link (optional)").fill("/events");
  await page.getByLabel("Group").selectOption({ label: "Checked in at an event" });
  await page.getByLabel("Event or series").selectOption({ label: workshop.optionLabel });
}

/** The people the message reached by email, as the SMTP sink received it, once everyone expected has it. */
export async function emailedAddresses(subject: string, expected: TestAccount[]): Promise<string[]> {
  for (const person of expected) await mailbox.waitFor(person.email, new RegExp(subject));
  return mailbox
    .all()
    .filter((message) => message.subject.includes(subject))
    .flatMap((message) => message.to.map((address) => address.toLowerCase()))
    .sort();
}

/** How the server's outbox holds the message: one row per person, by address, once the worker sent them. */
export async function outboxRowsOf(broadcastId: string) {
  const { db } = await import("~db/client.server");
  const { outbox } = await import("~db/schema");
  const { eq } = await import("drizzle-orm");
  return db.select({ recipient: outbox.recipient, status: outbox.status, channel: outbox.channel }).from(outbox).where(eq(outbox.broadcastId, broadcastId)).all();
}

/** A message scheduled a month ahead, for the permissions table. */
export async function scheduledMessageFixture(organiserId: string): Promise<string> {
  const { sendOrScheduleBroadcast } = await import("~/modules/admin/index.server");
  const { instantToLocalInput } = await import("~/utils/dates");
  const { getOrganisation } = await import("~/modules/organisation/settings.server");
  const sendAtLocal = instantToLocalInput(Date.now() + 30 * 24 * HOUR, getOrganisation().timeZone);
  const scheduled = sendOrScheduleBroadcast({ actorId: organiserId, audience: { kind: "mentors" }, message: { subject: "Mentor meet-up", body: "Join us next month.", link: "" }, sendAtLocal });
  if (!scheduled.ok) throw new Error(`message not scheduled: ${scheduled.message}`);
  return scheduled.broadcastId;
}
