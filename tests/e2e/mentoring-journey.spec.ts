import { parseSingleEvent } from "../support/ical";
import { waitForHydration } from "./account-helpers";
import { expect, expectAccessible, mailbox, signIn, test, watchConsole } from "./fixtures";
import { addNote, confirmationCalendar, dateAhead, mentorAndMentee, moveSessionToPast, proposeSession, sessionsOfPair } from "./mentoring-journey-helpers";

test("a participant asks for a mentor, they agree a session, the mentor keeps notes and the mentee rates the session", async ({ page, browser }) => {
  // Two people, two browsers and several emails really delivered: longer than most tests.
  test.slow();
  const { mentor, mentee } = await mentorAndMentee(`Journey ${Date.now().toString(36)}`);
  await signIn(page.context(), mentee);

  // The mentee finds the mentor, with the reasons beside them, and asks.
  await page.goto(`/mentors?q=${encodeURIComponent(mentor.name)}`);
  const card = page.getByRole("article", { name: mentor.name });
  await expect(card.getByText(/Both speak English/)).toBeVisible();
  await expectAccessible(page);
  await card.getByRole("link", { name: mentor.name }).click();
  await expect(page.getByRole("heading", { level: 1, name: mentor.name })).toBeVisible();
  await expectAccessible(page);
  await waitForHydration(page);
  await page.getByLabel(`Your message to ${mentor.name}`).fill("I am aiming for banking and would value your advice on interviews.");
  await page.getByRole("button", { name: "Request this mentor" }).click();
  await expect(page).toHaveURL(/\/me\/mentoring$/);
  await expect(page.getByText(/Your request is sent/)).toBeVisible();

  // The mentor, in their own browser, accepts and lands on the pair's page.
  const mentorContext = await browser.newContext({ baseURL: process.env.E2E_BASE_URL, extraHTTPHeaders: { "X-Forwarded-For": `2001:db8:9::${Date.now() % 65535}` } });
  const mentorPage = await mentorContext.newPage();
  const mentorErrors = watchConsole(mentorPage);
  try {
    await signIn(mentorContext, mentor);
    await mailbox.waitFor(mentor.email, /./);
    await mentorPage.goto("/me/mentoring");
    await waitForHydration(mentorPage);
    await mentorPage.getByRole("form", { name: `Accept ${mentee.name}'s request` }).getByRole("button", { name: "Accept" }).click();
    await expect(mentorPage).toHaveURL(/\/me\/mentoring\/[a-z0-9]+$/);
    const pairId = new URL(mentorPage.url()).pathname.split("/").pop()!;
    await expect(mentorPage.getByRole("heading", { level: 1, name: `Mentoring with ${mentee.name}` })).toBeVisible();
    await expect(mentorPage.getByText("Times on this page are in your time zone: London time")).toBeVisible();
    await expectAccessible(mentorPage);

    // The mentor proposes 3:00 pm London time; the mentee sees 4:00 pm Lagos time and confirms.
    await waitForHydration(mentorPage);
    const date = dateAhead(3, "Europe/London");
    await proposeSession(mentorPage, { date, time: "15:00", place: "https://meet.example.org/journey" });
    await expect(mentorPage.getByText(/Proposed\. We have emailed/)).toBeVisible();
    const upcoming = mentorPage.getByRole("list", { name: "Upcoming sessions" });
    await expect(upcoming.getByText(/3:00 pm to 4:00 pm \(London time, GMT\)/)).toBeVisible();
    await expect(upcoming.getByText("Waiting for an answer")).toBeVisible();

    const proposed = await mailbox.waitFor(mentee.email, /proposed a mentoring session/);
    await page.goto(mailbox.link(proposed, `/me/mentoring/${pairId}`));
    const offered = page.getByRole("list", { name: "Upcoming sessions" });
    await expect(offered.getByText(/4:00 pm to 5:00 pm \(Lagos time, GMT\+1\)/)).toBeVisible();
    await expectAccessible(page);
    await waitForHydration(page);
    await offered.getByRole("button", { name: "Confirm this time" }).click();
    await expect(page.getByText(/Confirmed\. You both have an email/)).toBeVisible();
    await expect(offered.getByText("Confirmed", { exact: true })).toBeVisible();

    // Both get the calendar file; the session starts at 15:00 London, 15:00 UTC in December.
    for (const person of [mentee, mentor]) {
      const { method, event } = await confirmationCalendar(person.email);
      expect(method).toBe("REQUEST");
      expect(event).toMatchObject({ start: Date.parse(`${date}T15:00:00Z`), utc: true });
      expect(event.attendees.map((a) => a.email.toLowerCase())).toEqual([mentor.email.toLowerCase(), mentee.email.toLowerCase()]);
    }
    const download = await page.request.get((await offered.getByRole("link", { name: "Add to my calendar" }).getAttribute("href"))!);
    expect(download.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
    expect(parseSingleEvent(await download.text()).event).toMatchObject({ start: Date.parse(`${date}T15:00:00Z`), status: "CONFIRMED" });

    // The mentor keeps a private note and a shared one.
    await mentorPage.reload();
    await waitForHydration(mentorPage);
    await addNote(mentorPage, /^Private note/, "Nervous about interviews; practise the opening question next time.");
    await expect(mentorPage.getByText("Private note saved. Only you can read it.")).toBeVisible();
    await addNote(mentorPage, /^Shared note/, "Read the CV guide before we meet.");
    await expect(mentorPage.getByText("Shared note saved.")).toBeVisible();
    await expect(mentorPage.getByRole("list", { name: "Private notes" }).getByText(/Nervous about interviews/)).toBeVisible();
    await expectAccessible(mentorPage);

    await page.reload();
    await expect(page.getByRole("list", { name: "Shared notes" }).getByText("Read the CV guide before we meet.")).toBeVisible();
    await expect(page.getByText(/Nervous about interviews/)).toHaveCount(0);

    // The session's time comes and goes; the mentee says it happened and rates it.
    const [session] = await sessionsOfPair(pairId);
    await moveSessionToPast(session.id);
    await page.reload();
    const earlier = page.getByRole("list", { name: "Earlier sessions" });
    await expect(earlier.getByText("How useful was this session?")).toBeVisible();
    await expectAccessible(page);
    await waitForHydration(page);
    await earlier.getByRole("radio", { name: "4" }).check();
    await earlier.getByLabel("Comment (optional)").fill("Clear, practical advice.");
    await earlier.getByRole("button", { name: "Save my rating" }).click();
    await expect(page.getByText("Thank you: your rating is saved.")).toBeVisible();
    await expect(earlier.getByText("4 of 5: Clear, practical advice.")).toBeVisible();
    const [rated] = await sessionsOfPair(pairId);
    expect(rated).toMatchObject({ menteeRating: 4, menteeOutcome: "held", menteeComment: "Clear, practical advice." });

    // The mentor says it happened too, and never sees the mentee's rating.
    await mentorPage.reload();
    await waitForHydration(mentorPage);
    const mentorEarlier = mentorPage.getByRole("list", { name: "Earlier sessions" });
    await mentorEarlier.getByRole("button", { name: "We met" }).click();
    await expect(mentorPage.getByText("Noted: the session took place.")).toBeVisible();
    await expect(mentorPage.getByText("Clear, practical advice.")).toHaveCount(0);
  } finally {
    await mentorContext.close();
  }
  expect(mentorErrors(), "errors in the mentor's browser console").toEqual([]);
});
