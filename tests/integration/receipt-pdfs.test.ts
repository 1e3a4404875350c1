import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { loader as receiptPdfLoader } from "~/routes/receipts.$id[.pdf]";
import { loader as statementPdfLoader } from "~/routes/me.giving.statement.$year[.pdf]";
import { loader as receiptPageLoader } from "~/routes/receipts.$id";
import { loader as statementPageLoader } from "~/routes/me.giving.statement.$year";
import { markDonationPaid } from "~/modules/sponsorship/fulfilment.server";
import { recordGiftInPerson } from "~/modules/sponsorship/index.server";
import { updateOrganisation } from "~/modules/organisation/index.server";
import { clock, DAY } from "~/utils/clock.server";
import { isoDate } from "~/utils/dates";
import { createUser, getRequest, loadContext, routeArgs, signIn, type TestUser } from "../support/factories";
import { accepted } from "../support/outcomes";
import { runRoute } from "../support/route-results";
import { createOpenCampaign, pledgeTransfer, receiptEmailsTo, type SimpleCampaign } from "../support/sponsorship-factories";

// Receipts and statements as PDF files: the organisation's registered details, the naira sign and
// donors' names in Yoruba and Hausa spelling come out of the file as they went in, and the files
// open for exactly whoever may open the page.

const LEGAL_NAME = "Ìrànlọ́wọ́ Youth Foundation";
const DONOR = "Adébáyọ̀ Ọlọ́fin";
const HAUSA_DONOR = "Ɗanjuma Ƙwari Ƴar’adua";
const RECEIVED_ON = isoDate(Date.now() - DAY, "Africa/Lagos");
const YEAR = Number(RECEIVED_ON.slice(0, 4));

let organiser: TestUser;
let organiserCookie: string;
let campaign: SimpleCampaign;

beforeAll(async () => {
  updateOrganisation({
    name: "Rise Again Lagos",
    contactEmail: "hello@riseagain.example",
    timeZone: "Africa/Lagos",
    legalName: LEGAL_NAME,
    registrationNumber: "RC 1234567",
    postalAddress: "12 Herbert Macaulay Way\nYaba, Lagos",
    receiptTaxWording: "Registered with the Corporate Affairs Commission.",
  });
  organiser = await createUser({ roles: ["organiser"] });
  organiserCookie = signIn(organiser.id).cookieHeader;
  campaign = createOpenCampaign({ title: "Laptops for the Yaba hub" });
});

/** The text of every page of a PDF, as a reader's copy-and-paste gives it (in NFC, as names are stored). */
async function pdfText(bytes: ArrayBuffer): Promise<string> {
  // A copy: pdf.js takes over the buffer it is given.
  const task = getDocument({ data: new Uint8Array(bytes.slice(0)), verbosity: 0 });
  const pdf = await task.promise;
  const pages: string[] = [];
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const content = await (await pdf.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" "));
  }
  await task.destroy();
  return pages.join("\n").normalize("NFC").replace(/\s+/g, " ");
}

function recordInKind(input: { name: string; email?: string; description: string; amount: string }) {
  return accepted(
    recordGiftInPerson({
      actorId: organiser.id,
      formKey: `pdf-test-${Math.random().toString(36).slice(2)}-key`,
      campaignId: campaign.id,
      kind: "in_kind",
      amount: input.amount,
      description: input.description,
      name: input.name,
      email: input.email,
      receivedOn: RECEIVED_ON,
      recognition: "unlisted",
      message: undefined,
    }),
  );
}

const receiptPdf = (id: string, options: { cookie?: string; token?: string } = {}) =>
  runRoute(async () => {
    const query = options.token ? `?t=${options.token}` : "";
    const response = await receiptPdfLoader(routeArgs({ request: getRequest(`/receipts/${id}.pdf${query}`, { cookie: options.cookie }), params: { id }, context: loadContext() }));
    return { response, body: await response.arrayBuffer() };
  });

