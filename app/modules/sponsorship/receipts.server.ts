import { TZDate } from "@date-fns/tz";
import { and, eq, inArray, sql } from "drizzle-orm";
import { db, type Tx } from "~db/client.server";
import { campaigns, donations, receiptCounters, recurringGifts } from "~db/schema";
import { formatDate } from "~/utils/dates";
import { env } from "~/utils/env.server";
import { hashToken, randomId } from "~/utils/ids.server";
import { formatMoney } from "~/utils/money";
import { enqueueMessage } from "~/modules/outbox/index.server";
import { getOrganisation } from "~/modules/organisation/index.server";
import { amountReceived, benefitOfTier, benefitWording, feeCoveredWording, giftAndFee, isInPerson, paidByWording, PROVIDER_NAMES, receiptIssuer } from "./receipt-facts.server";

type DonationRow = typeof donations.$inferSelect;

/** The receipt page; guests get the secret `t` that only their receipt email carries. */
export function receiptUrl(donationId: string, token?: string): string {
  const url = new URL(`/receipts/${encodeURIComponent(donationId)}`, env.APP_URL);
  if (token) url.searchParams.set("t", token);
  return url.toString();
}

/** The campaign's title for a donor email; "our work" should the campaign be gone. */
export function campaignTitleFor(tx: Tx, campaignId: string): string {
  return tx.select({ title: campaigns.title }).from(campaigns).where(eq(campaigns.id, campaignId)).get()?.title ?? "our work";
}

/** "2026-0001": numbers run per calendar year in the organisation's time zone, without gaps. */
export function nextReceiptNumber(tx: Tx, now: number, timeZone: string): string {
  const year = new TZDate(now, timeZone).getFullYear();
  const row = tx
    .insert(receiptCounters)
    .values({ year, last: 1 })
    .onConflictDoUpdate({ target: receiptCounters.year, set: { last: sql`${receiptCounters.last} + 1` } })
    .returning({ last: receiptCounters.last })
    .get();
  return `${year}-${String(row.last).padStart(4, "0")}`;
}

/**
 * Gives a just-paid gift its number and secret link, and queues the receipt email in the
 * caller's transaction. Called once per gift: the caller checks the gift was not paid before.
 */
export function issueReceipt(tx: Tx, donation: DonationRow, paidAt: number): string {
  const organisation = getOrganisation();
  const receiptNumber = nextReceiptNumber(tx, paidAt, organisation.timeZone);
  const token = randomId(20);
  tx.update(donations)
    .set({ receiptNumber, receiptTokenHash: hashToken(token) })
    .where(eq(donations.id, donation.id))
    .run();
  // A gift handed over with no address to send to: the organiser prints or downloads its receipt.
  if (!donation.donorEmail) return receiptNumber;
  const issuer = receiptIssuer(organisation);
  enqueueMessage(tx, donation.donorEmail, "donation-receipt", {
    name: donation.donorName,
    receiptNumber,
    date: formatDate(paidAt, organisation.timeZone),
    amount: formatMoney(amountReceived(donation), donation.currency),
    campaignTitle: campaignTitleFor(tx, donation.campaignId),
    monthly: donation.interval === "monthly",
    method: donation.method,
    paidBy: paidByWording(donation),
    giftDescription: donation.giftDescription,
    feeCovered: feeCoveredWording(donation) ?? undefined,
    inReturn: benefitWording(benefitOfTier(tx, donation.tierId), donation.currency),
    issuer: { legalName: issuer.legalName, registrationNumber: issuer.registrationNumber, postalAddress: issuer.postalAddress, taxWording: issuer.taxWording },
    url: receiptUrl(donation.id, token),
  });
  return receiptNumber;
}

type ReceiptView = {
  id: string;
  receiptNumber: string;
  paidAt: number;
  amount: number;
  currency: string;
  refundedAmount: number;
  status: DonationRow["status"];
  method: DonationRow["method"];
  /** "Card, through Stripe", "In kind: 10 laptops". */
  paidBy: string;
  giftDescription: string;
  /** The gift and the card fee the donor added, when they covered it; the amount above is both. */
  gift: number;
  coveredFee: number | null;
  inReturn: string;
  monthly: boolean;
  canManage: boolean;
  /** Whose page the donor manages the monthly gift on: "Stripe", "Paystack". */
  manageWith: string;
  donorName: string;
  donorEmail: string;
  campaignTitle: string;
  campaignSlug: string;
};

/** Who asks for a receipt; `organiser` only when the organisers' console is open to them. */
export type ReceiptViewer = { userId?: string | null; token?: string | null; organiser?: boolean };

/**
 * A receipt for its owner (the signed-in account the gift was made from) or for whoever holds
 * the secret from the receipt email; organisers also open the receipts of gifts they recorded by
 * hand, which they print for a donor who has no email. Anyone else gets null, exactly as for a
 * missing receipt.
 */
export function findReceipt(donationId: string, viewer: ReceiptViewer): ReceiptView | null {
  const row = db
    .select({ donation: donations, campaignTitle: campaigns.title, campaignSlug: campaigns.slug })
    .from(donations)
    .innerJoin(campaigns, eq(campaigns.id, donations.campaignId))
    .where(and(eq(donations.id, donationId), inArray(donations.status, ["paid", "refunded"])))
    .get();
  const donation = row?.donation;
  const receiptNumber = donation?.receiptNumber;
  const paidAt = donation?.paidAt;
  if (!row || !donation || !receiptNumber || paidAt == null) return null;
  const isOwner = Boolean(viewer.userId && donation.userId === viewer.userId);
  const hasToken = Boolean(viewer.token && donation.receiptTokenHash && hashToken(viewer.token) === donation.receiptTokenHash);
  const handedOver = Boolean(viewer.organiser && isInPerson(donation.method));
  if (!isOwner && !hasToken && !handedOver) return null;
  const subscriptionId = donation.subscriptionId;
  const recurring = subscriptionId
    ? db.select({ status: recurringGifts.status, provider: recurringGifts.provider }).from(recurringGifts).where(eq(recurringGifts.subscriptionId, subscriptionId)).get()
    : undefined;
  return {
    id: donation.id,
    receiptNumber,
    paidAt,
    amount: amountReceived(donation),
    currency: donation.currency,
    refundedAmount: donation.refundedAmount,
    status: donation.status,
    method: donation.method,
    paidBy: paidByWording(donation),
    giftDescription: donation.giftDescription,
    ...giftAndFee(donation),
    inReturn: benefitWording(benefitOfTier(db, donation.tierId), donation.currency),
    monthly: donation.interval === "monthly",
    canManage: Boolean(donation.customerId && recurring && recurring.status !== "cancelled"),
    manageWith: PROVIDER_NAMES[recurring?.provider ?? "stripe"],
    donorName: donation.donorName,
    donorEmail: donation.donorEmail,
    campaignTitle: row.campaignTitle,
    campaignSlug: row.campaignSlug,
  };
}
