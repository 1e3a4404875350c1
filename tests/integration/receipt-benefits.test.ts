import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { renderEmail } from "~emails/registry";
import { action as campaignAction } from "~/routes/admin.campaigns.$id";
import { loader as receiptLoader } from "~/routes/receipts.$id";
import { loader as receiptPdfLoader } from "~/routes/receipts.$id[.pdf]";
import { loader as statementLoader } from "~/routes/me.giving.statement.$year";
import { createDonation, tiersOf } from "~/modules/sponsorship/index.server";
import { markDonationPaid } from "~/modules/sponsorship/fulfilment.server";
import { clock } from "~/utils/clock.server";
import { createUser, formRequest, getRequest, loadContext, routeArgs, signIn, type TestUser } from "../support/factories";
import { accepted } from "../support/outcomes";
import { runRoute } from "../support/route-results";
import { createOpenCampaign, receiptEmailsTo, type SimpleCampaign } from "../support/sponsorship-factories";

// "Whether anything was received in return" (ADR 0029, 0030): a tier may give the donor something
// back, and every receipt and statement then names it with its fair value instead of "nothing".

const DINNER = "A seat at the launch dinner";
const DINNER_WORDS = `In return, the donor received: ${DINNER}, with a fair value of ₦20,000.`;

let organiser: TestUser;
let organiserCookie: string;
let campaign: SimpleCampaign;

beforeAll(async () => {
  organiser = await createUser({ roles: ["organiser"] });
  organiserCookie = signIn(organiser.id).cookieHeader;
  campaign = createOpenCampaign({ title: "The launch dinner" });
});

const tierAction = (fields: Record<string, string>) =>
  runRoute(() =>
    campaignAction(routeArgs({ request: formRequest(`/admin/campaigns/${campaign.id}`, fields, { cookie: organiserCookie }), params: { id: campaign.id }, context: loadContext() })),
  );

/** A bank-transfer pledge through a tier (or none), received by an organiser: a paid gift with its receipt. */
function paidGift(donor: TestUser, tierId: string | null, amount?: number) {
  const { id } = accepted(
    createDonation({ campaignId: campaign.id, tierId, amount: amount ?? null, method: "bank_transfer", donorName: donor.name, donorEmail: donor.email, userId: donor.id, recognition: "named" }),
  );
  db.transaction((tx) => markDonationPaid(tx, id, { now: clock.now(), confirmedBy: organiser.id }), { behavior: "immediate" });
  return id;
}

async function pdfText(response: Response): Promise<string> {
  const task = getDocument({ data: new Uint8Array(await response.arrayBuffer()), verbosity: 0 });
  const pdf = await task.promise;
  const pages: string[] = [];
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const content = await (await pdf.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" "));
  }
  await task.destroy();
  return pages.join("\n").normalize("NFC").replace(/\s+/g, " ");
}

