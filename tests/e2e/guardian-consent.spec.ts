import { waitForHydration } from "./account-helpers";
import { createAccount, expect, expectAccessible, mailbox, signIn, test, uniqueEmail } from "./fixtures";

// Organisers see who waits for a guardian's consent, send the request again, and record consent
// given on paper (ADR 0023); the young person changes their own choices on /me/privacy.

/** A young person of 15 who signed up and waits for their guardian, made as sign-up makes one. */
async function waitingYoungPerson(name: string) {
  const { db } = await import("~db/client.server");
  const { checkSignupConsent, createSignupAccount } = await import("~/modules/auth/index.server");
  const { hashPassword } = await import("~/modules/auth/password.server");
  const email = uniqueEmail("teen");
  const guardianEmail = uniqueEmail("guardian");
  const consent = checkSignupConsent({ role: "participant", email, birthDate: `${new Date().getFullYear() - 15}-01-15`, guardianEmail }, Date.now());
  if (!consent.ok) throw new Error(consent.message);
  const passwordHash = await hashPassword("a long enough phrase");
  const id = db.transaction((tx) => createSignupAccount(tx, { email, name, passwordHash, role: "participant", consent, now: Date.now() }).userId);
  return { id, email, guardianEmail };
}

test("an organiser sends the request again and records consent given on paper", async ({ page }) => {
  const organiser = await createAccount({ roles: ["organiser"] });
  const young = await waitingYoungPerson(`Kemi Waiting ${Date.now()}`);
  await signIn(page.context(), organiser);

  await page.goto("/admin/privacy/guardians");
  await expect(page.getByRole("heading", { level: 1, name: "Young people waiting for consent" })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: young.email });
  await expect(row).toContainText(young.guardianEmail);
  await expectAccessible(page);

  await waitForHydration(page);
  await row.getByRole("button", { name: /^Send again for / }).click();
  await expect(page.getByText(`We have emailed ${young.guardianEmail} a new link.`)).toBeVisible();
  await mailbox.waitFor(young.guardianEmail, /would like to join/);

  const form = page.locator("#paper-consent");
  await form.getByLabel("Young person", { exact: true }).selectOption(young.id);
  await form.getByLabel("Parent's or guardian's full name").fill("Bisi Lawal");
  await form.getByLabel("Who they are to the young person").selectOption("Aunt or uncle");
  await form.getByLabel("Their phone number").fill("0803 123 4567");
  await form.getByRole("button", { name: "Record consent" }).click();
  await expect(page.getByText("Tick the box to confirm you hold the signed form").first()).toBeVisible();
  await form.getByLabel("I hold the form, signed by the parent or guardian").check();
  await form.getByRole("button", { name: "Record consent" }).click();
  await expect(page.getByText(/Consent recorded: .*'s account is open\./)).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: young.email })).toHaveCount(0);
  await expectAccessible(page);
});

test("a participant changes an optional consent on their privacy page", async ({ page }) => {
  const me = await createAccount({ roles: ["participant"] });
  await signIn(page.context(), me);
  await page.goto("/me/privacy");
  await expect(page.getByRole("heading", { level: 1, name: "Your privacy" })).toBeVisible();
  await expectAccessible(page);
  await waitForHydration(page);
  await page.getByLabel("Let partners contact me").check();
  await page.getByRole("button", { name: "Save my choices" }).click();
  await expect(page.getByText("Your choices are saved.")).toBeVisible();
  await expect(page.getByLabel("Let partners contact me")).toBeChecked();
  await page.getByText("Your full consent history").click();
  await expect(page.getByRole("region", { name: "Your consent history" })).toContainText("Let partners contact me");
});
