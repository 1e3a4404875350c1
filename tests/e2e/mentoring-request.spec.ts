import { waitForHydration } from "./account-helpers";
import { createAccount, expect, expectAccessible, mailbox, signIn, test, type TestAccount } from "./fixtures";

// Requests and the life of a mentorship around the journey: asking, withdrawing, declining,
// the one-click check-in and ending with a rating on each side.

async function approvedMentor(name: string, capacity = 2): Promise<TestAccount> {
  const mentor = await createAccount({ roles: ["mentor"], name });
  const { db } = await import("~db/client.server");
  const { mentorProfiles } = await import("~db/schema");
  const now = Date.now();
  db.insert(mentorProfiles)
    .values({
      userId: mentor.id,
      headline: "HR partner who has read thousands of CVs",
      bio: "I changed careers twice.",
      industries: ["Human resources"],
      skills: ["CV writing"],
      languages: ["English", "Igbo"],
      city: "Enugu",
      formats: ["video", "phone"],
      capacity,
      status: "approved",
      createdAt: now,
      updatedAt: now,
    })
    .run();
  return mentor;
}

async function activePair(mentor: TestAccount, mentee: TestAccount): Promise<string> {
  const { db } = await import("~db/client.server");
  const { mentorships } = await import("~db/schema");
  const { randomId } = await import("~/utils/ids.server");
  const id = randomId(16);
  const now = Date.now();
  db.insert(mentorships).values({ id, mentorId: mentor.id, menteeId: mentee.id, source: "request", status: "active", createdAt: now, startedAt: now }).run();
  return id;
}

async function mentorshipRow(id: string) {
  const { db } = await import("~db/client.server");
  const { mentorships } = await import("~db/schema");
  const { eq } = await import("drizzle-orm");
  return db.select().from(mentorships).where(eq(mentorships.id, id)).get()!;
}

const label = () => Date.now().toString(36);

/** Plain-text email wraps long lines: compare words, not line breaks. */
const words = (text: string) => text.replace(/\s+/g, " ");