describe("a tier's benefit", () => {
  it("is set on the campaign's tier form, and refused at the field when it makes no sense", async () => {
    const tier = { intent: "add-tier", name: "Dinner sponsor", amount: "50,000", interval: "one_off", description: "Feeds ten trainees" };
    const noWords = await tierAction({ ...tier, benefitValue: "20,000" });
    expect(noWords.status).toBe(400);
    expect((noWords.data as { result: { error: Record<string, string[]> } }).result.error.benefitDescription).toEqual(["Say what the donor gets back, or leave its value empty"]);
    const tooMuch = await tierAction({ ...tier, benefitDescription: DINNER, benefitValue: "60,000" });
    expect(tooMuch.status).toBe(400);
    const reply = (tooMuch.data as { result: { error: Record<string, string[]>; initialValue: Record<string, string> } }).result;
    expect(reply.error.benefitValue).toEqual(["The fair value of what the donor gets back cannot be more than the gift"]);
    expect(reply.initialValue.benefitDescription).toBe(DINNER);
    expect(tiersOf(campaign.id)).toEqual([]);

    expect((await tierAction({ ...tier, benefitDescription: DINNER, benefitValue: "20,000" })).status).toBe(302);
    expect((await tierAction({ ...tier, name: "Supporter", amount: "10,000" })).status).toBe(302);
    expect(tiersOf(campaign.id).map(({ name, benefitDescription, benefitValue }) => ({ name, benefitDescription, benefitValue }))).toEqual([
      { name: "Dinner sponsor", benefitDescription: DINNER, benefitValue: 20_000_00 },
      { name: "Supporter", benefitDescription: "", benefitValue: 0 },
    ]);
  });

  it("is named with its fair value on the receipt page, the email, the PDF and the year's statement", async () => {
    const [dinner, supporter] = tiersOf(campaign.id);
    const donor = await createUser({ roles: ["sponsor"], name: "Ọlábísí Adéyẹmí" });
    const cookie = signIn(donor.id).cookieHeader;
    const withDinner = paidGift(donor, dinner.id);
    const plain = paidGift(donor, supporter.id);

    const page = (id: string) => runRoute(() => receiptLoader(routeArgs({ request: getRequest(`/receipts/${id}`, { cookie }), params: { id }, context: loadContext() })));
    expect((await page(withDinner)).data).toMatchObject({ amount: "₦50,000", inReturn: DINNER_WORDS });
    expect((await page(plain)).data).toMatchObject({ amount: "₦10,000", inReturn: "Nothing was given in return for this gift." });

    const [first, second] = receiptEmailsTo(donor.email);
    expect([first.props.inReturn, second.props.inReturn]).toEqual([DINNER_WORDS, "Nothing was given in return for this gift."]);
    const email = await renderEmail("donation-receipt", first.props as never, { name: "Bounce Forward", contactEmail: "" });
    expect(email.text.replace(/\s+/g, " ")).toContain(DINNER_WORDS);

    const pdf = (await receiptPdfLoader(routeArgs({ request: getRequest(`/receipts/${withDinner}.pdf`, { cookie }), params: { id: withDinner }, context: loadContext() }))) as Response;
    expect(pdf.status).toBe(200);
    expect(await pdfText(pdf)).toContain(`Given in return ${DINNER_WORDS}`);

    const year = String(new Date(clock.now()).getUTCFullYear());
    const statement = await runRoute(() => statementLoader(routeArgs({ request: getRequest(`/me/giving/statement/${year}`, { cookie }), params: { year }, context: loadContext() })));
    const data = statement.data as { lines: { amount: string; inReturn: string | null }[]; nothingInReturn: string };
    expect(data.lines.map((line) => [line.amount, line.inReturn])).toEqual([
      ["₦50,000", DINNER_WORDS],
      ["₦10,000", null],
    ]);
    expect(data.nothingInReturn).toBe("Where something was given in return for a gift, it is named beside that gift with its fair value; nothing was given in return for the others.");
  });

  it("follows the tier as organisers correct it, and a gift of another amount gets nothing back", async () => {
    const [dinner] = tiersOf(campaign.id);
    const edited = await tierAction({ intent: "edit-tier", tierId: dinner.id, name: dinner.name, amount: "50,000", interval: "one_off", benefitDescription: "A dinner seat", benefitValue: "" });
    expect(edited.status).toBe(302);
    const donor = await createUser({ roles: ["sponsor"] });
    const cookie = signIn(donor.id).cookieHeader;
    const viaTier = paidGift(donor, dinner.id);
    const custom = paidGift(donor, null, 50_000_00);
    const inReturn = async (id: string) =>
      ((await runRoute(() => receiptLoader(routeArgs({ request: getRequest(`/receipts/${id}`, { cookie }), params: { id }, context: loadContext() })))).data as { inReturn: string }).inReturn;
    expect(await inReturn(viaTier)).toBe("In return, the donor received: A dinner seat, with no monetary value.");
    expect(await inReturn(custom)).toBe("Nothing was given in return for this gift.");
  });
});
