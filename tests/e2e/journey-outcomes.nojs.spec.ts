import { expectAccessibleWithoutScripts } from "./account-helpers";
import { createAccount, expect, mailbox, signIn, test } from "./fixtures";

// JavaScript is off, on a phone-sized screen: a participant says where they are now and shares a
// story they can withdraw; three months after a mentorship ends, the emailed link opens a one-page
// form that needs no log-in.

test.use({ viewport: { width: 360, height: 740 } });

test("a participant records where they are, with errors at the fields, and shares then withdraws a story", async ({ page, browser, context }) => {
  const person = await createAccount({ roles: ["participant"], name: "Halima Bello" });
  await signIn(context, person);
  await page.goto("/me");
  await page.getByRole("link", { name: "Tell us where you are" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Where you are now" })).toBeVisible();
  await expect(page.getByText("Nothing yet. Your first answer will appear here.")).toBeVisible();
  await expectAccessibleWithoutScripts(page, browser);

  const record = page.getByRole("form", { name: "Tell us where you are" });
  await record.getByLabel("Got a job").check();
  const refused = page.waitForResponse((response) => response.url().includes("/me/outcomes") && response.request().method() === "POST");
  await record.getByRole("button", { name: "Record where I am" }).click();
  expect((await refused).status()).toBe(400);
  await expect(page.getByRole("alert").getByRole("link", { name: "Choose full time or part time" })).toBeVisible();
  await expect(page.locator(".field__error").filter({ hasText: "Enter the sector, like banking or health" })).toBeVisible();
  await expectAccessibleWithoutScripts(page, browser);

  await record.getByLabel("Employer, school or business name (optional)").fill("Sterling Bank");
  await record.getByLabel("Sector").fill("Banking");
  await record.getByLabel("Full time", { exact: true }).check();
  await record.getByRole("button", { name: "Record where I am" }).click();
  await expect(page.getByText("Thank you: recorded.")).toBeVisible();
  const history = page.getByRole("region", { name: "What you told us, newest first" });
  await expect(history.getByRole("cell", { name: "Got a job" })).toBeVisible();
  await expect(history.getByText("Sterling Bank · Banking · Full time")).toBeVisible();

  const story = page.getByRole("form", { name: "Your story" });
  await story.getByLabel("What helped you most?").fill("The CV clinic and my mentor's honesty.");
  await story.getByLabel(/may quote my words/).check();
  await story.getByRole("button", { name: "Save my story" }).click();
  await expect(page.getByText("Story saved. Thank you for letting us share it.")).toBeVisible();
  await page.getByRole("button", { name: "Withdraw my consent to be quoted" }).click();
  await expect(page.getByText("Consent withdrawn: your story will not be quoted anywhere.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Withdraw my consent to be quoted" })).toHaveCount(0);
  const { db } = await import("~db/client.server");
  const { stories } = await import("~db/schema");
  const { eq } = await import("drizzle-orm");
  expect(db.select().from(stories).where(eq(stories.userId, person.id)).get()).toMatchObject({ mayQuote: false, featuredAt: null });
});

test("three months after a mentorship ends, the emailed link opens a form that works without a log-in", async ({ page, browser }) => {
  const mentee = await createAccount({ roles: ["participant"], name: "Segun Afolabi" });
  const mentor = await createAccount({ roles: ["mentor"] });
  const { db } = await import("~db/client.server");
  const { mentorships, outcomes } = await import("~db/schema");
  const { eq } = await import("drizzle-orm");
  const { randomId } = await import("~/utils/ids.server");
  const { addMonths, sendDueFollowUps } = await import("~/modules/journey/follow-ups.server");
  const endedAt = addMonths(Date.now(), -3) - 60_000;
  db.insert(mentorships)
    .values({ id: randomId(16), mentorId: mentor.id, menteeId: mentee.id, source: "request", status: "ended", requestMessage: "", createdAt: endedAt - 1000, startedAt: endedAt - 1000, endedAt })
    .run();
  sendDueFollowUps(Date.now());

  const message = await mailbox.waitFor(mentee.email, /^Where are you now\?$/);
  expect(message.text).toMatch(/It is 3 months since\s+your mentorship ended/);
  const link = mailbox.link(message, "/follow-ups/");
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Where are you now?" })).toBeVisible();
  await expect(page.getByText("Hello Segun.")).toBeVisible();
  await expectAccessibleWithoutScripts(page, browser);

  await page.getByLabel("Started a business or freelance work").check();
  await page.getByLabel(/^Full time/).check();
  const refused = page.waitForResponse((response) => response.url() === link && response.request().method() === "POST");
  await page.getByRole("button", { name: "Send my answer" }).click();
  expect((await refused).status()).toBe(400);
  await expect(page.getByRole("alert").getByRole("link", { name: "Enter the sector, like banking or health" })).toBeVisible();
  await page.getByLabel("Sector").fill("Catering");
  await page.getByLabel("What helped you most? (optional)").fill("Knowing someone believed in me.");
  await page.getByRole("button", { name: "Send my answer" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Thank you, Segun" })).toBeVisible();
  await expect(page.getByText(/started a business or freelance work/)).toBeVisible();
  await expectAccessibleWithoutScripts(page, browser);
  // A business has no hours: the form's stray choice is not kept.
  expect(db.select().from(outcomes).where(eq(outcomes.userId, mentee.id)).get()).toMatchObject({ kind: "business", sector: "Catering", hours: null, source: "follow_up" });
});
