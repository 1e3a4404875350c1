import { eq } from "drizzle-orm";
import type { Tx } from "~db/client.server";
import { campaignTiers, type donations, type PaymentMethod, type PaymentProvider } from "~db/schema";
import { formatMoney } from "~/utils/money";
import { getOrganisation } from "~/modules/organisation/index.server";

// What every receipt and statement says besides the amount (ADR 0029): who received the gift, by
// what means, and whether the donor got anything back. The HTML page, the email and the PDFs all
// take their words from here, so the three never disagree.

type DonationRow = typeof donations.$inferSelect;

/** Gifts an organiser records by hand: the organisation, not a payment service, took them. */
export const IN_PERSON_METHODS = ["cash", "in_kind"] as const satisfies readonly PaymentMethod[];
export type InPersonMethod = (typeof IN_PERSON_METHODS)[number];

export function isInPerson(method: PaymentMethod): method is InPersonMethod {
  return (IN_PERSON_METHODS as readonly PaymentMethod[]).includes(method);
}

/** What arrived: a bank transfer may bring more or less than was pledged, and the receipt is for what came. */
export function amountReceived(donation: Pick<DonationRow, "amount" | "receivedAmount">): number {
  return donation.receivedAmount ?? donation.amount;
}

export const PROVIDER_NAMES: Record<PaymentProvider, string> = { stripe: "Stripe", paystack: "Paystack" };

/** "Card, through Paystack", "Bank transfer", "Cash", "In kind: 10 laptops". */
export function paidByWording(donation: Pick<DonationRow, "method" | "provider" | "giftDescription">): string {
  switch (donation.method) {
    case "card":
      // Card gifts from before a second provider existed were all taken by Stripe.
      return `Card, through ${PROVIDER_NAMES[donation.provider ?? "stripe"]}`;
    case "bank_transfer":
      return "Bank transfer";
    case "cash":
      return "Cash";
    case "in_kind":
      return donation.giftDescription ? `In kind: ${donation.giftDescription}` : "In kind";
  }
}

/** The label of the amount line: an in-kind gift's amount is the fair value the organisation put on it. */
export function amountLabel(method: PaymentMethod): string {
  return method === "in_kind" ? "Fair value" : "Amount";
}

export const NOTHING_IN_RETURN = "Nothing was given in return for this gift.";
export const NOTHING_IN_RETURN_FOR_ANY = "Nothing was given in return for any of these gifts.";
export const SOME_IN_RETURN = "Where something was given in return for a gift, it is named beside that gift with its fair value; nothing was given in return for the others.";

/** What a tier gives back to its donor (a dinner seat, a T-shirt) and its fair value; null when nothing. */
export type Benefit = { description: string; value: number };

/** The benefit of the tier a gift was made through, as the tier says it now; null for none. */
export function benefitOfTier(tx: Tx, tierId: string | null): Benefit | null {
  if (!tierId) return null;
  const tier = tx.select({ description: campaignTiers.benefitDescription, value: campaignTiers.benefitValue }).from(campaignTiers).where(eq(campaignTiers.id, tierId)).get();
  return tier?.description ? tier : null;
}

/** "In return, the donor received: a seat at the dinner, with a fair value of ₦20,000." */
export function benefitWording(benefit: Benefit | null, currency: string): string {
  if (!benefit) return NOTHING_IN_RETURN;
  const value = benefit.value > 0 ? `, with a fair value of ${formatMoney(benefit.value, currency)}` : ", with no monetary value";
  return `In return, the donor received: ${benefit.description}${value}.`;
}

/** The gift and the card fee the donor added to it (ADR 0030); the fee is null when none was covered. */
export function giftAndFee(donation: Pick<DonationRow, "amount" | "receivedAmount" | "coveredFee">): { gift: number; coveredFee: number | null } {
  const received = amountReceived(donation);
  return donation.coveredFee > 0 ? { gift: received - donation.coveredFee, coveredFee: donation.coveredFee } : { gift: received, coveredFee: null };
}

/** "₦5,000 gift and ₦177.67 to cover the card fee": the amount line's detail when a fee was covered. */
export function feeCoveredWording(donation: Pick<DonationRow, "amount" | "receivedAmount" | "coveredFee" | "currency">): string | null {
  const { gift, coveredFee } = giftAndFee(donation);
  if (coveredFee === null) return null;
  return `${formatMoney(gift, donation.currency)} gift and ${formatMoney(coveredFee, donation.currency)} to cover the card fee`;
}

/** Who issues receipts, as a finance team reads it: the registered name, number, address and the organisers' wording. */
export type ReceiptIssuer = {
  name: string;
  legalName: string;
  registrationNumber: string;
  postalAddress: string;
  taxWording: string;
  contactEmail: string;
};

export function receiptIssuer(organisation = getOrganisation()): ReceiptIssuer {
  return {
    name: organisation.name,
    legalName: organisation.legalName || organisation.name,
    registrationNumber: organisation.registrationNumber,
    postalAddress: organisation.postalAddress,
    taxWording: organisation.receiptTaxWording,
    contactEmail: organisation.contactEmail,
  };
}
