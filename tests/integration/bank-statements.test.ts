import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { auditLog, bankStatements, statementLines } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { csvRows, decodeStatement } from "~/modules/sponsorship/bank-statements/csv-text.server";
import { readStatement } from "~/modules/sponsorship/bank-statements/layouts.server";
import { campaignProgress, eraseSponsorshipData } from "~/modules/sponsorship/index.server";
import { createUser, signIn } from "../support/factories";
import { createOpenCampaign, giftRow, pledgeTransfer, receiptEmailsTo, type SimpleCampaign } from "../support/sponsorship-factories";
import { decide, glued, linesOf, postToUpload, reviewPage, spaced, statementFixture, statementIdOf, uploadRequest, uploadStatement } from "../support/statement-factories";

// Organisers upload the bank's statement; each credit finds the transfer pledge it pays by the
// reference in its narration, else by amount and date, and one click confirms them all (ADR 0028).

let cookie: string;
let campaign: SimpleCampaign;
const at = (iso: string) => Date.parse(iso);

/** Pledges made through the real donation code, each at its own moment. */
function pledgeOn(iso: string, amount: number, name: string) {
  clock.set(at(iso));
  return pledgeTransfer(campaign, { amount, name });
}

let ada: ReturnType<typeof pledgeOn>;
let chinedu: ReturnType<typeof pledgeOn>;
let twinA: ReturnType<typeof pledgeOn>;
let twinB: ReturnType<typeof pledgeOn>;
let kemi: ReturnType<typeof pledgeOn>;
let ifeoma: ReturnType<typeof pledgeOn>;
let gtbankStatementId: string;

beforeAll(async () => {
  cookie = signIn((await createUser({ name: "Statement Organiser", roles: ["organiser"] })).id).cookieHeader;
  campaign = createOpenCampaign({ title: "Workshop seats" });
  // Ada pledged ₦20,000 and sent ₦15,000 with her reference; Chinedu's ₦7,500 is the only one of its amount.
  ada = pledgeOn("2026-11-02T09:00:00Z", 20_000_00, "Ada Obi");
  chinedu = pledgeOn("2026-11-08T15:00:00Z", 7_500_00, "Chinedu Eze");
  twinA = pledgeOn("2026-11-05T10:00:00Z", 5_000_00, "Bola Ige");
  twinB = pledgeOn("2026-11-09T10:00:00Z", 5_000_00, "Dapo Ige");
  // Pledged 29 days before the ₦9,000 credit: too long before to be matched on amount alone.
  kemi = pledgeOn("2026-10-20T10:00:00Z", 9_000_00, "Kemi Lawal");
  ifeoma = pledgeOn("2026-11-21T10:00:00Z", 30_000_00, "Ifeoma Nwosu");
  clock.set(at("2026-11-25T09:00:00Z"));
});

afterAll(() => clock.set(null));

const read = (text: string) => readStatement(csvRows(decodeStatement(new TextEncoder().encode(text))), "NGN", {});

describe("reading statements", () => {
  it("reads the common Nigerian layouts: the preamble and totals passed over, debits skipped, amounts in exact kobo", () => {
    const gtbank = read(statementFixture("gtbank-november.csv", { ADA_REF_SPACED: "7kq4 mz2p" }));
    expect(gtbank).toMatchObject({ kind: "read", layout: "gtbank", skipped: 2, unreadable: 0 });
    expect(gtbank?.kind === "read" && gtbank.credits.map((c) => [c.postedOn, c.amount])).toEqual([
      ["2026-11-03", 15_000_00],
      ["2026-11-10", 7_500_00],
      ["2026-11-12", 5_000_00],
      ["2026-11-14", 42_000_00],
      ["2026-11-18", 9_000_00],
    ]);
    const access = read(statementFixture("access-november.csv", { SEUN_REF: "7KQ4-MZ2P" }));
    expect(access).toMatchObject({ kind: "read", layout: "access", skipped: 2, credits: [{ postedOn: "2026-11-04", amount: 25_000_50, narration: "NIP/ZENITH/OLUWASEUN ADEYEMI/SS-7KQ4-MZ2P", balance: "105,000.50" }] });
    const uba = read(statementFixture("uba-november.csv"));
    expect(uba).toMatchObject({
      kind: "read",
      layout: "uba",
      skipped: 1,
      credits: [
        { postedOn: "2026-11-07", amount: 12_000_00, narration: "UBA TRF FROM HAUWA MUSA" },
        { postedOn: "2026-11-09", amount: 1_234_567_89, narration: "TRANSFER, SCHOOL FEES REFUND" },
      ],
    });
  });

  it("asks for the columns of a layout it does not know, showing the headings and the first lines", () => {
    const unknown = read(statementFixture("moniepoint-november.csv", { EMEKA_REF_GLUED: "SS7KQ4MZ2P" }));
    expect(unknown).toMatchObject({ kind: "needs-mapping", headers: ["Date", "Transaction Details", "Money Out", "Money In", "Balance", "Session ID"] });
    expect(unknown?.kind === "needs-mapping" && unknown.sample).toHaveLength(3);
  });
});

