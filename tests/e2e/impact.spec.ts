import { waitForHydration } from "./account-helpers";
import { createAccount, expect, expectAccessible, signIn, test } from "./fixtures";
import { expectFitsPhone, impactWorld } from "./impact-helpers";

test("an organiser links a campaign to a workshop, opens its report and shares it; a signed-out browser reads and prints it", async ({ page, browser }) => {
  const stamp = Date.now().toString(36);
  const world = await impactWorld(stamp);
  const organiser = await createAccount({ roles: ["organiser"], name: "Ngozi Organiser" });
  await signIn(page.context(), organiser);

  await page.goto(`/admin/campaigns/${world.campaignId}`);
  await expect(page.getByRole("heading", { level: 2, name: "What it paid for" })).toBeVisible();
  await waitForHydration(page);
  // A note is required, checked next to the field.
  await page.getByLabel("Event or cohort").selectOption({ label: `Event: ${world.eventTitle}` });
  await page.getByRole("button", { name: "Link it" }).click();
  await expect(page.getByText("Say in a few words what the campaign paid for").first()).toBeVisible();
  const note = page.getByRole("textbox", { name: "What it paid for" });
  await note.fill("The venue and lunch for everyone");
  // Leaving the field clears the error summary above; the button is clicked once the page is still.
  await note.blur();
  await expect(page.getByText("Say in a few words what the campaign paid for")).toHaveCount(0);
  await page.getByRole("button", { name: "Link it" }).click();
  await expect(page.getByText("Linked: the campaign's impact report now counts whom it reached.")).toBeVisible();
  await expect(page.locator(".fund-list")).toContainText(world.eventTitle);
  await expectAccessible(page);

  await page.setViewportSize({ width: 360, height: 740 });
  await expectFitsPhone(page);
  await page.getByRole("link", { name: "Impact report" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Impact of ${world.campaignTitle}` })).toBeVisible();
  await expect(page.getByText("The venue and lunch for everyone")).toBeVisible();
  await expect(page.getByRole("row", { name: /Attended an event 6/ })).toBeVisible();
  // One donor: a figure about fewer than 5 people is not shown.
  await expect(page.getByRole("row", { name: /NGN/ })).toContainText("fewer than 5");
  await expectFitsPhone(page);
  await expectAccessible(page);
  await waitForHydration(page);
  await page.getByRole("button", { name: "Make a share link" }).click();
  const shareUrl = (await page.locator(".share-link").textContent())!.trim();
  expect(shareUrl).toMatch(/\/impact\/[A-Za-z0-9_-]{20,}$/);
  const sharePath = new URL(shareUrl).pathname;

  const outsider = await browser.newContext({ viewport: { width: 360, height: 740 } });
  try {
    const reader = await outsider.newPage();
    const response = await reader.goto(sharePath);
    expect(response!.status()).toBe(200);
    expect(response!.headers()["referrer-policy"]).toBe("no-referrer");
    // A link turned off must be gone at once: no cache keeps the page, not even this server.
    expect(response!.headers()["cache-control"]).toBe("no-store");
    expect(response!.headers()["etag"]).toBeUndefined();
    await expect(reader.getByRole("heading", { level: 1, name: `Impact of ${world.campaignTitle}` })).toBeVisible();
    await expect(reader.locator('meta[name="robots"]')).toHaveAttribute("content", "noindex");
    // A public page ships no JavaScript.
    expect(await reader.locator("script[src]").count()).toBe(0);
    await expectFitsPhone(reader);
    await expectAccessible(reader);

    await reader.emulateMedia({ media: "print" });
    await expect(reader.locator(".site-header")).toBeHidden();
    await expect(reader.locator(".site-footer")).toBeHidden();
    await expect(reader.getByRole("heading", { level: 2, name: "People reached and where they went" })).toBeVisible();
    await expectFitsPhone(reader);
    await reader.emulateMedia({ media: "screen" });

    // Turned off, the same link opens nothing.
    await page.getByRole("button", { name: /^Turn off/ }).click();
    await expect(page.getByText("The link no longer opens the report.")).toBeVisible();
    const gone = (await reader.goto(sharePath))!;
    expect(gone.status()).toBe(404);
    expect(gone.headers()["referrer-policy"]).toBe("no-referrer");
    expect(gone.headers()["cache-control"]).toBe("no-store");
  } finally {
    await outsider.close();
  }

  // The sponsor finds the campaign's report from their giving page.
  const sponsorContext = await browser.newContext();
  try {
    await signIn(sponsorContext, world.sponsor);
    const sponsorPage = await sponsorContext.newPage();
    await sponsorPage.goto("/me/giving");
    await sponsorPage.getByRole("link", { name: `What ${world.campaignTitle} did` }).click();
    await expect(sponsorPage.getByRole("heading", { level: 1, name: `Impact of ${world.campaignTitle}` })).toBeVisible();
    await expect(sponsorPage.getByText("The venue and lunch for everyone")).toBeVisible();
    await expectAccessible(sponsorPage);
  } finally {
    await sponsorContext.close();
  }
});
