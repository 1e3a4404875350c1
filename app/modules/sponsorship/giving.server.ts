import { and, desc, eq, inArray, ne, or, sql, type SQL } from "drizzle-orm";
import { db } from "~db/client.server";
import { campaigns, donations, recurringGifts, type DonationStatus, type PaymentMethod } from "~db/schema";
import { formatMoney } from "~/utils/money";
import { receivedOf } from "./donations-admin.server";
import { amountReceived } from "./receipt-facts.server";

/** Who is asking: only an address they have proved they own counts as theirs. */
export type Donor = { id: string; email: string; emailVerified: boolean };

/**
 * The gifts that are this person's: made while signed in to their account, or given with
 * their email address once they have confirmed owning it. Nobody else's, ever.
 */
export function ownedBy(donor: Donor): SQL {
  const byAccount = eq(donations.userId, donor.id);
  if (!donor.emailVerified) return byAccount;
  return or(byAccount, sql`lower(${donations.donorEmail}) = ${donor.email.trim().toLowerCase()}`)!;
}

// A Checkout that was started and abandoned was never a gift.
const SHOWN: DonationStatus[] = ["pending", "processing", "paid", "failed", "refunded"];

type MyGift = {
  id: string;
  campaignTitle: string;
  campaignSlug: string;
  amount: number;
  currency: string;
  interval: "one_off" | "monthly";
  method: PaymentMethod;
  status: DonationStatus;
  reference: string | null;
  receiptNumber: string | null;
  refundedAmount: number;
  date: number;
  /** The receipt page opens for the account the gift was made from; others use the emailed link. */
  receiptHref: string | null;
  /** A pending bank transfer's page, with the reference and bank details. */
  transferHref: string | null;
};

export function myGifts(donor: Donor): MyGift[] {
  const rows = db
    .select({ donation: donations, campaignTitle: campaigns.title, campaignSlug: campaigns.slug })
    .from(donations)
    .innerJoin(campaigns, eq(campaigns.id, donations.campaignId))
    .where(and(ownedBy(donor), inArray(donations.status, SHOWN)))
    .orderBy(desc(sql`coalesce(${donations.paidAt}, ${donations.createdAt})`), desc(donations.id))
    .all();
  return rows.map(({ donation: d, campaignTitle, campaignSlug }) => ({
    id: d.id,
    campaignTitle,
    campaignSlug,
    amount: amountReceived(d),
    currency: d.currency,
    interval: d.interval,
    method: d.method,
    status: d.status,
    reference: d.reference,
    receiptNumber: d.receiptNumber,
    refundedAmount: d.refundedAmount,
    date: d.paidAt ?? d.createdAt,
    receiptHref: d.receiptNumber && d.userId === donor.id ? `/receipts/${d.id}` : null,
    transferHref: d.method === "bank_transfer" && d.status === "pending" ? `/donate/${campaignSlug}/transfer/${d.id}` : null,
  }));
}

type MyMonthlyGift = {
  subscriptionId: string;
  firstDonationId: string;
  campaignTitle: string;
  amount: number;
  currency: string;
  status: "active" | "past_due" | "cancelled";
  startedAt: number;
  cancelledAt: number | null;
  /** The first gift's receipt page carries the "Manage your monthly gift" button. */
  manageHref: string | null;
};

export function myMonthlyGifts(donor: Donor): MyMonthlyGift[] {
  return db
    .select({
      subscriptionId: recurringGifts.subscriptionId,
      firstDonationId: recurringGifts.firstDonationId,
      status: recurringGifts.status,
      startedAt: recurringGifts.createdAt,
      cancelledAt: recurringGifts.cancelledAt,
      campaignTitle: campaigns.title,
      amount: donations.amount,
      currency: donations.currency,
      userId: donations.userId,
      receiptNumber: donations.receiptNumber,
    })
    .from(recurringGifts)
    .innerJoin(donations, eq(donations.id, recurringGifts.firstDonationId))
    .innerJoin(campaigns, eq(campaigns.id, donations.campaignId))
    .where(ownedBy(donor))
    .orderBy(desc(recurringGifts.createdAt))
    .all()
    .map(({ userId, receiptNumber, ...gift }) => ({
      ...gift,
      manageHref: gift.status !== "cancelled" && receiptNumber && userId === donor.id ? `/receipts/${gift.firstDonationId}` : null,
    }));
}

type GivingSummary = {
  gifts: number;
  totals: { currency: string; amount: number }[];
  activeMonthly: number;
  pendingTransfers: number;
};

/** A few figures for the person's own page. */
function givingSummary(donor: Donor): GivingSummary {
  const rows = db
    .select({ status: donations.status, amount: donations.amount, receivedAmount: donations.receivedAmount, refundedAmount: donations.refundedAmount, currency: donations.currency, method: donations.method })
    .from(donations)
    .where(and(ownedBy(donor), ne(donations.status, "expired")))
    .all();
  const totals = new Map<string, number>();
  let gifts = 0;
  let pendingTransfers = 0;
  for (const row of rows) {
    if (row.status === "paid") gifts += 1;
    if (row.status === "pending" && row.method === "bank_transfer") pendingTransfers += 1;
    const received = receivedOf(row);
    if (received) totals.set(row.currency, (totals.get(row.currency) ?? 0) + received);
  }
  const activeMonthly = myMonthlyGifts(donor).filter((gift) => gift.status !== "cancelled").length;
  return {
    gifts,
    totals: [...totals].map(([currency, amount]) => ({ currency, amount })).sort((a, b) => a.currency.localeCompare(b.currency)),
    activeMonthly,
    pendingTransfers,
  };
}

/** The summary as the person's own page shows it: amounts already written out. */
export function givingCardData(donor: Donor) {
  const summary = givingSummary(donor);
  return {
    gifts: summary.gifts,
    totals: summary.totals.map((t) => formatMoney(t.amount, t.currency)),
    activeMonthly: summary.activeMonthly,
    pendingTransfers: summary.pendingTransfers,
  };
}
