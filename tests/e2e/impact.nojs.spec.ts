import { expectAccessibleWithoutScripts } from "./account-helpers";
import { createAccount, expect, signIn, test } from "./fixtures";
import { expectFitsPhone, impactWorld } from "./impact-helpers";

test("without JavaScript, an organiser publishes the year's impact page and anyone reads it on a phone", async ({ page, browser }) => {
  await impactWorld(Date.now().toString(36));
  const year = String(new Date().getFullYear());
  const organiser = await createAccount({ roles: ["organiser"] });
  await signIn(page.context(), organiser);

  await page.goto("/admin/impact");
  const publish = page.getByRole("button", { name: `Publish the ${year} page` });
  const withdraw = page.getByRole("button", { name: `Withdraw the ${year} page` });
  // Another test may have published it already: start from a withdrawn page.
  if (await withdraw.isVisible()) await withdraw.click();
  await publish.click();
  await expect(page.getByText(`The ${year} impact page is public at /impact/${year}.`)).toBeVisible();

  const visitor = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  try {
    const reader = await visitor.newPage();
    const response = (await reader.goto(`/impact/${year}`))!;
    expect(response.status()).toBe(200);
    // A public page like any other: a validator for the next visit, and a short stay in a shared cache.
    expect(response.headers()["etag"]).toMatch(/^W\/".+"$/);
    expect(response.headers()["cache-control"]).toBe("public, max-age=0, must-revalidate, s-maxage=30");
    await expect(reader.getByRole("heading", { level: 1, name: new RegExp(`impact in ${year}`) })).toBeVisible();
    await expect(reader.getByRole("row", { name: /Attended an event/ })).toBeVisible();
    await expectFitsPhone(reader);
    await expectAccessibleWithoutScripts(reader, browser);
  } finally {
    await visitor.close();
  }
});

test("without JavaScript, anyone verifies an attendance certificate from its link on a phone", async ({ page, browser }) => {
  const { db } = await import("~db/client.server");
  const { achievements } = await import("~db/schema");
  const { randomId } = await import("~/utils/ids.server");
  const person = await createAccount({ name: "Amaka Verified" });
  const id = randomId(16);
  db.insert(achievements)
    .values({ id, userId: person.id, kind: "event", recipientName: "Amaka Verified", statement: "attended “CV clinic”", organisationName: "Steppingstone", earnedAt: Date.now() })
    .run();
  await page.setViewportSize({ width: 360, height: 740 });
  expect((await page.goto(`/achievements/${id}`))!.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "Certificate of attendance" })).toBeVisible();
  await expect(page.getByText("Amaka Verified")).toBeVisible();
  await expect(page.getByText("attended “CV clinic”")).toBeVisible();
  await expectFitsPhone(page);
  await expectAccessibleWithoutScripts(page, browser);
  expect((await page.goto("/achievements/no-such-certificate"))!.status()).toBe(404);
});
