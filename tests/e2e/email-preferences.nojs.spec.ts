import { expectAccessibleWithoutScripts } from "./account-helpers";
import { createAccount, expect, mailbox, signIn, test } from "./fixtures";
import { examples } from "../support/email-examples";

// JavaScript is off: a reminder's "stop these emails" link works without logging in, the choices
// page is a plain form, and a mail app's one-click POST (RFC 8058) works from any site.

test("a nudge's unsubscribe link stops that kind of email, and the choices page and /me/notifications agree", async ({ page, browser, request, context }) => {
  const person = await createAccount({ roles: ["participant"] });
  const { db } = await import("~db/client.server");
  const { enqueueMessage } = await import("~/modules/outbox/outbox.server");
  db.transaction((tx) => enqueueMessage(tx, person.email, "step-nudge", examples["step-nudge"]));
  const nudge = await mailbox.waitFor(person.email, /Step 2 is waiting for you/);
  expect(nudge.headers["auto-submitted"]).toBe("auto-generated");
  expect(nudge.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
  const link = nudge.headers["list-unsubscribe"].slice(1, -1);
  expect(link.startsWith(`${process.env.E2E_BASE_URL}/email/unsubscribe?`)).toBe(true);
  expect(nudge.text).toContain(link);

  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Stop these emails?" })).toBeVisible();
  await expectAccessibleWithoutScripts(page, browser);
  await page.getByRole("button", { name: "Stop these emails" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Done: you will not get these again" })).toBeVisible();

  await page.getByRole("link", { name: "your email choices" }).click();
  await expect(page.getByRole("checkbox", { name: "Programme nudges" })).not.toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Event reminders" })).toBeChecked();
  await expectAccessibleWithoutScripts(page, browser);
  await page.getByRole("checkbox", { name: "Event reminders" }).uncheck();
  await page.getByRole("button", { name: "Save my choices" }).click();
  await expect(page.getByText("Saved. We will send only the emails you chose.")).toBeVisible();

  // The same choices when signed in.
  await signIn(context, person);
  await page.goto("/me/notifications");
  await expect(page.getByRole("checkbox", { name: "Programme nudges" })).not.toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Event reminders" })).not.toBeChecked();
  await expect(page.getByRole("checkbox", { name: "New programme steps" })).toBeChecked();
  await expectAccessibleWithoutScripts(page, browser);

  // A mail app's one-click POST comes from no page of ours: with no Origin, or another site's.
  for (const headers of [{}, { Origin: "https://mail.example.com" }] as Record<string, string>[]) {
    const oneClick = await request.post(link.replace("k=step-nudges", "k=step-releases"), { headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" }, data: "List-Unsubscribe=One-Click" });
    expect(oneClick.status()).toBe(200);
  }
  await page.reload();
  await expect(page.getByRole("checkbox", { name: "New programme steps" })).not.toBeChecked();
});