describe("importing and matching", () => {
  it("matches by reference however the bank spaced it, by amount and date when one pledge fits, and leaves the rest", async () => {
    const upload = await uploadStatement(cookie, "gtbank-november.csv", statementFixture("gtbank-november.csv", { ADA_REF_SPACED: spaced(ada.reference) }));
    expect(upload.status).toBe(302);
    gtbankStatementId = statementIdOf(upload.headers.get("location"));
    const lines = linesOf(gtbankStatementId);
    // The opening balance and the SMS charge are not credits.
    expect(lines).toHaveLength(5);
    const byAmount = new Map(lines.map((line) => [line.amount, line]));
    expect(byAmount.get(15_000_00)).toMatchObject({ status: "proposed", donationId: ada.id, matchedBy: "reference", postedOn: "2026-11-03" });
    expect(byAmount.get(7_500_00)).toMatchObject({ status: "proposed", donationId: chinedu.id, matchedBy: "amount_and_date" });
    // Two ₦5,000 pledges in the 14 days before: an organiser chooses.
    expect(byAmount.get(5_000_00)).toMatchObject({ status: "unmatched", donationId: null });
    expect(byAmount.get(42_000_00)).toMatchObject({ status: "unmatched", donationId: null });
    expect(byAmount.get(9_000_00)).toMatchObject({ status: "unmatched", donationId: null });
    // Nothing is received until an organiser confirms.
    expect(giftRow(ada.id).status).toBe("pending");
    expect(receiptEmailsTo(ada.donorEmail)).toHaveLength(0);

    const page = (await reviewPage(cookie, gtbankStatementId)).data as { proposed: { pledge: { donorName: string }; difference: string | null }[]; unmatched: { amount: string; candidates: { donorName: string }[] }[] };
    expect(page.proposed.map((line) => line.pledge.donorName)).toEqual(["Ada Obi", "Chinedu Eze"]);
    expect(page.proposed[0]!.difference).toBe("₦5,000 less than pledged: the receipt is for what arrived.");
    expect(page.unmatched.find((line) => line.amount === "₦5,000")!.candidates.map((c) => c.donorName)).toEqual(["Bola Ige", "Dapo Ige"]);
    expect(db.select().from(auditLog).where(and(eq(auditLog.action, "bank_statement.imported"), eq(auditLog.targetId, gtbankStatementId))).all()).toHaveLength(1);
  });

  it("changes nothing when the same statement is imported again, whatever its line endings", async () => {
    const content = statementFixture("gtbank-november.csv", { ADA_REF_SPACED: spaced(ada.reference) });
    const again = await uploadStatement(cookie, "gtbank-again.csv", content.replace(/\r\n/g, "\n"));
    expect(again.status).toBe(302);
    expect(statementIdOf(again.headers.get("location"))).toBe(gtbankStatementId);
    expect(db.select().from(bankStatements).all()).toHaveLength(1);
    expect(linesOf(gtbankStatementId)).toHaveLength(5);
  });

  it("adds only the new credits of a statement that overlaps an earlier one", async () => {
    const upload = await uploadStatement(cookie, "gtbank-later.csv", statementFixture("gtbank-november-later.csv", { IFEOMA_REF_DASHED: ifeoma.reference }));
    const laterId = statementIdOf(upload.headers.get("location"));
    expect(laterId).not.toBe(gtbankStatementId);
    expect(linesOf(laterId)).toEqual([expect.objectContaining({ amount: 30_000_00, status: "proposed", donationId: ifeoma.id, matchedBy: "reference" })]);
    expect(db.select().from(statementLines).all()).toHaveLength(6);
  });

  it("confirms every proposed match in one action: each pledge received for what arrived, on the day it arrived, with one receipt", async () => {
    const proposed = linesOf(gtbankStatementId).filter((line) => line.status === "proposed");
    const confirm = { intent: "confirm", lineIds: proposed.map((line) => line.id) };
    // Two tabs, and a double click.
    const answers = await Promise.all([decide(cookie, gtbankStatementId, confirm), decide(cookie, gtbankStatementId, confirm), decide(cookie, gtbankStatementId, confirm)]);
    expect(answers.map((answer) => answer.status)).toEqual([302, 302, 302]);

    expect(giftRow(ada.id)).toMatchObject({ status: "paid", receivedAmount: 15_000_00, amount: 20_000_00, paidAt: at("2026-11-03T11:00:00Z") });
    expect(giftRow(chinedu.id)).toMatchObject({ status: "paid", receivedAmount: null, paidAt: at("2026-11-10T11:00:00Z") });
    expect(receiptEmailsTo(ada.donorEmail)).toHaveLength(1);
    expect(receiptEmailsTo(ada.donorEmail)[0]!.props).toMatchObject({ amount: "₦15,000" });
    expect(receiptEmailsTo(chinedu.donorEmail)).toHaveLength(1);
    expect(linesOf(gtbankStatementId).filter((line) => line.status === "confirmed").map((line) => line.donationId).sort()).toEqual([ada.id, chinedu.id].sort());
    const audits = db.select().from(auditLog).where(eq(auditLog.targetId, ada.id)).all();
    expect(audits.map((entry) => [entry.action, entry.details])).toEqual([["donation.transfer_received", expect.objectContaining({ received: 15_000_00, amount: 20_000_00, statementId: gtbankStatementId })]]);
    // The campaign counts what arrived: ₦15,000 + ₦7,500.
    expect(campaignProgress(campaign.id).raised).toBe(22_500_00);
  });

  it("lets an organiser turn a match down, set a credit aside, put it back, and match one by hand", async () => {
    const later = db.select().from(statementLines).where(eq(statementLines.donationId, ifeoma.id)).get()!;
    expect((await decide(cookie, later.statementId, { intent: "reject", lineId: later.id })).status).toBe(302);
    expect(db.select().from(statementLines).where(eq(statementLines.id, later.id)).get()).toMatchObject({ status: "unmatched", donationId: null });
    // Turned down twice: the second finds the line changed.
    expect((await decide(cookie, later.statementId, { intent: "reject", lineId: later.id })).status).toBe(409);

    const lines = linesOf(gtbankStatementId);
    const twin = lines.find((line) => line.amount === 5_000_00)!;
    const cash = lines.find((line) => line.amount === 42_000_00)!;
    expect((await decide(cookie, gtbankStatementId, { intent: "match", lineId: twin.id, donationId: twinB.id })).status).toBe(302);
    expect(giftRow(twinB.id)).toMatchObject({ status: "paid", paidAt: at("2026-11-12T11:00:00Z") });
    expect(giftRow(twinA.id).status).toBe("pending");
    expect(db.select().from(statementLines).where(eq(statementLines.id, twin.id)).get()).toMatchObject({ status: "confirmed", matchedBy: "organiser", donationId: twinB.id });

    // A pledge another credit already paid cannot be taken again, and the refusal is at the field.
    const refused = await decide(cookie, gtbankStatementId, { intent: "match", lineId: cash.id, donationId: twinB.id });
    expect(refused.status).toBe(400);
    expect(refused.data).toMatchObject({ lineId: cash.id });
    expect((await decide(cookie, gtbankStatementId, { intent: "match", lineId: cash.id })).status).toBe(400);

    expect((await decide(cookie, gtbankStatementId, { intent: "ignore", lineId: cash.id })).status).toBe(302);
    expect(db.select().from(statementLines).where(eq(statementLines.id, cash.id)).get()!.status).toBe("ignored");
    expect((await decide(cookie, gtbankStatementId, { intent: "restore", lineId: cash.id })).status).toBe(302);
    expect(db.select().from(statementLines).where(eq(statementLines.id, cash.id)).get()!.status).toBe("unmatched");
    expect(giftRow(kemi.id).status).toBe("pending");
    expect((await decide(cookie, "no-such-statement", { intent: "ignore", lineId: cash.id })).status).toBe(404);
  });
});

