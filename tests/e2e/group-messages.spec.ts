import { waitForHydration } from "./account-helpers";
import { localInput } from "./event-helpers";
import { createAccount, expect, expectAccessible, signIn, test } from "./fixtures";
import { checkedInElsewhere, emailedAddresses, outboxRowsOf, pastSaturdayWorkshop, writeToCheckedIn } from "./group-messages-helpers";

test("an organiser writes to the people checked in at last Saturday's workshop, and exactly they receive it", async ({ page }) => {
  const organiser = await createAccount({ roles: ["organiser"] });
  const workshop = await pastSaturdayWorkshop(organiser, { came: ["Ada Came", "Bola Came"], stayedAway: ["Chidi Stayed"] });
  const elsewhere = await checkedInElsewhere(organiser);
  const bystander = await createAccount({ name: "Dayo Bystander" });
  const subject = `Thank you for coming ${Date.now().toString(36)}`;
  await signIn(page.context(), organiser);

  await page.goto("/admin");
  await page.getByRole("link", { name: "Messages to groups" }).click();
  // A link clicked while React 18 is still hydrating the page can log "Root did not complete"
  // (#345) though the navigation goes through; this journey is about the message, not that race.
  await waitForHydration(page);
  await page.getByRole("link", { name: "Write a message" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New message" })).toBeVisible();
  await waitForHydration(page);
  // With JavaScript, only the fields the chosen group needs show.
  await expect(page.getByLabel("Campaign")).toHaveCount(0);
  await writeToCheckedIn(page, workshop, subject);
  await expect(page.getByLabel("Campaign")).toHaveCount(0);

  await page.getByRole("button", { name: "Check who it reaches" }).click();
  const reach = page.getByRole("status").filter({ hasText: "Who it reaches" });
  await expect(reach).toContainText(`Checked in at ${workshop.optionLabel}: 2 people.`);
  await expect(reach.getByRole("definition").first()).toHaveText("2 people");
  await expectAccessible(page);
  // What was typed is still there to send.
  await expect(page.getByLabel("Subject")).toHaveValue(subject);

  await page.getByRole("button", { name: "Send now" }).click();
  await expect(page.getByText("Sent to 2 people.")).toBeVisible();
  const broadcastId = new URL(page.url()).pathname.split("/").pop()!;
  expect(page.url()).toMatch(/\/admin\/messages\/[A-Za-z0-9_-]+$/);

  // The server's worker delivers them; the SMTP sink has exactly the two who came.
  const received = await emailedAddresses(subject, workshop.came);
  expect(received).toEqual(workshop.came.map((person) => person.email.toLowerCase()).sort());
  // The worker records each as sent just after the SMTP server took it.
  await expect.poll(async () => (await outboxRowsOf(broadcastId)).map((row) => `${row.recipient} ${row.status} ${row.channel}`).sort()).toEqual(
    workshop.came.map((person) => `${person.email} sent email`).sort(),
  );
  for (const person of [...workshop.stayedAway, elsewhere, bystander]) expect(received).not.toContain(person.email.toLowerCase());

  await page.reload();
  await expect(page.getByRole("row", { name: /^Email 2/ })).toBeVisible();
  await page.getByRole("link", { name: "Messages to groups" }).click();
  const listed = page.getByRole("row").filter({ hasText: subject });
  await expect(listed).toContainText(`Checked in at ${workshop.optionLabel}`);
  await expect(listed).toContainText("Sent");
  await expectAccessible(page);
});

test("a message scheduled for later can be cancelled before it goes", async ({ page }) => {
  const organiser = await createAccount({ roles: ["organiser"] });
  const workshop = await pastSaturdayWorkshop(organiser, { came: ["Femi Came"], stayedAway: [] });
  await signIn(page.context(), organiser);
  await page.goto("/admin/messages/new");
  await waitForHydration(page);
  await writeToCheckedIn(page, workshop, "Next month's follow-up");

  // (A time already past is refused by the server: the page without JavaScript checks that.)
  await page.getByLabel("Send on").fill(await localInput(30, "09:30"));
  await page.getByRole("button", { name: "Schedule" }).click();
  await expect(page.getByText(/^Scheduled\. The group has 1 person now/)).toBeVisible();
  await page.getByRole("button", { name: "Cancel this message" }).click();
  await expect(page.getByText("Cancelled: it will not be sent.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Cancel this message" })).toHaveCount(0);
});
