import { waitForHydration } from "./account-helpers";
import { createAccount, expect, expectAccessible, mailbox, signIn, test, type TestAccount } from "./fixtures";
import { expectFlash } from "./participant-helpers";
import { createOpenCohort } from "./programme-helpers";

// Languages nobody else in the shared test database speaks, so other tests' mentors never join in.
const uniqueLanguage = (label: string) => `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

async function withMentorProfile(account: TestAccount, values: { languages: string[]; city: string; capacity: number }) {
  const { db } = await import("~db/client.server");
  const { mentorProfiles } = await import("~db/schema");
  const now = Date.now();
  db.insert(mentorProfiles)
    .values({ userId: account.id, headline: `${account.name}, banker`, industries: ["Banking"], formats: ["video"], status: "approved", createdAt: now, updatedAt: now, ...values })
    .run();
}

async function withMenteeProfile(account: TestAccount, values: { languages: string[]; city: string; industries: string[] }) {
  const { db } = await import("~db/client.server");
  const { menteeProfiles } = await import("~db/schema");
  const now = Date.now();
  db.insert(menteeProfiles).values({ userId: account.id, formats: ["video"], createdAt: now, updatedAt: now, ...values }).run();
}

async function joinAll(cohortId: string, people: TestAccount[]) {
  const { joinCohort } = await import("~/modules/cohorts/membership.server");
  for (const person of people) joinCohort({ user: person, cohortId });
}

test("a mentor sends a profile for approval and an organiser approves it", async ({ page, browser, baseURL }) => {
  const mentor = await createAccount({ roles: ["mentor"], name: `Tobi Mentor ${Date.now().toString(36)}` });
  const organiser = await createAccount({ roles: ["organiser"] });
  await signIn(page.context(), mentor);
  await page.goto("/me/mentoring/mentor-profile");
  await expect(page.getByRole("heading", { level: 1, name: "Your mentor profile" })).toBeVisible();
  await waitForHydration(page);
  await expectAccessible(page);

  await page.getByRole("button", { name: "Save profile" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary).toContainText("Enter a headline");
  await expect(summary).toContainText("Choose at least one way of meeting");

  await page.getByLabel("Headline").fill("Credit analyst, eight years in banking");
  await page.getByLabel("Industries you know").fill("Banking, Fintech");
  await page.getByLabel("What you can help with").fill("Interviews, CV writing");
  await page.getByRole("checkbox", { name: "Yoruba" }).check();
  await page.getByLabel("City", { exact: true }).fill("Lagos");
  await page.getByRole("checkbox", { name: "Video call" }).check();
  await page.getByLabel("How many mentees at once").fill("2");
  await page.getByRole("checkbox", { name: "Monday evening" }).check();
  await page.getByRole("button", { name: "Save profile" }).click();
  await expectFlash(page, "Your mentor profile is saved and sent to the organisers for approval.");
  await expect(page.getByText("Waiting for an organiser to approve it.")).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "Monday evening" })).toBeChecked();
  await expectAccessible(page);

  const other = await browser.newContext({ baseURL, extraHTTPHeaders: { "X-Forwarded-For": "2001:db8::5:14" } });
  try {
    await signIn(other, organiser);
    const admin = await other.newPage();
    await admin.goto("/admin/mentors");
    await expect(admin.getByRole("heading", { level: 1, name: "Mentors" })).toBeVisible();
    await expectAccessible(admin);
    await admin.getByRole("button", { name: `Approve ${mentor.name}` }).click();
    await expectFlash(admin, "Mentor approved: mentees can now find them.");
  } finally {
    await other.close();
  }

  await page.reload();
  await expect(page.getByText("Approved: mentees can find you on the mentors page.")).toBeVisible();
});

test("an organiser matches a cohort, reviews the reasons and publishes, and both sides are emailed", async ({ page }) => {
  const stamp = Date.now().toString(36);
  const shared = uniqueLanguage("Shared");
  const rare = uniqueLanguage("Rare");
  const organiser = await createAccount({ roles: ["organiser"] });
  const xavier = await createAccount({ roles: ["mentor"], name: `Xavier ${stamp}` });
  const yemi = await createAccount({ roles: ["mentor"], name: `Yemi ${stamp}` });
  const ada = await createAccount({ roles: ["participant"], name: `Ada ${stamp}` });
  const bola = await createAccount({ roles: ["participant"], name: `Bola ${stamp}` });
  // Xavier fits Ada best (same city) but is the only mentor who speaks Bola's language: a greedy
  // pass would give Xavier to Ada and leave Bola without anyone.
  await withMentorProfile(xavier, { languages: [shared, rare], city: "Lagos", capacity: 1 });
  await withMentorProfile(yemi, { languages: [shared], city: "Abuja", capacity: 1 });
  await withMenteeProfile(ada, { languages: [shared], city: "Lagos", industries: ["Banking"] });
  await withMenteeProfile(bola, { languages: [rare], city: "Kano", industries: [] });
  const cohort = await createOpenCohort(organiser, { name: `Match cohort ${stamp}` });
  await joinAll(cohort.id, [ada, bola]);

  await signIn(page.context(), organiser);
  // The list holds the cohorts that started last; the run's own is found by its name.
  await page.goto(`/admin/mentoring/match?find=${encodeURIComponent(cohort.name)}`);
  await expect(page.getByRole("heading", { level: 1, name: "Match a group" })).toBeVisible();
  await waitForHydration(page);
  await expectAccessible(page);
  await page.getByLabel("Who to match").selectOption({ label: `Cohort: ${cohort.name} (2 members)` });
  await page.getByRole("button", { name: "Propose matches" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Cohort: ${cohort.name}` })).toBeVisible();
  await expectFlash(page, "Proposals ready: 2 of 2 mentees have a mentor. Nothing is sent until you publish.");

  const adaRow = page.getByRole("row", { name: new RegExp(ada.name) });
  await expect(adaRow.getByRole("cell").nth(1)).toHaveText(yemi.name);
  await expect(adaRow).toContainText("Works in Banking, which you are aiming for");
  const bolaRow = page.getByRole("row", { name: new RegExp(bola.name) });
  await expect(bolaRow.getByRole("cell").nth(1)).toHaveText(xavier.name);
  await expect(bolaRow).toContainText(`Both speak ${rare}`);
  await waitForHydration(page);
  await expectAccessible(page);

  // Only mentors with room left in this run are offered; Xavier's one place is Bola's.
  await adaRow.getByRole("link", { name: `Change ${ada.name}'s mentor` }).click();
  const mentorSelect = page.getByLabel("Mentor", { exact: true });
  await expect(mentorSelect.locator("option")).toHaveText([new RegExp(`^${yemi.name}: fit 35 of 100`), "Leave without a mentor"]);
  await expectAccessible(page);
  await page.getByRole("link", { name: "Cancel" }).click();

  await page.getByRole("button", { name: "Publish 2 matches" }).click();
  await expectFlash(page, "Published: 2 mentorships made, and both sides emailed.");
  await expect(adaRow.getByRole("cell").nth(4)).toHaveText("Matched");
  await expect(page.getByRole("button", { name: /Publish/ })).toHaveCount(0);

  await mailbox.waitFor(ada.email, new RegExp(`Meet your mentor: ${yemi.name}`));
  await mailbox.waitFor(yemi.email, new RegExp(`new mentee: ${ada.name}`));
  await mailbox.waitFor(bola.email, new RegExp(`Meet your mentor: ${xavier.name}`));
  await mailbox.waitFor(xavier.email, new RegExp(`new mentee: ${bola.name}`));
});