test("a participant asks a mentor, is told what is wrong with the form, and withdraws the request", async ({ page }) => {
  const mentor = await approvedMentor(`Ngozi Request ${label()}`);
  const me = await createAccount({ roles: ["participant"], name: "Bola Request" });
  await signIn(page.context(), me);

  await page.goto(`/mentors?q=${encodeURIComponent(mentor.name)}`);
  await expect(page.getByRole("heading", { level: 1, name: "Find a mentor" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Add your mentee profile" })).toBeVisible();
  const card = page.getByRole("article", { name: mentor.name });
  await expect(card.getByText("2 places left")).toBeVisible();
  await expectAccessible(page);

  await card.getByRole("link", { name: mentor.name }).click();
  await expect(page.getByRole("heading", { level: 1, name: mentor.name })).toBeVisible();
  await expect(page.getByText("I changed careers twice.")).toBeVisible();
  await expectAccessible(page);
  await waitForHydration(page);
  await page.getByLabel(`Your message to ${mentor.name}`).fill("Hello");
  await page.getByRole("button", { name: "Request this mentor" }).click();
  await expect(page.getByRole("alert").getByText(/Write at least 20 characters/)).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel(`Your message to ${mentor.name}`).fill("I would like help rewriting my CV for HR roles in Enugu.");
  await page.getByRole("button", { name: "Request this mentor" }).click();
  await expect(page).toHaveURL(/\/me\/mentoring$/);
  await expect(page.getByText(/Your request is sent/)).toBeVisible();

  const asked = await mailbox.waitFor(mentor.email, /would like you to be their mentor/);
  expect(words(asked.text)).toContain("Bola Request has asked you to be their mentor");
  expect(words(asked.text)).not.toContain("rewriting my CV");

  const requests = page.getByRole("region", { name: "My mentors" });
  await expect(requests.getByText(new RegExp(`To ${mentor.name}, sent`))).toBeVisible();
  await expectAccessible(page);
  await page.goto(`/mentors?q=${encodeURIComponent(mentor.name)}`);
  await expect(page.getByRole("article", { name: mentor.name }).getByText("You asked")).toBeVisible();

  await page.goto("/me/mentoring");
  await waitForHydration(page);
  await page.getByRole("form", { name: `Withdraw your request to ${mentor.name}` }).getByRole("button").click();
  await expect(page.getByText("Your request is withdrawn.")).toBeVisible();
  await expect(page.getByText(`${mentor.name}: Withdrawn`)).toBeVisible();
});

test("a mentor reads the request and declines with a reason that reaches the participant on their page, not in the email", async ({ page }) => {
  const mentor = await approvedMentor(`Ngozi Decline ${label()}`);
  const participant = await createAccount({ roles: ["participant"], name: "Musa Decline" });
  const { requestMentor } = await import("~/modules/mentoring/requests.server");
  const asked = requestMentor({ menteeId: participant.id, mentorId: mentor.id, message: "Could you help me prepare for bank interviews?" });
  expect(asked.ok).toBe(true);

  await signIn(page.context(), mentor);
  await page.goto("/me/mentoring");
  const mine = page.getByRole("region", { name: "As a mentor" });
  await expect(mine.getByText("Could you help me prepare for bank interviews?")).toBeVisible();
  await expect(mine.getByText("2 of 2")).toBeVisible();
  await expectAccessible(page);
  await waitForHydration(page);
  const decline = page.getByRole("form", { name: "Decline Musa Decline's request" });
  await decline.getByLabel("Reason (optional)").fill("My time is full until March.");
  await decline.getByRole("button", { name: "Decline" }).click();
  await expect(page.getByText("You declined the request. We have let them know.")).toBeVisible();
  await expect(mine.getByText("No requests waiting")).toBeVisible();

  const told = await mailbox.waitFor(participant.email, /cannot take on your mentoring request/);
  // Organisers can read the outbox: the mentor's words wait on the participant's own page.
  expect(words(told.text)).not.toContain("My time is full until March.");
  expect(mailbox.link(told, "/me/mentoring")).toBeTruthy();
  expect(mailbox.link(told, "/mentors")).toBeTruthy();
});

test("a check-in link shows the choice; only the button records it, without a log-in, and a second answer replaces the first", async ({ browser }) => {
  const mentor = await approvedMentor(`Ngozi Check-in ${label()}`);
  const mentee = await createAccount({ roles: ["participant"], name: "Ada Check-in" });
  const pairId = await activePair(mentor, mentee);
  const { sendCheckInJob } = await import("~/modules/mentoring/check-ins.server");
  sendCheckInJob({ mentorshipId: pairId, dueAt: Date.now() });
  const message = await mailbox.waitFor(mentee.email, new RegExp(`How is your mentorship with ${mentor.name} going`));
  const first = mailbox.link(message, "/check-ins/");
  expect(first).toMatch(/\?rating=1$/);
  const link = (rating: number) => first.replace(/rating=1$/, `rating=${rating}`);

  const { db } = await import("~db/client.server");
  const { mentorshipCheckIns } = await import("~db/schema");
  const { and, eq } = await import("drizzle-orm");
  const rating = () => db.select().from(mentorshipCheckIns).where(and(eq(mentorshipCheckIns.mentorshipId, pairId), eq(mentorshipCheckIns.userId, mentee.id))).get()!.rating;

  // No session in this browser: the link is the key.
  const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL, extraHTTPHeaders: { "X-Forwarded-For": `2001:db8:c1::${Date.now() % 65535}` } });
  const page = await context.newPage();
  try {
    await page.goto(link(4));
    await expect(page.getByRole("heading", { level: 1, name: "How is your mentorship going?" })).toBeVisible();
    await expect(page.getByRole("radio", { name: "4: well" })).toBeChecked();
    await expectAccessible(page);
    expect(rating()).toBeNull();
    await page.getByRole("button", { name: "Record my answer" }).click();
    await expect(page.getByText("Thank you: your answer is recorded.")).toBeVisible();
    await expect(page.getByText("Your answer: 4 out of 5.")).toBeVisible();
    expect(rating()).toBe(4);

    await page.goto(link(2));
    await expect(page.getByRole("radio", { name: "2: not well" })).toBeChecked();
    expect(rating()).toBe(4);
    await page.getByRole("button", { name: "Change my answer" }).click();
    await expect(page.getByText("Your answer: 2 out of 5.")).toBeVisible();
    expect(rating()).toBe(2);
  } finally {
    await context.close();
  }
});

test("the mentee ends the mentorship with a rating; the mentor is emailed and gives theirs on the same page", async ({ page }) => {
  const mentor = await approvedMentor(`Ngozi End ${label()}`);
  const mentee = await createAccount({ roles: ["participant"], name: "Tobi End" });
  const pairId = await activePair(mentor, mentee);

  await signIn(page.context(), mentee);
  await page.goto(`/me/mentoring/${pairId}/end`);
  await expect(page.getByRole("heading", { level: 1, name: `End your mentorship with ${mentor.name}` })).toBeVisible();
  await expectAccessible(page);
  await waitForHydration(page);
  await page.getByRole("button", { name: "End the mentorship" }).click();
  await expect(page.getByRole("alert").getByText("Choose a rating from 1 to 5")).toBeVisible();
  await page.getByLabel("Why is it ending?").fill("I started a new job last week.");
  await page.getByRole("radio", { name: "5: very well" }).check();
  await page.getByRole("button", { name: "End the mentorship" }).click();
  await expect(page).toHaveURL(/\/me\/mentoring$/);
  await expect(page.getByText(/The mentorship has ended/)).toBeVisible();
  expect(await mentorshipRow(pairId)).toMatchObject({ status: "ended", menteeEndRating: 5, endReason: "I started a new job last week." });

  const ended = await mailbox.waitFor(mentor.email, /has ended your mentorship/);
  expect(words(ended.text)).not.toContain("new job");
  const rateUrl = mailbox.link(ended, `/me/mentoring/${pairId}/end`);
  await page.context().clearCookies();
  await signIn(page.context(), mentor);
  await page.goto(rateUrl);
  await expect(page.getByRole("heading", { level: 1, name: `Your mentorship with ${mentee.name}` })).toBeVisible();
  await expect(page.getByText(`${mentee.name} ended it`)).toBeVisible();
  await expectAccessible(page);
  await waitForHydration(page);
  await page.getByRole("radio", { name: "4: well" }).check();
  await page.getByRole("button", { name: "Send my rating" }).click();
  await expect(page.getByText("Thank you for your rating.")).toBeVisible();
  expect(await mentorshipRow(pairId)).toMatchObject({ mentorEndRating: 4, menteeEndRating: 5 });
  await expect(page.getByText(`${mentee.name}: Ended`)).toBeVisible();
});

test("organisers see pairs, figures and lapsed or declined requests, never what anyone wrote", async ({ page }) => {
  const mentor = await approvedMentor(`Ngozi Overview ${label()}`);
  const mentee = await createAccount({ roles: ["participant"], name: `Kemi Overview ${label()}` });
  const pairId = await activePair(mentor, mentee);
  const { db } = await import("~db/client.server");
  const { mentorships } = await import("~db/schema");
  const { eq } = await import("drizzle-orm");
  db.update(mentorships).set({ requestMessage: "OVERVIEW-SECRET-MESSAGE", endReason: "OVERVIEW-SECRET-REASON", status: "ended", endedAt: Date.now(), menteeEndRating: 4 }).where(eq(mentorships.id, pairId)).run();
  const declined = await createAccount({ roles: ["participant"], name: `Declined Overview ${label()}` });
  const { declineRequest, requestMentor } = await import("~/modules/mentoring/requests.server");
  const asked = requestMentor({ menteeId: declined.id, mentorId: mentor.id, message: "OVERVIEW-SECRET-REQUEST please help" });
  if (!asked.ok) throw new Error(asked.message);
  expect(declineRequest(mentor.id, asked.id, "OVERVIEW-SECRET-DECLINE").ok).toBe(true);

  const organiser = await createAccount({ roles: ["organiser"] });
  await signIn(page.context(), organiser);
  await page.goto("/admin");
  await page.getByRole("link", { name: "Mentoring", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mentoring" })).toBeVisible();
  const pair = page.getByRole("row", { name: new RegExp(mentee.name) });
  await expect(pair.getByRole("cell", { name: "4 / 5" })).toBeVisible();
  await expect(pair.getByText("Ended")).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(declined.name) }).getByRole("cell", { name: "Declined", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Match a group" })).toHaveAttribute("href", "/admin/mentoring/match");
  await expectAccessible(page);
  const html = await page.content();
  const data = await (await page.request.get("/admin/mentoring.data")).text();
  for (const body of [html, data]) expect(body).not.toContain("OVERVIEW-SECRET");
});
