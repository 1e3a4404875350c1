import type { Page } from "@playwright/test";
import { calendarInMessage, type MessageWithCalendar } from "../support/ical";
import { waitForHydration } from "./account-helpers";
import { createDraftEvent, createPublishedEvent, localInput, registerFor } from "./event-helpers";
import { createAccount, expect, expectAccessible, mailbox, signIn, test, type MailMessage } from "./fixtures";

/** The message's calendar invitation (text/calendar part and event.ics), parsed. */
async function calendarMailed(to: string, subject: RegExp) {
  return calendarInMessage((await mailbox.waitFor(to, subject)) as MailMessage & MessageWithCalendar, "event.ics");
}

async function expectCounts(page: Page, present: number, expected: number) {
  const figures = page.locator(".figures");
  await expect(figures).toContainText(`${present} present`);
  await expect(figures).toContainText(`${expected} expected`);
}

test("an organiser creates and publishes a workshop, and it appears on the events page", async ({ page }) => {
  const organiser = await createAccount({ roles: ["organiser"], name: "Adaeze Organiser" });
  await signIn(page.context(), organiser);
  const title = `Bouncing back workshop ${Date.now().toString(36)}`;

  await page.goto("/admin");
  await page.locator(".card").getByRole("link", { name: "Events", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Events" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "New event" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New event" })).toBeVisible();
  await waitForHydration(page);
  await expectAccessible(page);

  // The form says what is wrong before anything is saved.
  await page.getByRole("button", { name: "Save as a draft" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary).toContainText("Enter a title");
  await expect(summary).toContainText("Enter the date and time the event starts");

  await page.getByLabel("Kind of event").selectOption("workshop");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Summary").fill("Practical tools for handling job rejections.");
  await page.getByLabel("Description").fill("Bring a **notebook**.\n\n- what a rejection says\n- what to do next");
  // Tomorrow morning, so it is near the top of the upcoming events.
  await page.getByLabel("Starts", { exact: true }).fill(await localInput(1, "09:00"));
  await page.getByLabel("Ends", { exact: true }).fill(await localInput(1, "08:00"));
  await page.getByLabel("Venue", { exact: true }).fill("Harmony Hub, Yaba");
  await page.getByLabel("Venue address").fill("14 Herbert Macaulay Way, Yaba, Lagos");
  await page.getByLabel("Map link (optional)").fill("https://maps.example.org/harmony-hub");
  await page.getByLabel("Seats", { exact: true }).fill("12");
  await page.getByRole("textbox", { name: "Question (optional)" }).first().fill("What kind of work are you looking for?");
  await page.getByRole("button", { name: "Save as a draft" }).click();
  await expect(summary).toContainText("The end must be after the start");
  await page.getByLabel("Ends", { exact: true }).fill(await localInput(1, "12:00"));
  await page.getByRole("button", { name: "Save as a draft" }).click();

  await expect(page.getByText("Saved as a draft. Publish it when it is ready.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("Draft", { exact: true }).first()).toBeVisible();
  await expect(page.getByText("What kind of work are you looking for?")).toBeVisible();
  await expect(page.locator(".prose strong")).toHaveText("notebook");
  // A draft has nobody to tell, so it is deleted rather than cancelled.
  await expect(page.getByRole("link", { name: "Cancel the event" })).toHaveCount(0);
  await expect(page.getByText("Delete this draft")).toBeVisible();
  await expectAccessible(page);
  const eventUrl = page.url();

  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByText("Published: the event is on the events page and takes registrations.")).toBeVisible();
  await expect(page.getByText("Published", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Cancel the event" })).toBeVisible();
  await expect(page.getByText("Delete this draft")).toHaveCount(0);
  const publicLink = page.getByRole("link", { name: /^\/events\// });
  const slug = (await publicLink.getAttribute("href"))!;

  // The public list: upcoming workshops, soonest first.
  await page.goto("/events?kind=workshop");
  for (let pageNumber = 1; pageNumber < 6; pageNumber++) {
    if (await page.getByRole("link", { name: title }).count()) break;
    await page.getByRole("link", { name: "Next page" }).click();
  }
  await expect(page.getByRole("link", { name: title })).toHaveAttribute("href", slug);
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("Harmony Hub, Yaba").first()).toBeVisible();

  // And the console lists it with its seats.
  await page.goto("/admin/events");
  const card = page.locator(".event-card").filter({ hasText: title });
  await expect(card).toContainText("0 of 12");
  await expect(card).toContainText("Published");
  await card.getByRole("link", { name: title }).click();
  await expect(page).toHaveURL(eventUrl);
});

/** Opens a draft's page, deletes it for good, and checks it is gone from the console. */
async function deleteDraft(page: Page, title: string, { javaScript }: { javaScript: boolean }) {
  const organiser = await createAccount({ roles: ["organiser"] });
  const event = await createDraftEvent(organiser, { title });
  await signIn(page.context(), organiser);
  await page.goto(`/admin/events/${event.id}`);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  if (javaScript) await waitForHydration(page);
  await expect(page.getByRole("link", { name: "Cancel the event" })).toHaveCount(0);
  await page.getByText("Delete this draft").click();
  await page.getByRole("button", { name: "Delete for good" }).click();
  await expect(page).toHaveURL(/\/admin\/events$/);
  await expect(page.getByText(`Deleted the draft “${title}”.`)).toBeVisible();
  await expect(page.locator(".event-card").filter({ hasText: title })).toHaveCount(0);
  const gone = await page.goto(`/admin/events/${event.id}`);
  expect(gone?.status()).toBe(404);
}

test("an organiser deletes a draft for good", async ({ page }) => {
  await deleteDraft(page, `Draft to delete ${Date.now().toString(36)}`, { javaScript: true });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("an organiser deletes a draft with the plain form", async ({ page }) => {
    await deleteDraft(page, `Draft deleted without JavaScript ${Date.now().toString(36)}`, { javaScript: false });
  });
});

test("moving a published event and then cancelling it emails the people registered, once each", async ({ page }) => {
  const organiser = await createAccount({ roles: ["organiser"] });
  const title = `Moving workshop ${Date.now().toString(36)}`;
  const event = await createPublishedEvent(organiser, { title, capacity: 1 });
  const seated = await createAccount({ name: "Seated Person" });
  const waiting = await createAccount({ name: "Waiting Person" });
  await registerFor(event.id, seated);
  await registerFor(event.id, waiting);
  await signIn(page.context(), organiser);

  await page.goto(`/admin/events/${event.id}`);
  await expect(page.getByRole("table", { name: "People with a seat, and their answers" })).toContainText("Seated Person");
  await expect(page.getByRole("table", { name: "The waiting list, first in line first" })).toContainText("Waiting Person");
  await page.getByRole("link", { name: "Edit" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Edit ${title}` })).toBeVisible();
  await waitForHydration(page);
  await expectAccessible(page);
  // Capacity cannot drop under the seat already taken.
  await page.getByLabel("Seats", { exact: true }).fill("0");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText("There must be at least 1 seat");
  await page.getByLabel("Seats", { exact: true }).fill("1");
  await page.getByLabel("Venue", { exact: true }).fill("Lekki Learning Loft");
  await page.getByLabel("Venue address").fill("3 Admiralty Road, Lekki Phase 1, Lagos");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved. 2 people were emailed about the new time or place.")).toBeVisible();
  for (const person of [seated, waiting]) {
    const message = await mailbox.waitFor(person.email, new RegExp(`New place: ${title}`));
    expect(message.text).toContain("Lekki Learning Loft, 3 Admiralty Road, Lekki Phase 1, Lagos");
    expect(message.text).toContain("Before: Harmony Hub, Yaba");
  }
  // The seat holder's calendar entry moves; the person waiting never had one.
  const moved = await calendarMailed(seated.email, new RegExp(`New place: ${title}`));
  expect(moved).toMatchObject({ method: "REQUEST", event: { location: "Lekki Learning Loft, 3 Admiralty Road, Lekki Phase 1, Lagos" } });
  expect(((await mailbox.waitFor(waiting.email, new RegExp(`New place: ${title}`))) as MessageWithCalendar).calendars).toEqual([]);

  await page.getByRole("link", { name: "Cancel the event" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Cancel ${title}?` })).toBeVisible();
  await expect(page.getByText("2 people will get an email saying it is cancelled")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("A message to the people registered (optional)").fill("The speaker is ill. We will run it again in the new year.");
  await page.getByRole("button", { name: "Yes, cancel the event" }).click();
  await expect(page.getByText("The event is cancelled. 2 people are being told by email.")).toBeVisible();
  await expect(page.getByText("Cancelled", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);
  for (const person of [seated, waiting]) {
    const message = await mailbox.waitFor(person.email, new RegExp(`Cancelled: ${title}`));
    expect(message.text).toContain("The speaker is ill.");
  }
  const calledOff = await calendarMailed(seated.email, new RegExp(`Cancelled: ${title}`));
  expect(calledOff).toMatchObject({ method: "CANCEL", event: { uid: moved.event.uid, status: "CANCELLED", attendees: moved.event.attendees } });
  expect(calledOff.event.sequence).toBeGreaterThan(moved.event.sequence!);
  const sent = mailbox.all().filter((m) => m.subject.includes(title) && /New place|Cancelled/.test(m.subject));
  expect(sent).toHaveLength(4);
});

test.describe("check-in at the door, on a phone", () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test("search and mark present, type a ticket code, or open the QR code's address", async ({ page }) => {
    const organiser = await createAccount({ roles: ["organiser"] });
    const event = await createPublishedEvent(organiser, { title: `Door workshop ${Date.now().toString(36)}` });
    const chiamaka = await createAccount({ name: "Chiamaka Eze" });
    const tunde = await createAccount({ name: "Tunde Bakare" });
    const ngozi = await createAccount({ name: "Ngozi Obi" });
    await registerFor(event.id, chiamaka);
    const tundeTicket = await registerFor(event.id, tunde);
    const ngoziTicket = await registerFor(event.id, ngozi);
    await signIn(page.context(), organiser);

    await page.goto(`/admin/events/${event.id}`);
    await page.getByRole("link", { name: "Check people in" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Check in" })).toBeVisible();
    await expectCounts(page, 0, 3);
    await expectAccessible(page);
    await waitForHydration(page);

    // By name: big buttons, one tap.
    await page.getByLabel("Find a person by name or email").fill("chiamaka");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page.locator(".door-list__row")).toHaveCount(1);
    const mark = page.getByRole("button", { name: "Mark present for Chiamaka Eze" });
    const box = (await mark.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(44);
    await mark.click();
    await expect(page.getByText("Chiamaka Eze is checked in.")).toBeVisible();
    await expectCounts(page, 1, 3);
    await expect(page.locator(".door-list__row").filter({ hasText: "Chiamaka Eze" })).toContainText("Present at");

    // By the code printed on the ticket, as typed at the door.
    await page.getByLabel("Code", { exact: true }).fill("nope99");
    await page.getByRole("button", { name: "Check in with the code" }).click();
    await expect(page.getByText("No ticket for this event has the code NOPE99. Check it and try again.")).toBeVisible();
    await page.getByLabel("Code", { exact: true }).fill(tundeTicket.shortCode.toLowerCase());
    await page.getByRole("button", { name: "Check in with the code" }).click();
    await expect(page.getByText("Tunde Bakare is checked in.")).toBeVisible();
    await expectCounts(page, 2, 3);

    // The QR code's address shows the person; only the button marks them present.
    const qrUrl = `/admin/events/${event.id}/check-in/${ngoziTicket.checkInToken}`;
    await page.goto(qrUrl);
    await expect(page.getByRole("heading", { level: 1, name: "Ngozi Obi" })).toBeVisible();
    await expectAccessible(page);
    await page.reload();
    await expectCounts(page, 2, 3);
    await waitForHydration(page);
    await page.getByRole("button", { name: "Mark present" }).click();
    await expect(page.getByText("Ngozi Obi is checked in.")).toBeVisible();
    await expect(page.getByText(/Already checked in at \d{1,2}:\d{2} (am|pm)\./)).toBeVisible();
    await expectCounts(page, 3, 3);

    // A ticket scanned twice says when it was first used.
    await page.goto(`/admin/events/${event.id}/check-in/${tundeTicket.checkInToken}`);
    await expect(page.getByText(/Already checked in at \d{1,2}:\d{2} (am|pm)\./)).toBeVisible();
    await expect(page.getByRole("button", { name: "Mark present" })).toHaveCount(0);

    // The event page shows the attendance too.
    await page.goto(`/admin/events/${event.id}`);
    await expectCounts(page, 3, 3);
  });
});