describe("a receipt as a PDF", () => {
  it("carries the registered details, the naira amount, the donor's name as written and what was given in kind", async () => {
    const gift = recordInKind({ name: DONOR, description: "10 laptops for the Ƙofar Mata hub", amount: "1,250,000" });
    const result = await receiptPdf(gift.id, { cookie: organiserCookie });
    expect(result.status).toBe(200);
    const { response, body } = result.data as { response: Response; body: ArrayBuffer };
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="receipt-${gift.receiptNumber}.pdf"`);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(new TextDecoder().decode(body.slice(0, 5))).toBe("%PDF-");
    const text = await pdfText(body);
    for (const part of [
      LEGAL_NAME,
      "Known as Rise Again Lagos",
      "Registration number: RC 1234567",
      "12 Herbert Macaulay Way",
      `Receipt ${gift.receiptNumber}`,
      DONOR,
      "Fair value",
      "₦1,250,000",
      "In kind: 10 laptops for the Ƙofar Mata hub",
      "Nothing was given in return for this gift.",
      "Registered with the Corporate Affairs Commission.",
    ]) {
      expect(text).toContain(part.normalize("NFC"));
    }
    // The page links to the file.
    const page = await runRoute(() => receiptPageLoader(routeArgs({ request: getRequest(`/receipts/${gift.id}`, { cookie: organiserCookie }), params: { id: gift.id }, context: loadContext() })));
    expect(page.data).toMatchObject({ pdfHref: `/receipts/${gift.id}.pdf` });
  });

  it("opens with the emailed link and for the account it was given from, and is a 404 for anyone else", async () => {
    const sponsor = await createUser({ roles: ["sponsor"], name: HAUSA_DONOR });
    const other = await createUser({ roles: ["sponsor"] });
    const pledge = pledgeTransfer(campaign, { amount: 7_500_00, name: HAUSA_DONOR, email: sponsor.email, userId: sponsor.id });
    db.transaction((tx) => markDonationPaid(tx, pledge.id, { now: clock.now(), confirmedBy: organiser.id }), { behavior: "immediate" });
    const token = new URL(String((receiptEmailsTo(sponsor.email)[0].props as { url: string }).url)).searchParams.get("t")!;

    const asOwner = await receiptPdf(pledge.id, { cookie: signIn(sponsor.id).cookieHeader });
    expect(asOwner.status).toBe(200);
    const text = await pdfText((asOwner.data as { body: ArrayBuffer }).body);
    expect(text).toContain(HAUSA_DONOR.normalize("NFC"));
    expect(text).toContain("₦7,500");
    expect(text).toContain("Paid by Bank transfer");
    expect((await receiptPdf(pledge.id, { token })).status).toBe(200);

    const wrongToken = `${token.slice(0, -1)}${token.endsWith("x") ? "y" : "x"}`;
    for (const attempt of [{}, { cookie: signIn(other.id).cookieHeader }, { cookie: organiserCookie }, { token: wrongToken }]) {
      expect((await receiptPdf(pledge.id, attempt)).status).toBe(404);
    }
    // An in-kind gift's receipt is not the donor's to open just by being signed in elsewhere.
    const inKind = recordInKind({ name: "Yaba Hall", description: "The venue", amount: "300000" });
    expect((await receiptPdf(inKind.id, { cookie: signIn(other.id).cookieHeader })).status).toBe(404);
    expect((await receiptPdf("no-such-receipt", { cookie: organiserCookie })).status).toBe(404);
  });
});

describe("a giving statement as a PDF", () => {
  const statementPdf = (year: number, cookie?: string) =>
    runRoute(async () => {
      const response = await statementPdfLoader(routeArgs({ request: getRequest(`/me/giving/statement/${year}.pdf`, { cookie }), params: { year: String(year) }, context: loadContext() }));
      return { response, body: await response.arrayBuffer() };
    });

  it("lists the person's own gifts of the year, in kind with their description, with totals, and nobody else's", async () => {
    const donor = await createUser({ roles: ["sponsor"], name: DONOR });
    const stranger = await createUser({ roles: ["sponsor"], name: "Someone Else" });
    recordInKind({ name: DONOR, email: donor.email, description: "Printing of 500 workbooks", amount: "180,000" });
    const cash = accepted(
      recordGiftInPerson({ actorId: organiser.id, formKey: "pdf-test-cash-gift-0001", campaignId: campaign.id, kind: "cash", amount: "20000", name: DONOR, email: donor.email, receivedOn: RECEIVED_ON, recognition: "named" }),
    );

    const result = await statementPdf(YEAR, signIn(donor.id).cookieHeader);
    expect(result.status).toBe(200);
    const { response, body } = result.data as { response: Response; body: ArrayBuffer };
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="giving-statement-${YEAR}.pdf"`);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const text = await pdfText(body);
    for (const part of [`Giving statement ${YEAR}`, LEGAL_NAME, "RC 1234567", DONOR, "Printing of 500 workbooks", "₦180,000", cash.receiptNumber, "₦200,000", "Nothing was given in return for any of these gifts."]) {
      expect(text).toContain(part.normalize("NFC"));
    }

    const theirs = await pdfText((((await statementPdf(YEAR, signIn(stranger.id).cookieHeader)).data) as { body: ArrayBuffer }).body);
    expect(theirs).toContain(`We have no gifts from you received in ${YEAR}.`);
    expect(theirs).not.toContain("Printing of 500 workbooks");

    const anonymous = await statementPdf(YEAR);
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toMatch(/^\/login/);
    expect((await statementPdf(1999, signIn(donor.id).cookieHeader)).status).toBe(404);

    const page = await runRoute(() =>
      statementPageLoader(routeArgs({ request: getRequest(`/me/giving/statement/${YEAR}`, { cookie: signIn(donor.id).cookieHeader }), params: { year: String(YEAR) }, context: loadContext() })),
    );
    expect(page.data).toMatchObject({ issuer: { legalName: LEGAL_NAME, registrationNumber: "RC 1234567" }, nothingInReturn: "Nothing was given in return for any of these gifts." });
    expect((page.data as { lines: { giftDescription: string }[] }).lines.map((line) => line.giftDescription)).toContain("Printing of 500 workbooks");
  });
});
