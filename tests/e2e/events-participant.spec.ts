import { parseCalendar, parseSingleEvent } from "../support/ical";
import { waitForHydration } from "./account-helpers";
import { registerFor } from "./event-helpers";
import { createAccount, expect, expectAccessible, mailbox, signIn, test } from "./fixtures";
import { expectConfirmationWithIcs, expectMessageCount, publishedEvent, registrationOf } from "./participant-helpers";

test("a participant finds an event, books, gets the ticket by email, cancels and books again", async ({ page }) => {
  const organiser = await createAccount({ roles: ["organiser"] });
  const event = await publishedEvent(organiser, { capacity: 5 });
  const me = await createAccount({ roles: ["participant"], name: "Chidi Okafor" });
  await signIn(page.context(), me);

  await page.goto("/events");
  await expect(page.getByRole("heading", { level: 1, name: "Workshops and seminars" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Events" })).toBeVisible();
  await expectAccessible(page);

  await page.goto(`/events/${event.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: event.title })).toBeVisible();
  await expect(page.getByText("5 seats left")).toBeVisible();
  await expect(page.getByRole("link", { name: "Share on WhatsApp" })).toHaveAttribute("href", /^https:\/\/wa\.me\/\?text=/);
  await expect(page.getByLabel("Or copy the link")).toHaveValue(new RegExp(`/events/${event.slug}$`));
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}");
  expect(jsonLd).toMatchObject({ "@type": "Event", name: event.title, startDate: new Date(event.startsAt).toISOString() });
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", event.title);
  const calendarLink = page.getByRole("link", { name: "Add to my calendar (.ics)" });
  const ics = await page.request.get((await calendarLink.getAttribute("href"))!);
  expect(ics.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  const file = parseSingleEvent(await ics.text()).event;
  expect(file.uid).toMatch(new RegExp(`^event-${event.id}@`));
  const feed = await page.request.get("/events.ics");
  expect(parseCalendar(await feed.text()).events.map((e) => e.uid)).toContain(file.uid);
  await expectAccessible(page);

  await page.getByRole("button", { name: "Book my seat" }).click();
  await expect(page).toHaveURL(/\/me\/tickets\/[a-z0-9]+$/);
  const ticketUrl = page.url();
  await expect(page.getByText(/Your seat is booked/)).toBeVisible();
  await expect(page.getByText("Seat confirmed")).toBeVisible();
  await expect(page.getByRole("img", { name: "QR code for check-in" }).locator("svg")).toBeVisible();
  const registration = (await registrationOf(event.id, me.id))!;
  await expect(page.getByText(registration.shortCode)).toBeVisible();
  await expectAccessible(page);

  const emailed = await expectConfirmationWithIcs(me.email, event);
  expect(emailed).toBe(ticketUrl);

  await waitForHydration(page);
  await page.getByText("Cannot come?").click();
  await page.getByRole("button", { name: "Cancel my registration" }).click();
  await expect(page.getByText(/Your registration is cancelled/)).toBeVisible();
  await expect(page.getByText("Cancelled", { exact: true })).toBeVisible();
  await page.getByRole("link", { name: "Register again" }).click();
  await expect(page.getByText("5 seats left")).toBeVisible();
  await page.getByRole("button", { name: "Book my seat" }).click();
  // The same registration comes back to life: same ticket address.
  await expect(page).toHaveURL(ticketUrl);
  await expect(page.getByText("Seat confirmed")).toBeVisible();

  await page.goto("/me");
  const myEvents = page.getByRole("region", { name: "My events" });
  await expect(myEvents.getByRole("link", { name: event.title })).toHaveAttribute("href", new URL(ticketUrl).pathname);
  await expect(myEvents.getByText("Seat confirmed")).toBeVisible();
  await expectAccessible(page);
});

test("a full event puts people on the waitlist, and a freed seat is offered and accepted", async ({ page }) => {
  const organiser = await createAccount({ roles: ["organiser"] });
  const event = await publishedEvent(organiser, { capacity: 1 });
  const first = await createAccount({ roles: ["participant"] });
  const firstRegistration = await registerFor(event.id, first);
  const me = await createAccount({ roles: ["participant"], name: "Amaka Eze" });
  await signIn(page.context(), me);

  await page.goto(`/events/${event.slug}`);
  await expect(page.getByText("Full: join the waitlist")).toBeVisible();
  await page.getByRole("button", { name: "Join the waitlist" }).click();
  await expect(page.getByText(/you are on the waitlist: number 1/)).toBeVisible();
  await expect(page.getByText("On the waitlist: number 1", { exact: true })).toBeVisible();

  const { cancelRegistration } = await import("~/modules/events/booking/registrations.server");
  expect(cancelRegistration(first.id, firstRegistration.id)).toMatchObject({ ok: true, offersMade: 1 });
  const offer = await mailbox.waitFor(me.email, /A seat is free for you/);
  await page.goto(mailbox.link(offer, "/me/tickets/"));
  await expect(page.getByRole("heading", { name: "A seat is free for you" })).toBeVisible();
  await expectAccessible(page);
  await waitForHydration(page);
  await page.getByRole("button", { name: "Accept my seat" }).click();
  await expect(page.getByText(/The seat is yours/)).toBeVisible();
  await expect(page.getByText("Seat confirmed")).toBeVisible();
  await expectConfirmationWithIcs(me.email, event);
  await expectMessageCount(me.email, /A seat is free for you/, 1);
});

test("nobody else can see a person's ticket", async ({ page }) => {
  const organiser = await createAccount({ roles: ["organiser"] });
  const event = await publishedEvent(organiser);
  const owner = await createAccount({ roles: ["participant"] });
  const registration = await registerFor(event.id, owner);
  const other = await createAccount({ roles: ["participant"] });
  await signIn(page.context(), other);
  const response = await page.goto(`/me/tickets/${registration.id}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.getByText(registration.shortCode)).toHaveCount(0);
  const cancel = await page.request.post(`/me/tickets/${registration.id}`, { form: { intent: "cancel" }, headers: { Origin: new URL(page.url()).origin }, maxRedirects: 0 });
  expect(cancel.status()).not.toBe(302);
  expect((await registrationOf(event.id, owner.id))?.status).toBe("confirmed");
});

test("feedback is asked of the people who were checked in, and only of them", async ({ page }) => {
  const organiser = await createAccount({ roles: ["organiser"] });
  const event = await publishedEvent(organiser);
  const came = await createAccount({ roles: ["participant"], name: "Came Along" });
  const stayedAway = await createAccount({ roles: ["participant"], name: "Stayed Away" });
  const cameRegistration = await registerFor(event.id, came);
  await registerFor(event.id, stayedAway);

  const { checkIn } = await import("~/modules/events/check-in/check-in.server");
  expect(checkIn({ eventId: event.id, by: organiser.id, shortCode: cameRegistration.shortCode })).toMatchObject({ ok: true, status: "checked-in" });
  // The event took place earlier today: move it into the past and let the server's worker follow up.
  const { db } = await import("~db/client.server");
  const { events } = await import("~db/schema");
  const { eq } = await import("drizzle-orm");
  const { rescheduleEventJobs } = await import("~/modules/events/follow-up/reminders.server");
  const endedAt = Date.now() - 2 * 60 * 60 * 1000;
  db.transaction((tx) => {
    tx.update(events).set({ startsAt: endedAt - 3 * 60 * 60 * 1000, endsAt: endedAt }).where(eq(events.id, event.id)).run();
    rescheduleEventJobs(tx, event.id);
  });

  const request = await mailbox.waitFor(came.email, new RegExp(`How was ${event.title}\\?`));
  await expectMessageCount(stayedAway.email, /How was/, 0);
  await page.goto(mailbox.link(request, `/events/${event.slug}/feedback?`));
  await expect(page.getByRole("heading", { level: 1, name: `How was ${event.title}?` })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Send my feedback" }).click();
  await expect(page.getByText("Choose a rating from 1 to 5").first()).toBeVisible();
  await page.getByLabel("5: excellent").check();
  await page.getByLabel("What would make it better? (optional)").fill("More time for practice interviews.");
  await page.getByRole("button", { name: "Send my feedback" }).click();
  await expect(page.getByText("Thank you for your feedback.")).toBeVisible();
  await expect(page.getByText("You gave this event 5 out of 5.")).toBeVisible();
  await expectMessageCount(came.email, /How was/, 1);
});
