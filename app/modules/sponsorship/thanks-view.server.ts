import type { DonationStatus, donations } from "~db/schema";

/** What the thanks page shows once the donor is back from the provider's page. */
export type ThanksView = {
  status: DonationStatus;
  amount: number;
  currency: string;
  monthly: boolean;
  donorName: string;
  campaignTitle: string;
  receiptId: string | null;
  /** False when the provider could not be asked: a pending gift may then be paid already. */
  confirmed: boolean;
};

/** The gift as its donor sees it on the thanks page; the receipt link only for the donor signed in. */
export function thanksViewOf(
  row: { donation: typeof donations.$inferSelect; campaignTitle: string },
  viewerUserId: string | null,
  confirmed: boolean,
): ThanksView {
  const { donation } = row;
  return {
    status: donation.status,
    amount: donation.amount,
    currency: donation.currency,
    monthly: donation.interval === "monthly",
    donorName: donation.donorName,
    campaignTitle: row.campaignTitle,
    receiptId: viewerUserId && donation.userId === viewerUserId && donation.receiptNumber ? donation.id : null,
    confirmed,
  };
}
