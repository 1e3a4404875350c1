import type { PolicyFixtures, RoutePolicy } from "./route-policy";
import type { TestAccount } from "./fixtures";
import { accepted } from "../support/outcomes";

const ORGANISERS = ["organiser"] as const;

const campaignSlug = (f: PolicyFixtures) => f.campaignSlug ?? "no-such-campaign";
const thisYear = () => String(new Date().getUTCFullYear());

/** The sponsorship routes, spread into ROUTE_POLICY. */
export const SPONSORSHIP_POLICY: Record<string, RoutePolicy> = {
  // Campaigns (organisers) and the public donation pages.
  "routes/admin.campaigns._index": { load: ORGANISERS, post: ORGANISERS },
  "routes/admin.campaigns.$id": { load: ORGANISERS, post: ORGANISERS, url: (f) => `/admin/campaigns/${f.campaignId ?? "no-such-campaign"}` },
  "routes/donate._index": { load: "anyone", post: "no-action" },
  "routes/donate.$slug": { load: "anyone", post: "anyone", url: (f) => `/donate/${campaignSlug(f)}` },
  "routes/donate.$slug[.png]": { load: "anyone", post: "no-action", url: (f) => `/donate/${campaignSlug(f)}.png` },
  // The pledge's random id is the key to its page (the reference and the bank details).
  "routes/donate.$slug_.transfer.$donationId": {
    load: "anyone",
    post: "no-action",
    url: (f) => `/donate/${campaignSlug(f)}/transfer/${f.pledgeId ?? "no-such-pledge"}`,
  },
  // The provider sends the donor back here with its key: Stripe's Checkout Session id, Paystack's reference.
  "routes/donate.$slug_.thanks": {
    load: "anyone",
    post: "no-action",
    url: (f) =>
      `/donate/${campaignSlug(f)}/thanks?${f.paystackReference ? `reference=${f.paystackReference}` : `session_id=${f.checkoutSessionId ?? "cs_no_such_session"}`}`,
  },
  "routes/sponsors": { load: "anyone", post: "no-action" },
  // A receipt is its donor's only (or whoever holds its emailed link): any other donor, and everyone else, gets a 404.
  "routes/receipts.$id": { load: "anyone", post: "anyone", url: (f) => `/receipts/${f.receiptId ?? "no-such-receipt"}`, owner: "sponsor" },
  // The same receipt as a PDF, for the same people only.
  "routes/receipts.$id[.pdf]": { load: "anyone", post: "no-action", url: (f) => `/receipts/${f.receiptId ?? "no-such-receipt"}.pdf`, owner: "sponsor" },
  // Stripe's deliveries: action only, checked by signature; a GET is refused.
  "routes/webhooks.stripe": { load: "no-loader", post: "anyone" },
  // Paystack's deliveries, likewise: a forged or missing signature is a 401.
  "routes/webhooks.paystack": { load: "no-loader", post: "anyone", signed: true },

  // Partners
  "routes/partner": { load: "anyone", post: "anyone" },
  "routes/admin.partners": { load: ORGANISERS, post: ORGANISERS },

  // The organisers' donations console
  "routes/admin.donations._index": { load: ORGANISERS, post: ORGANISERS },
  // Recording a cash or in-kind gift (a fresh second factor, which the actors' sessions have).
  "routes/admin.donations.new": { load: ORGANISERS, post: ORGANISERS },
  "routes/admin.donations.$id": { load: ORGANISERS, post: ORGANISERS, url: (f) => `/admin/donations/${f.pledgeId ?? "no-such-gift"}` },
  "routes/admin.donations[.csv]": { load: ORGANISERS, post: "no-action", url: () => "/admin/donations.csv" },
  // Bank statements: uploaded, matched and confirmed by organisers only.
  "routes/admin.donations.statements._index": { load: ORGANISERS, post: ORGANISERS },
  "routes/admin.donations.statements.$id": { load: ORGANISERS, post: ORGANISERS, url: (f) => `/admin/donations/statements/${f.bankStatementId ?? "no-such-statement"}` },

  // A donor's own giving: everyone signed in has the page (with their own gifts only).
  "routes/me.giving._index": { load: "signed-in", post: "signed-in" },
  "routes/me.giving.statement.$year": { load: "signed-in", post: "no-action", url: () => `/me/giving/statement/${thisYear()}` },
  "routes/me.giving.statement.$year[.csv]": { load: "signed-in", post: "no-action", url: () => `/me/giving/statement/${thisYear()}.csv` },
  "routes/me.giving.statement.$year[.pdf]": { load: "signed-in", post: "no-action", url: () => `/me/giving/statement/${thisYear()}.pdf` },
};

