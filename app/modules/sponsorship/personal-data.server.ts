import { asc, eq, inArray, or, sql } from "drizzle-orm";
import { db } from "~db/client.server";
import { campaigns, donations, partnerEnquiries, paymentDisputes, recurringGifts, statementLines } from "~db/schema";
import { instantFor, type DataSubject, type PersonalDataSection } from "~/utils/personal-data";

/** Gifts given signed in or with the person's address, monthly gifts, and partnership enquiries from that address. */
export function personalDataInSponsorship(subject: DataSubject): PersonalDataSection {
  const at = (instant: number | null) => instantFor(subject, instant);
  const address = subject.email.trim().toLowerCase();
  const gifts = db
    .select({ donation: donations, campaign: campaigns.title })
    .from(donations)
    .innerJoin(campaigns, eq(campaigns.id, donations.campaignId))
    .where(or(eq(donations.userId, subject.userId), sql`lower(${donations.donorEmail}) = ${address}`))
    .orderBy(asc(donations.createdAt))
    .all();
  const giftIds = gifts.map(({ donation }) => donation.id);
  const monthly = giftIds.length ? db.select().from(recurringGifts).where(inArray(recurringGifts.firstDonationId, giftIds)).all() : [];
  // The bank's own words for the transfers that paid the person's gifts (they name the sender).
  const credits = giftIds.length ? db.select().from(statementLines).where(inArray(statementLines.donationId, giftIds)).orderBy(asc(statementLines.postedOn)).all() : [];
  const disputes = giftIds.length ? db.select().from(paymentDisputes).where(inArray(paymentDisputes.donationId, giftIds)).orderBy(asc(paymentDisputes.openedAt)).all() : [];
  const enquiries = db
    .select()
    .from(partnerEnquiries)
    .where(sql`lower(${partnerEnquiries.email}) = ${address}`)
    .orderBy(asc(partnerEnquiries.createdAt))
    .all();
  return {
    area: "sponsorship",
    title: "Gifts and partnership",
    description: "Your gifts (given signed in or with your email address), their receipts, your monthly gifts and any partnership enquiry you sent.",
    tables: [
      {
        name: "gifts",
        title: "Gifts",
        sources: ["donations"],
        rows: gifts.map(({ donation, campaign }) => ({
          campaign,
          amountMinorUnits: donation.amount,
          currency: donation.currency,
          interval: donation.interval,
          method: donation.method,
          status: donation.status,
          donorName: donation.donorName,
          donorEmail: donation.donorEmail,
          recognition: donation.recognition,
          message: donation.message,
          transferReference: donation.reference,
          receiptNumber: donation.receiptNumber,
          givenAt: at(donation.createdAt),
          paidAt: at(donation.paidAt),
          refundedMinorUnits: donation.refundedAmount,
          refundedAt: at(donation.refundedAt),
          refundReason: donation.refundReason,
          failureReason: donation.failureReason,
        })),
      },
      {
        name: "monthly-gifts",
        title: "Monthly gifts",
        sources: ["recurring_gifts"],
        rows: monthly.map((gift) => ({ status: gift.status, startedAt: at(gift.createdAt), cancelledAt: at(gift.cancelledAt) })),
      },
      {
        name: "bank-credits",
        title: "Bank transfers as the bank described them",
        sources: ["statement_lines"],
        rows: credits.map((credit) => ({ day: credit.postedOn, amountMinorUnits: credit.amount, currency: credit.currency, bankDescription: credit.narration })),
      },
      {
        name: "disputes",
        title: "Disputes of your card payments by your bank",
        sources: ["payment_disputes"],
        rows: disputes.map((dispute) => ({
          receiptNumber: gifts.find(({ donation }) => donation.id === dispute.donationId)?.donation.receiptNumber ?? null,
          status: dispute.status,
          reason: dispute.reason,
          amountMinorUnits: dispute.amount,
          currency: dispute.currency,
          openedAt: at(dispute.openedAt),
          respondBy: at(dispute.respondBy),
          resolvedAt: at(dispute.resolvedAt),
        })),
      },
      {
        name: "partner-enquiries",
        title: "Partnership enquiries",
        sources: ["partner_enquiries"],
        rows: enquiries.map((enquiry) => ({
          organisation: enquiry.organisationName,
          contactName: enquiry.contactName,
          email: enquiry.email,
          phone: enquiry.phone,
          kind: enquiry.kind,
          message: enquiry.message,
          stage: enquiry.stage,
          sentAt: at(enquiry.createdAt),
        })),
      },
    ],
    notes: [
      "Amounts are in the currency's smallest unit (kobo, cents). Records of gifts are kept for the years the law on financial records asks, even after an account is erased.",
      "The card payment provider's references for your payments are kept with each gift for refunds and audits; card details never reach us.",
    ],
  };
}