describe("erasure", () => {
  it("takes an erased donor's words out of the credits that paid their gifts, and their name out of any other", () => {
    const chineduLine = db.select().from(statementLines).where(eq(statementLines.donationId, chinedu.id)).get()!;
    const other = linesOf(gtbankStatementId).find((line) => line.amount === 9_000_00)!;
    db.update(statementLines).set({ narration: "TRANSFER FROM KEMI LAWAL FOR CHINEDU EZE" }).where(eq(statementLines.id, other.id)).run();
    db.transaction((tx) => eraseSponsorshipData(tx, { userId: "no-account", name: "Chinedu Eze", email: chinedu.donorEmail, placeholderEmail: "erased-test@invalid.example" }, clock.now()), {
      behavior: "immediate",
    });
    expect(db.select().from(statementLines).where(eq(statementLines.id, chineduLine.id)).get()).toMatchObject({ narration: "[removed]", amount: 7_500_00, lineKey: chineduLine.lineKey });
    expect(db.select().from(statementLines).where(eq(statementLines.id, other.id)).get()!.narration).toBe("TRANSFER FROM KEMI LAWAL FOR [removed]");
  });
});

describe("a layout we do not know", () => {
  const MAPPING = { intent: "map", currency: "NGN", dateColumn: "0", narrationColumn: "1", creditColumn: "3", debitColumn: "2", balanceColumn: "4", dateOrder: "ymd" };
  let emeka: ReturnType<typeof pledgeOn>;

  it("asks which column is which, then reads it so; the next file with the same headings is read the same way", async () => {
    emeka = pledgeOn("2026-11-14T08:00:00Z", 6_000_00, "Emeka Okonkwo");
    clock.set(at("2026-11-25T09:00:00Z"));
    const content = statementFixture("moniepoint-november.csv", { EMEKA_REF_GLUED: glued(emeka.reference) });
    const asked = await uploadStatement(cookie, "moniepoint.csv", content);
    expect(asked.status).toBe(200);
    const step = (asked.data as { form: string; step: { headers: string[]; fileData: string; fileName: string } }).step;
    expect(step.headers).toContain("Money In");
    expect(db.select().from(bankStatements).all().some((s) => s.fileName === "moniepoint.csv")).toBe(false);

    // A mistake comes back at its field with the step again.
    const mistaken = await postToUpload(uploadRequest({ ...MAPPING, narrationColumn: "0", fileName: step.fileName, fileData: step.fileData }, null, cookie));
    expect(mistaken.status).toBe(400);
    expect(mistaken.data).toMatchObject({ form: "map", step: { headers: step.headers }, result: { error: { narrationColumn: ["Choose a different column from the date"] } } });

    const mapped = await postToUpload(uploadRequest({ ...MAPPING, fileName: step.fileName, fileData: step.fileData }, null, cookie));
    expect(mapped.status).toBe(302);
    const statementId = statementIdOf(mapped.headers.get("location"));
    expect(linesOf(statementId).map((line) => [line.postedOn, line.amount, line.status, line.donationId])).toEqual([
      ["2026-11-15", 6_000_00, "proposed", emeka.id],
      ["2026-11-17", 3_500_00, "unmatched", null],
    ]);

    const next = await uploadStatement(cookie, "moniepoint-later.csv", statementFixture("moniepoint-november-later.csv"));
    expect(next.status).toBe(302);
    expect(linesOf(statementIdOf(next.headers.get("location")))).toEqual([expect.objectContaining({ postedOn: "2026-11-19", amount: 4_000_00 })]);
  });
});

