import { and, desc, eq, inArray, ne, or, sql, type Placeholder, type SQL } from "drizzle-orm";
import { db } from "~db/client.server";
import { campaigns, donations, recurringGifts, type DonationStatus, type PaymentMethod } from "~db/schema";
import { formatMoney } from "~/utils/money";
import { keptAmountSql } from "./received.server";
import { amountReceived } from "./receipt-facts.server";

/** Who is asking: only an address they have proved they own counts as theirs. */
export type Donor = { id: string; email: string; emailVerified: boolean };

/**
 * The gifts that are this person's: made while signed in to their account, or given with
 * their email address once they have confirmed owning it. Nobody else's, ever.
 */
export function ownedBy(donor: Donor): SQL {
  return owner(donor.id, donor.email.trim().toLowerCase(), donor.emailVerified);
}

/** The one rule, for a donor's values or for a prepared statement's placeholders. */
function owner(userId: string | Placeholder, email: string | Placeholder, byAddress: boolean): SQL {
  const byAccount = eq(donations.userId, userId);
  return byAddress ? or(byAccount, sql`lower(${donations.donorEmail}) = ${email}`)! : byAccount;
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

// The person's gifts list is on every view of /me/giving: one prepared statement for each way of
// owning a gift (the account alone, or the account and a confirmed address), as `ownedBy` reads.
function myGiftsStatement(owned: SQL) {
  return db
    .select({
      donation: {
        id: donations.id,
        amount: donations.amount,
        receivedAmount: donations.receivedAmount,
        currency: donations.currency,
        interval: donations.interval,
        method: donations.method,
        status: donations.status,
        reference: donations.reference,
        receiptNumber: donations.receiptNumber,
        refundedAmount: donations.refundedAmount,
        paidAt: donations.paidAt,
        createdAt: donations.createdAt,
        userId: donations.userId,
      },
      campaignTitle: campaigns.title,
      campaignSlug: campaigns.slug,
    })
    .from(donations)
    .innerJoin(campaigns, eq(campaigns.id, donations.campaignId))
    .where(and(owned, inArray(donations.status, SHOWN)))
    .orderBy(desc(sql`coalesce(${donations.paidAt}, ${donations.createdAt})`), desc(donations.id))
    .prepare();
}

const byAccountSql = eq(donations.userId, sql.placeholder("userId"));
const myGiftsStatements = {
  byAccount: myGiftsStatement(byAccountSql),
  byAccountOrEmail: myGiftsStatement(or(byAccountSql, sql`lower(${donations.donorEmail}) = ${sql.placeholder("email")}`)!),
};

export function myGifts(donor: Donor): MyGift[] {
  const statement = donor.emailVerified ? myGiftsStatements.byAccountOrEmail : myGiftsStatements.byAccount;
  const rows = statement.all({ userId: donor.id, email: donor.email.trim().toLowerCase() });
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

// The person's own page reads these on every visit: prepared once (ADR 0046), in the two shapes
// `ownedBy` takes (by account; by account or by a confirmed address).
const ownedByPlaceholders = {
  account: owner(sql.placeholder("userId"), sql.placeholder("email"), false),
  accountOrAddress: owner(sql.placeholder("userId"), sql.placeholder("email"), true),
};
type OwnedByShape = keyof typeof ownedByPlaceholders;
const shapeOf = (donor: Donor): OwnedByShape => (donor.emailVerified ? "accountOrAddress" : "account");
const ownerValues = (donor: Donor) => ({ userId: donor.id, email: donor.email.trim().toLowerCase() });

function preparedPerShape<T>(build: (owned: SQL) => T): Record<OwnedByShape, T> {
  return { account: build(ownedByPlaceholders.account), accountOrAddress: build(ownedByPlaceholders.accountOrAddress) };
}

const monthlyGiftsStatements = preparedPerShape((owned) =>
  db
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
    .where(owned)
    .orderBy(desc(recurringGifts.createdAt))
    .prepare(),
);

const summaryStatements = preparedPerShape((owned) =>
  db
    .select({
      currency: donations.currency,
      gifts: sql<number>`sum(${donations.status} = 'paid')`,
      pendingTransfers: sql<number>`sum(${donations.status} = 'pending' and ${donations.method} = 'bank_transfer')`,
      kept: sql<number>`sum(${keptAmountSql})`,
    })
    .from(donations)
    .where(and(owned, ne(donations.status, "expired")))
    .groupBy(donations.currency)
    .prepare(),
);

export function myMonthlyGifts(donor: Donor): MyMonthlyGift[] {
  return monthlyGiftsStatements[shapeOf(donor)]
    .all(ownerValues(donor))
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

/** A few figures for the person's own page, counted by SQLite. */
function givingSummary(donor: Donor): GivingSummary {
  const byCurrency = summaryStatements[shapeOf(donor)].all(ownerValues(donor));
  const activeMonthly = myMonthlyGifts(donor).filter((gift) => gift.status !== "cancelled").length;
  return {
    gifts: byCurrency.reduce((sum, row) => sum + row.gifts, 0),
    totals: byCurrency
      .filter((row) => row.kept > 0)
      .map((row) => ({ currency: row.currency, amount: row.kept }))
      .sort((a, b) => a.currency.localeCompare(b.currency)),
    activeMonthly,
    pendingTransfers: byCurrency.reduce((sum, row) => sum + row.pendingTransfers, 0),
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
