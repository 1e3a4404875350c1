import type { Page } from "@playwright/test";
import { expectAccessibleWithoutScripts } from "./account-helpers";
import { expect, mailbox, signIn, test, watchConsole } from "./fixtures";
import { addNote, confirmationCalendar, dateAhead, mentorAndMentee, moveSessionToPast, proposeSession, sessionsOfPair } from "./mentoring-journey-helpers";

// JavaScript is off in this project: requesting, accepting, agreeing a session, notes and rating
// are plain HTML forms.

function postTo(page: Page, path: string) {
  return page.waitForResponse((response) => response.request().method() === "POST" && new URL(response.url()).pathname === path);
}

test("the mentoring journey works as plain HTML forms", async ({ page, browser }) => {
  // Two people, two browsers and several emails really delivered: longer than most tests.
  test.slow();
  const { mentor, mentee } = await mentorAndMentee(`No-JS ${Date.now().toString(36)}`);
  await signIn(page.context(), mentee);

  await page.goto(`/mentors/${mentor.id}`);
  await expect(page.getByRole("heading", { level: 1, name: mentor.name })).toBeVisible();
  await page.getByLabel(`Your message to ${mentor.name}`).fill("Could you help me prepare for bank interviews?");
  await page.getByRole("button", { name: "Request this mentor" }).click();
  await expect(page.getByText(/Your request is sent/)).toBeVisible();

  const mentorContext = await browser.newContext({ baseURL: process.env.E2E_BASE_URL, extraHTTPHeaders: { "X-Forwarded-For": `2001:db8:a::${Date.now() % 65535}` } });
  const mentorPage = await mentorContext.newPage();
  const mentorErrors = watchConsole(mentorPage);
  try {
    await signIn(mentorContext, mentor);
    await mentorPage.goto("/me/mentoring");
    await mentorPage.getByRole("form", { name: `Accept ${mentee.name}'s request` }).getByRole("button", { name: "Accept" }).click();
    await expect(mentorPage).toHaveURL(/\/me\/mentoring\/[a-z0-9]+$/);
    const pairId = new URL(mentorPage.url()).pathname.split("/").pop()!;
    const workspace = `/me/mentoring/${pairId}`;
    await expect(mentorPage.locator("script[src]")).toHaveCount(0);
    await expectAccessibleWithoutScripts(mentorPage, browser);

    // A time already past is refused with the problem at the field; nothing is written.
    const refused = postTo(mentorPage, workspace);
    await proposeSession(mentorPage, { date: dateAhead(-2, "Europe/London"), time: "10:00", place: "+44 20 7946 0000" });
    expect((await refused).status()).toBe(400);
    await expect(mentorPage.getByRole("alert").getByRole("link", { name: /Choose a time in the future/ })).toBeVisible();
    await expectAccessibleWithoutScripts(mentorPage, browser);
    expect(await sessionsOfPair(pairId)).toHaveLength(0);

    const date = dateAhead(4, "Europe/London");
    await proposeSession(mentorPage, { date, time: "09:30", place: "+44 20 7946 0000" });
    await expect(mentorPage.getByText(/Proposed\. We have emailed/)).toBeVisible();

    await page.goto(mailbox.link(await mailbox.waitFor(mentee.email, /proposed a mentoring session/), workspace));
    const offered = page.getByRole("list", { name: "Upcoming sessions" });
    await expect(offered.getByText(/10:30 am to 11:30 am \(Lagos time, GMT\+1\)/)).toBeVisible();
    await expectAccessibleWithoutScripts(page, browser);
    await offered.getByRole("button", { name: "Confirm this time" }).click();
    await expect(page.getByText(/Confirmed\. You both have an email/)).toBeVisible();
    const { event } = await confirmationCalendar(mentee.email);
    expect(event).toMatchObject({ start: Date.parse(`${date}T09:30:00Z`), utc: true });

    await mentorPage.goto(workspace);
    await addNote(mentorPage, /^Private note/, "Quiet at first; ask about the bank in Ikeja.");
    await expect(mentorPage.getByText("Private note saved. Only you can read it.")).toBeVisible();
    await addNote(mentorPage, /^Action item/, "Send two applications this week.");
    await expect(mentorPage.getByText("Action item added.")).toBeVisible();

    await page.goto(workspace);
    await expect(page.getByText(/ask about the bank in Ikeja/)).toHaveCount(0);
    const actions = page.getByRole("list", { name: "Action items" });
    await actions.getByRole("button", { name: "Mark as done" }).click();
    await expect(page.getByText("Ticked off. Well done.")).toBeVisible();
    await expect(actions.getByText("Done", { exact: true })).toBeVisible();

    const [session] = await sessionsOfPair(pairId);
    await moveSessionToPast(session.id);
    await page.goto(workspace);
    const earlier = page.getByRole("list", { name: "Earlier sessions" });
    // Saving without a rating: a 400 with the problem listed; nothing saved.
    const unrated = postTo(page, workspace);
    await earlier.getByRole("button", { name: "Save my rating" }).click();
    expect((await unrated).status()).toBe(400);
    await expect(page.getByRole("alert").getByText("Choose a rating from 1 to 5").first()).toBeVisible();
    await expectAccessibleWithoutScripts(page, browser);
    await page.getByRole("list", { name: "Earlier sessions" }).getByRole("radio", { name: "5" }).check();
    await page.getByRole("list", { name: "Earlier sessions" }).getByRole("button", { name: "Save my rating" }).click();
    await expect(page.getByText("Thank you: your rating is saved.")).toBeVisible();
    expect((await sessionsOfPair(pairId))[0]).toMatchObject({ menteeRating: 5, menteeOutcome: "held" });
  } finally {
    await mentorContext.close();
  }
  expect(mentorErrors(), "errors in the mentor's browser console").toEqual([]);
});
