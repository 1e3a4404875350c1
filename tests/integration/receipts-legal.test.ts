import { desc, eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { auditLog, donations } from "~db/schema";
import { renderEmail } from "~emails/registry";
import { action as settingsAction } from "~/routes/admin.settings";
import { action as newGiftAction, loader as newGiftLoader } from "~/routes/admin.donations.new";
import { loader as receiptLoader } from "~/routes/receipts.$id";
import { markDonationPaid } from "~/modules/sponsorship/fulfilment.server";
import { campaignProgress } from "~/modules/sponsorship/index.server";
import { getOrganisation } from "~/modules/organisation/index.server";
import { TZDate } from "@date-fns/tz";
import { clock, DAY, HOUR } from "~/utils/clock.server";
import { isoDate } from "~/utils/dates";
import { createUser, formRequest, getRequest, loadContext, routeArgs, signIn, uniqueEmail, type TestUser } from "../support/factories";
import { runRoute } from "../support/route-results";
import { createOpenCampaign, giftRow, pledgeTransfer, receiptEmailsTo, type SimpleCampaign } from "../support/sponsorship-factories";
import { enrolTotp } from "../support/two-factor";

// What a finance team needs on a receipt (the organisation's registered name, number, address and
// wording; the method; whether anything came back), and gifts an organiser took by hand.

const LEGAL = {
  legalName: "Rise Again Youth Foundation (Ltd/Gte)",
  registrationNumber: "RC 1234567",
  postalAddress: "12 Herbert Macaulay Way\r\nYaba, Lagos",
  receiptTaxWording: "Rise Again Youth Foundation is registered with the Corporate Affairs Commission as a company limited by guarantee.",
};

const SETTINGS = {
  name: "Rise Again Lagos",
  contactEmail: "hello@riseagain.example",
  timeZone: "Africa/Lagos",
  currency: "NGN",
  ...LEGAL,
};

// A day that is in the past whenever the tests run.
const RECEIVED_ON = isoDate(Date.now() - DAY, "Africa/Lagos");
const [RECEIVED_YEAR, RECEIVED_MONTH, RECEIVED_DAY] = RECEIVED_ON.split("-").map(Number);

let organiser: TestUser;
let cookie: string;
let campaign: SimpleCampaign;

beforeAll(async () => {
  organiser = await createUser({ name: "Funmi Organiser", roles: ["organiser"] });
  cookie = signIn(organiser.id).cookieHeader;
  campaign = createOpenCampaign({ title: "Laptops for the Yaba hub" });
});
afterEach(() => clock.set(null));

const saveSettings = (fields: Record<string, string>) =>
  runRoute(() => settingsAction(routeArgs({ request: formRequest("/admin/settings", fields, { cookie }), context: loadContext(), params: {} })));

async function formKey(): Promise<string> {
  const page = await runRoute(() => newGiftLoader(routeArgs({ request: getRequest("/admin/donations/new", { cookie }), context: loadContext(), params: {} })));
  expect(page.status).toBe(200);
  return (page.data as { formKey: string }).formKey;
}

const postGift = (fields: Record<string, string>, cookieHeader = cookie) =>
  runRoute(() => newGiftAction(routeArgs({ request: formRequest("/admin/donations/new", fields, { cookie: cookieHeader }), context: loadContext(), params: {} })));

async function giftFields(overrides: Record<string, string> = {}): Promise<Record<string, string>> {
  return {
    formKey: await formKey(),
    campaignId: campaign.id,
    kind: "cash",
    amount: "25,000",
    description: "",
    receivedOn: RECEIVED_ON,
    name: "Chief Adewale Cole",
    email: "",
    recognition: "named",
    message: "",
    ...overrides,
  };
}

const giftIdFrom = (location: string | null) => /^\/admin\/donations\/([a-z0-9]+)$/.exec(location ?? "")?.[1] ?? "";

describe("the organisation's receipt details", () => {
  it("are saved from the settings page, audited, and refused with the reason at the field when unusable", async () => {
    expect((await saveSettings(SETTINGS)).status).toBe(302);
    expect(getOrganisation()).toMatchObject({ ...LEGAL, postalAddress: "12 Herbert Macaulay Way\nYaba, Lagos" });
    const entry = db.select().from(auditLog).where(eq(auditLog.action, "settings.changed")).orderBy(desc(auditLog.id)).get()!;
    expect(entry.details.registrationNumber).toEqual({ from: "", to: "RC 1234567" });

    const refused = await saveSettings({ ...SETTINGS, registrationNumber: "RC <1234567>", legalName: "x".repeat(201) });
    expect(refused.status).toBe(400);
    const reply = refused.data as { error: Record<string, string[]>; initialValue: Record<string, string> };
    expect(reply.error.registrationNumber).toEqual(["Use letters, numbers, spaces, slashes and hyphens only, like RC 1234567"]);
    expect(reply.error.legalName).toEqual(["The legal name is at most 200 characters"]);
    expect(reply.initialValue.registrationNumber).toBe("RC <1234567>");
    expect(getOrganisation().registrationNumber).toBe("RC 1234567");
  });

  it("appear on the receipt page and in the receipt email, with the method and that nothing was given in return", async () => {
    await saveSettings(SETTINGS);
    const sponsor = await createUser({ roles: ["sponsor"], name: "Ngozi Okafor" });
    const pledge = pledgeTransfer(campaign, { amount: 15_000_00, email: sponsor.email, userId: sponsor.id });
    db.transaction((tx) => markDonationPaid(tx, pledge.id, { now: clock.now(), confirmedBy: organiser.id }), { behavior: "immediate" });

    const page = await runRoute(() =>
      receiptLoader(routeArgs({ request: getRequest(`/receipts/${pledge.id}`, { cookie: signIn(sponsor.id).cookieHeader }), params: { id: pledge.id }, context: loadContext() })),
    );
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({
      amount: "₦15,000",
      amountLabel: "Amount",
      method: "Bank transfer",
      inReturn: "Nothing was given in return for this gift.",
      pdfHref: `/receipts/${pledge.id}.pdf`,
      issuer: {
        name: "Rise Again Lagos",
        legalName: LEGAL.legalName,
        registrationNumber: "RC 1234567",
        postalAddress: "12 Herbert Macaulay Way\nYaba, Lagos",
        taxWording: LEGAL.receiptTaxWording,
      },
    });

    const [queued] = receiptEmailsTo(sponsor.email);
    const email = await renderEmail("donation-receipt", queued.props as never, { name: "Rise Again Lagos", contactEmail: "hello@riseagain.example" });
    const text = email.text.replace(/\s+/g, " ");
    for (const part of [
      `Received by: ${LEGAL.legalName}`,
      "Registration number: RC 1234567",
      "Address: 12 Herbert Macaulay Way, Yaba, Lagos",
      "Paid by: Bank transfer",
      "Nothing was given in return for this gift.",
      LEGAL.receiptTaxWording,
    ]) {
      expect(text).toContain(part);
    }
  });
});

describe("recording a gift received in person", () => {
  it("records a cash gift as paid with one receipt, emailed once, audited, counted in the campaign, and once however often the form is sent", async () => {
    const before = campaignProgress(campaign.id);
    const email = uniqueEmail("cash");
    const fields = await giftFields({ email: email.toUpperCase(), amount: "₦25,000.50" });
    const first = await postGift(fields);
    expect(first.status).toBe(302);
    const id = giftIdFrom(first.headers.get("location"));
    const gift = giftRow(id);
    expect(gift).toMatchObject({
      method: "cash",
      status: "paid",
      amount: 25_000_50,
      currency: "NGN",
      donorName: "Chief Adewale Cole",
      donorEmail: email,
      confirmedBy: organiser.id,
      recognition: "named",
      receiptNumber: expect.stringMatching(new RegExp(`^${RECEIVED_YEAR}-\\d{4}$`)),
    });
    // Paid on the day received (midday in Lagos), whenever it was typed in.
    expect(gift.paidAt).toBe(new TZDate(RECEIVED_YEAR, RECEIVED_MONTH - 1, RECEIVED_DAY, 12, 0, 0, "Africa/Lagos").getTime());
    expect(receiptEmailsTo(email)).toHaveLength(1);
    expect((receiptEmailsTo(email)[0].props as Record<string, unknown>)).toMatchObject({ method: "cash", paidBy: "Cash", amount: "₦25,000.50" });
    const audit = db.select().from(auditLog).where(eq(auditLog.targetId, id)).all();
    expect(audit).toEqual([expect.objectContaining({ action: "donation.recorded_in_person", actorId: organiser.id, details: expect.objectContaining({ method: "cash", amount: 25_000_50 }) })]);

    const again = await postGift(fields);
    expect(again.status).toBe(302);
    expect(again.headers.get("location")).toBe(`/admin/donations/${id}`);
    expect(db.select().from(donations).where(eq(donations.donorEmail, email)).all()).toHaveLength(1);
    expect(receiptEmailsTo(email)).toHaveLength(1);

    const after = campaignProgress(campaign.id);
    expect(after.raised - before.raised).toBe(25_000_50);
    expect(after.donors - before.donors).toBe(1);
  });

  it("records an in-kind gift with no email: its fair value and description on a receipt the organiser opens, and no email", async () => {
    const before = campaignProgress(campaign.id);
    const first = await postGift(await giftFields({ kind: "in_kind", amount: "1,200,000", description: "10 laptops", name: "Zenith Tech Hub", recognition: "unlisted" }));
    const second = await postGift(await giftFields({ kind: "in_kind", amount: "300000", description: "The venue for the 12 March workshop", name: "Yaba Hall" }));
    const id = giftIdFrom(first.headers.get("location"));
    expect(giftRow(id)).toMatchObject({ method: "in_kind", status: "paid", amount: 1_200_000_00, giftDescription: "10 laptops", donorEmail: "" });
    expect(db.select().from(auditLog).where(eq(auditLog.targetId, id)).get()?.details).toMatchObject({ description: "10 laptops" });
    // Two gifts without an address are two donors, not one.
    const after = campaignProgress(campaign.id);
    expect(after.raised - before.raised).toBe(1_500_000_00);
    expect(after.donors - before.donors).toBe(2);
    expect(giftIdFrom(second.headers.get("location"))).not.toBe(id);

    const receipt = await runRoute(() => receiptLoader(routeArgs({ request: getRequest(`/receipts/${id}`, { cookie }), params: { id }, context: loadContext() })));
    expect(receipt.status).toBe(200);
    expect(receipt.data).toMatchObject({ amount: "₦1,200,000", amountLabel: "Fair value", method: "In kind: 10 laptops", donorEmail: "", inReturn: "Nothing was given in return for this gift." });

    const stranger = await createUser({ roles: ["sponsor"] });
    for (const request of [getRequest(`/receipts/${id}`), getRequest(`/receipts/${id}`, { cookie: signIn(stranger.id).cookieHeader })]) {
      expect((await runRoute(() => receiptLoader(routeArgs({ request, params: { id }, context: loadContext() })))).status).toBe(404);
    }
  });

  it("keeps organisers out of receipts that are a donor's own", async () => {
    const pledge = pledgeTransfer(campaign);
    db.transaction((tx) => markDonationPaid(tx, pledge.id, { now: clock.now(), confirmedBy: organiser.id }), { behavior: "immediate" });
    const result = await runRoute(() => receiptLoader(routeArgs({ request: getRequest(`/receipts/${pledge.id}`, { cookie }), params: { id: pledge.id }, context: loadContext() })));
    expect(result.status).toBe(404);
  });

  it("refuses with the reason at the field, a 400, and what was typed kept", async () => {
    const count = db.select().from(donations).all().length;
    const cases: [Record<string, string>, string, string][] = [
      [{ kind: "in_kind", description: "" }, "description", "Say what was given"],
      [{ amount: "twenty thousand" }, "amount", "Enter the amount as a number"],
      [{ kind: "in_kind", description: "Printing", amount: "5000.123" }, "amount", "digits after the decimal point"],
      [{ amount: "0" }, "amount", "more than nothing"],
      [{ receivedOn: "2999-01-01" }, "receivedOn", "cannot be in the future"],
      [{ receivedOn: "2025-02-30" }, "receivedOn", "Enter a real date"],
      [{ name: "  " }, "name", "Enter the donor's name"],
      [{ email: "not an address" }, "email", "Enter an email address"],
      [{ campaignId: "no-such-campaign" }, "campaignId", "Choose one of the campaigns listed"],
    ];
    for (const [overrides, field, message] of cases) {
      const fields = await giftFields({ message: "Thank you, Ọlọ́fin family", ...overrides });
      const result = await postGift(fields);
      expect(result.status, field).toBe(400);
      const reply = result.data as { error: Record<string, string[]>; initialValue: Record<string, string> };
      expect(reply.error[field]?.[0], field).toContain(message);
      expect(reply.initialValue.message).toBe("Thank you, Ọlọ́fin family");
    }
    expect(db.select().from(donations).all()).toHaveLength(count);
  });

  it("is for organisers only, with a second factor passed within the hour", async () => {
    const sponsor = await createUser({ roles: ["sponsor"] });
    const refused = await postGift(await giftFields(), signIn(sponsor.id).cookieHeader);
    expect(refused.status).toBe(403);

    const other = await createUser({ roles: ["organiser"] });
    const fresh = signIn(other.id).cookieHeader;
    await enrolTotp(other, fresh);
    const stale = signIn(other.id, undefined, { secondFactorAt: clock.now() - 2 * HOUR }).cookieHeader;
    const page = await runRoute(() => newGiftLoader(routeArgs({ request: getRequest("/admin/donations/new", { cookie: stale }), context: loadContext(), params: {} })));
    expect(page.status).toBe(302);
    expect(page.headers.get("location")).toBe(`/me/step-up?redirectTo=${encodeURIComponent("/admin/donations/new")}`);
    const posted = await postGift(await giftFields(), stale);
    expect(posted.status).toBe(302);
    expect(posted.headers.get("location")).toMatch(/^\/me\/step-up/);
  });
});
