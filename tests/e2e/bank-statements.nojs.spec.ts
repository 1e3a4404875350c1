import { expectAccessibleWithoutScripts } from "./account-helpers";
import { createCampaign } from "./campaign-helpers";
import { createAccount, expect, mailbox, signIn, test, uniqueEmail } from "./fixtures";
import { accepted } from "../support/outcomes";

// With JavaScript off: an organiser uploads the bank's statement, sees the credits matched to the
// transfer pledges they pay (by reference, and by amount and date), confirms them in one action,
// and the donors get their receipts; a layout the app does not know asks for its columns first.

const today = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Africa/Lagos" }).format(Date.now());
const gtbankDay = () => new Intl.DateTimeFormat("en-GB", { timeZone: "Africa/Lagos", day: "2-digit", month: "short", year: "numeric" }).format(Date.now()).replace(/ /g, "-");
// Amounts no other test pledges, so that matching on amount finds only this test's pledge.
const oddNaira = () => 7_000 + Math.floor(Math.random() * 900) + 1;
const naira = (n: number) => n.toLocaleString("en-GB", { minimumFractionDigits: 2 });

async function pledges(stamp: string, amounts: number[]) {
  const { createDonation } = await import("~/modules/sponsorship/donations.server");
  const { id: campaignId } = await createCampaign(`Statement appeal ${stamp}`, { slugPrefix: "statement", story: "", goalAmount: 100_000_000, minAmount: 100_000, maxAmount: 100_000_000 });
  return amounts.map((amount, index) => {
    const email = uniqueEmail(`pledger-${index}`);
    const name = `Pledger ${index} ${stamp}`;
    const { id, reference } = accepted(createDonation({ campaignId, amount: amount * 100, interval: "one_off", method: "bank_transfer", donorName: name, donorEmail: email, recognition: "named" }));
    return { id, reference: reference!, email, name };
  });
}

test("an organiser uploads a statement, reviews the matches and confirms them in one go", async ({ page, browser }) => {
  const stamp = Date.now().toString(36);
  const byAmount = oddNaira();
  const [byReference, byAmountPledge] = await pledges(stamp, [20_000, byAmount]);
  const organiser = await createAccount({ roles: ["organiser"], name: "Statement Organiser" });
  const day = gtbankDay();
  const csv = [
    "GUARANTY TRUST BANK PLC",
    "Account Name:,RISE AGAIN LAGOS INITIATIVE",
    "Trans. Date,Value Date,Reference,Debits,Credits,Balance,Originating Branch,Remarks",
    `${day},${day},FT${stamp}A,,"15,000.00","215,000.00",LAGOS ISLAND,"NIP FROM ${byReference!.name.toUpperCase()} ${byReference!.reference.replace(/-/g, " ")}"`,
    `${day},${day},FT${stamp}B,,"${naira(byAmount)}","${naira(215_000 + byAmount)}",IKEJA,TRF VIA MOBILE APP ${stamp}`,
    `${day},${day},FT${stamp}C,"2,500.00",,"${naira(212_500 + byAmount)}",HEAD OFFICE,SMS ALERT CHARGES`,
    `${day},${day},FT${stamp}D,,"99,999.99","${naira(312_499.99 + byAmount)}",SURULERE,CASH DEPOSIT ${stamp}`,
    `,,,Total,"2,500.00","${naira(114_999.99 + byAmount)}",,`,
  ].join("\r\n");

  await signIn(page.context(), organiser);
  await page.goto("/admin/donations/statements");
  await expect(page.getByRole("heading", { level: 1, name: "Bank statements" })).toBeVisible();
  await expectAccessibleWithoutScripts(page, browser);

  // No file chosen: the error is at the field.
  await page.getByRole("button", { name: "Upload and match" }).click();
  await expect(page.getByRole("heading", { name: "There is a problem" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Choose the statement file (CSV) to upload" })).toBeVisible();

  await page.getByLabel("Statement file (CSV)").setInputFiles({ name: `gtbank-${stamp}.csv`, mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Upload and match" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `gtbank-${stamp}.csv` })).toBeVisible();
  await expect(page.getByText("3 new credits read; 1 line skipped (money paid out, or no credit). 2 matches to review.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Matches to confirm (2)" })).toBeVisible();
  await expect(page.getByText("₦5,000 less than pledged: the receipt is for what arrived.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Credits without a pledge (1)" })).toBeVisible();
  await expectAccessibleWithoutScripts(page, browser);

  await page.getByRole("button", { name: "Confirm 2 matches" }).click();
  await expect(page.getByText("2 pledges marked received; the receipts are on their way.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Confirmed (2)" })).toBeVisible();
  await mailbox.waitFor(byReference!.email, /Thank you: your ₦15,000 gift/);
  await mailbox.waitFor(byAmountPledge!.email, new RegExp(`Thank you: your ₦${byAmount.toLocaleString("en-GB")} gift`));

  // The same file again adds nothing.
  await page.goto("/admin/donations/statements");
  await page.getByLabel("Statement file (CSV)").setInputFiles({ name: `again-${stamp}.csv`, mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Upload and match" }).click();
  await expect(page.getByText("That statement was imported before, so nothing was added. Here it is.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: `gtbank-${stamp}.csv` })).toBeVisible();
});

test("a statement in a layout the app does not know is read once its columns are chosen", async ({ page, browser }) => {
  const stamp = Date.now().toString(36);
  const amount = oddNaira();
  const [pledge] = await pledges(stamp, [amount]);
  const organiser = await createAccount({ roles: ["organiser"] });
  const csv = [`Date,Details ${stamp},Money Out,Money In,Balance`, `${today()} 14:03:11,Inward transfer ${pledge!.reference.replace(/-/g, "")},,"${naira(amount)}","${naira(50_000 + amount)}"`].join("\n");

  await signIn(page.context(), organiser);
  await page.goto("/admin/donations/statements");
  await page.getByLabel("Statement file (CSV)").setInputFiles({ name: `bank-${stamp}.csv`, mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Upload and match" }).click();
  await expect(page.getByRole("heading", { name: "Which column is which?" })).toBeVisible();
  await expectAccessibleWithoutScripts(page, browser);
  await page.getByLabel("Date of the transaction").selectOption({ label: "Date" });
  await page.getByLabel("How the dates are written").selectOption("ymd");
  await page.getByLabel("Description (narration or remarks)").selectOption({ label: `Details ${stamp}` });
  await page.getByLabel("Money paid in (credit)").selectOption({ label: "Money In" });
  await page.getByLabel("Money paid out (debit), if it has its own column").selectOption({ label: "Money Out" });
  await page.getByRole("button", { name: "Read the statement with these columns" }).click();
  await expect(page.getByRole("heading", { name: "Matches to confirm (1)" })).toBeVisible();
  await expect(page.getByText("The pledge's reference in the narration")).toBeVisible();
  await page.getByRole("button", { name: "Confirm 1 match" }).click();
  await expect(page.getByText("1 pledge marked received; the receipts are on their way.")).toBeVisible();
});
