import { isoDateTime } from "~/utils/dates";
import { minorToInput } from "~/utils/money";
import { DONATION_STATUS_LABELS, RECOGNITION_LABELS } from "./donations-admin-schemas";
import { receivedOf, type DonationListRow } from "./donations-admin.server";
import { toCsv } from "~/utils/csv.server";
import { INTERVAL_LABELS } from "~/modules/sponsorship/campaign-schemas";
import { METHOD_LABELS } from "~/modules/sponsorship/donate-schemas";

/**
 * The donations table as CSV, one row per gift. Amounts are plain major-unit numbers
 * ("5000.50") beside their currency so a spreadsheet can add them up; every text cell is
 * made formula-safe, since donors type their own names and messages.
 */
export function donationsCsv(rows: DonationListRow[], timeZone: string): string {
  const header = [
    "Date",
    "Donor",
    "Email",
    "Campaign",
    "Amount",
    "Currency",
    "Refunded",
    "Received",
    "Gift",
    "Method",
    "Status",
    "Reference",
    "Receipt number",
    "Recognition",
    "Message",
  ];
  const lines = rows.map((row) => [
    isoDateTime(row.date, timeZone),
    row.donorName,
    row.donorEmail,
    row.campaignTitle,
    minorToInput(row.amount, row.currency),
    row.currency,
    minorToInput(row.refundedAmount, row.currency),
    minorToInput(receivedOf(row), row.currency),
    INTERVAL_LABELS[row.interval],
    METHOD_LABELS[row.method],
    DONATION_STATUS_LABELS[row.status],
    row.reference ?? "",
    row.receiptNumber ?? "",
    RECOGNITION_LABELS[row.recognition],
    row.message,
  ]);
  return toCsv([header, ...lines]);
}

/** "donations-2026-11.csv" or "donations.csv": safe characters only. */
export function donationsFileName(month: string): string {
  return month ? `donations-${month.replace(/[^0-9-]/g, "")}.csv` : "donations.csv";
}