/**
 * Real rows for the sponsorship routes: an open campaign with a tier, a pending bank-transfer
 * pledge to it, a card gift whose checkout the Paystack (or Stripe) stand-in knows (started through
 * the donate page, as a donor would), a paid gift of the sponsor actor's, with its receipt, and a
 * bank statement whose one credit names the pledge.
 */
export async function sponsorshipPolicyFixtures(sponsor: Pick<TestAccount, "id" | "email" | "name">, organiser?: Pick<TestAccount, "id">): Promise<Partial<PolicyFixtures>> {
  const { db } = await import("~db/client.server");
  const { campaigns, campaignTiers, donations } = await import("~db/schema");
  const { eq } = await import("drizzle-orm");
  const { randomId } = await import("~/utils/ids.server");
  const { createDonation } = await import("~/modules/sponsorship/donations.server");
  const { markDonationPaid } = await import("~/modules/sponsorship/fulfilment.server");

  const campaignId = randomId(16);
  const slug = `policy-${campaignId.slice(0, 10)}`;
  const tierId = randomId(16);
  const now = Date.now();
  db.insert(campaigns)
    .values({ id: campaignId, slug, title: "Permissions appeal", story: "Seats for the next workshop.", goalAmount: 50_000_000, currency: "NGN", minAmount: 100_000, maxAmount: 100_000_000, status: "open", createdAt: now, updatedAt: now })
    .run();
  db.insert(campaignTiers).values({ id: tierId, campaignId, position: 0, name: "A workshop seat", amount: 500_000, interval: "one_off", description: "" }).run();

  const pledge = accepted(createDonation({ campaignId, amount: 500_000, interval: "one_off", method: "bank_transfer", donorName: "Policy Pledger", donorEmail: `pledger-${slug}@example.org`, recognition: "named" }));
  const own = accepted(createDonation({ campaignId, amount: 700_000, interval: "one_off", method: "bank_transfer", donorName: sponsor.name, donorEmail: sponsor.email, userId: sponsor.id, recognition: "anonymous" }));
  db.transaction((tx) => markDonationPaid(tx, own.id, { now: Date.now() }), { behavior: "immediate" });

  const base = process.env.E2E_BASE_URL!;
  const response = await fetch(`${base}/donate/${slug}`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: base, "X-Forwarded-For": `2001:db8:5b0::${process.pid.toString(16)}` },
    body: new URLSearchParams({ gift: tierId, name: "Policy Card Donor", email: `card-${slug}@example.org`, recognition: "named", method: "card" }).toString(),
  });
  if (response.status !== 303) throw new Error(`Starting a card gift answered ${response.status}: ${await response.text()}`);
  const card = db
    .select({ sessionId: donations.checkoutSessionId, reference: donations.providerReference })
    .from(donations)
    .where(eq(donations.donorEmail, `card-${slug}@example.org`))
    .get();
  // A statement whose one credit names the pledge, as an organiser would upload it.
  const { importBankStatement } = await import("~/modules/sponsorship/bank-statements/import.server");
  const day = new Date().toISOString().slice(0, 10);
  const statement = importBankStatement({
    fileName: `policy-${slug}.csv`,
    bytes: new TextEncoder().encode(`Date Posted,Value Date,Description,Debit,Credit,Balance\n${day},${day},TRANSFER ${pledge.reference},,"5,000.00",\n`),
    currency: "NGN",
    actorId: organiser?.id ?? sponsor.id,
  });
  if (!statement.ok || statement.result !== "imported") throw new Error("The policy statement was not imported");
  return {
    campaignId,
    campaignSlug: slug,
    pledgeId: pledge.id,
    receiptId: own.id,
    checkoutSessionId: card?.sessionId ?? undefined,
    paystackReference: card?.reference ?? undefined,
    bankStatementId: statement.statementId,
  };
}