describe("what the page refuses", () => {
  it("refuses files too large, files with no headings, forms without a file, and people who are not organisers", async () => {
    const tooLarge = await uploadStatement(cookie, "huge.csv", "Date,Narration,Credit\n" + "2026-11-01,x,1\n".repeat(220_000));
    expect(tooLarge.status).toBe(413);
    const overTwoMegabytes = await uploadStatement(cookie, "big.csv", "Date,Narration,Credit\n" + "2026-11-01,x,1\n".repeat(150_000));
    expect(overTwoMegabytes.status).toBe(413);
    expect(overTwoMegabytes.data).toMatchObject({ result: { error: { file: [expect.stringContaining("larger than 2 MB")] } } });
    const noHeadings = await uploadStatement(cookie, "notes.csv", "just some words\nand more words\n");
    expect(noHeadings.status).toBe(400);
    expect(noHeadings.data).toMatchObject({ form: "upload", result: { error: { file: [expect.stringContaining("row of column headings")] } } });
    const noFile = await postToUpload(uploadRequest({ intent: "upload", currency: "NGN" }, null, cookie));
    expect(noFile.status).toBe(400);
    expect(noFile.data).toMatchObject({ result: { error: { file: [expect.any(String)] } } });
    const participant = signIn((await createUser({ roles: ["participant"] })).id).cookieHeader;
    expect((await uploadStatement(participant, "x.csv", "a,b,c")).status).toBe(403);
    expect((await decide(participant, gtbankStatementId, { intent: "ignore", lineId: "x" })).status).toBe(403);
    expect((await reviewPage(participant, gtbankStatementId)).status).toBe(403);
  });

  it("counts two identical credits on one day as two, once", async () => {
    const twice = "Date Posted,Value Date,Description,Debit,Credit,Balance\n20/11/2026,20/11/2026,POS REVERSAL,,500.00,\n20/11/2026,20/11/2026,POS REVERSAL,,500.00,\n";
    const first = await uploadStatement(cookie, "zenith.csv", twice);
    expect(linesOf(statementIdOf(first.headers.get("location")))).toHaveLength(2);
    const overlapping = await uploadStatement(cookie, "zenith-2.csv", `${twice}21/11/2026,21/11/2026,POS REVERSAL,,500.00,\n`);
    expect(linesOf(statementIdOf(overlapping.headers.get("location")))).toHaveLength(1);
  });
});
