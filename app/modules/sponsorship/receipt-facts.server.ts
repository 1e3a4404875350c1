import type { donations, PaymentMethod, PaymentProvider } from "~db/schema";
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

const PROVIDER_NAMES: Record<PaymentProvider, string> = { stripe: "Stripe", paystack: "Paystack" };

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

// Tiers say what a gift pays for, never a benefit to the donor, so no gift here buys anything back.
export const NOTHING_IN_RETURN = "Nothing was given in return for this gift.";
export const NOTHING_IN_RETURN_FOR_ANY = "Nothing was given in return for any of these gifts.";

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
