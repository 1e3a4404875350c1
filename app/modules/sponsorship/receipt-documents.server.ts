import { getOrganisation } from "~/modules/organisation/index.server";
import { formatDate } from "~/utils/dates";
import { formatMoney } from "~/utils/money";
import { INTERVAL_LABELS } from "./campaign-schemas";
import { METHOD_LABELS } from "./donate-schemas";
import type { Donor } from "./giving.server";
import { amountLabel, benefitWording, receiptIssuer } from "./receipt-facts.server";
import { drawPdf, type PdfRow } from "./receipt-pdf.server";
import { findReceipt, type ReceiptViewer } from "./receipts.server";
import { statementInReturn, yearStatement } from "./statements.server";

export type PdfFile = { fileName: string; bytes: Buffer };

/** A receipt as a PDF, for exactly whoever may open the receipt page; null for anyone else. */
export async function receiptPdf(donationId: string, viewer: ReceiptViewer): Promise<PdfFile | null> {
  const receipt = findReceipt(donationId, viewer);
  if (!receipt) return null;
  const organisation = getOrganisation();
  const money = (minor: number) => formatMoney(minor, receipt.currency);
  const rows: PdfRow[] = [
    { label: "Receipt number", value: receipt.receiptNumber },
    { label: "Date received", value: formatDate(receipt.paidAt, organisation.timeZone) },
    { label: "Donor", value: [receipt.donorName, receipt.donorEmail].filter(Boolean).join("\n") },
    { label: "Campaign", value: receipt.campaignTitle },
    { label: amountLabel(receipt.method), value: money(receipt.amount) },
    ...(receipt.coveredFee === null
      ? []
      : [
          { label: "Your gift", value: money(receipt.gift) },
          { label: "Card fee you covered", value: money(receipt.coveredFee) },
        ]),
    { label: "Paid by", value: receipt.paidBy },
    { label: "Gift", value: INTERVAL_LABELS[receipt.monthly ? "monthly" : "one_off"] },
  ];
  if (receipt.refundedAmount > 0) {
    rows.push({ label: "Refunded", value: `${money(receipt.refundedAmount)}${receipt.status === "refunded" ? " (in full)" : ""}` });
  }
  rows.push({ label: "Given in return", value: receipt.inReturn });
  const issuer = receiptIssuer(organisation);
  const bytes = await drawPdf({
    title: `Receipt ${receipt.receiptNumber}`,
    issuer,
    rows,
    paragraphs: [`Thank you for your ${receipt.monthly ? "monthly " : ""}gift to ${issuer.name}.`],
    smallPrint: issuer.taxWording || undefined,
  });
  return { fileName: `receipt-${receipt.receiptNumber}.pdf`, bytes };
}

/** The person's giving statement for a calendar year as a PDF. */
export async function statementPdf(donor: Donor & { name: string }, year: number): Promise<PdfFile> {
  const organisation = getOrganisation();
  const { timeZone } = organisation;
  const statement = yearStatement(donor, year, timeZone);
  const issuer = receiptIssuer(organisation);
  const rows: PdfRow[] = [
    { label: "Donor", value: `${donor.name}\n${donor.email}` },
    { label: "Period", value: `1 January to 31 December ${year}` },
    { label: "Issued", value: formatDate(statement.issuedAt, timeZone) },
  ];
  const lines = statement.lines.map((line) => {
    const method = line.method === "in_kind" && line.giftDescription ? `In kind: ${line.giftDescription} (fair value)` : METHOD_LABELS[line.method];
    const refunded = line.refundedAmount ? `\n${formatMoney(line.amount, line.currency)} given, ${formatMoney(line.refundedAmount, line.currency)} refunded` : "";
    const inReturn = line.inReturn ? `\n${benefitWording(line.inReturn, line.currency)}` : "";
    return [formatDate(line.paidAt, timeZone), line.receiptNumber, `${line.campaignTitle}${inReturn}`, method, `${formatMoney(line.net, line.currency)}${refunded}`];
  });
  const totals = statement.totals.map((total) => ({
    label: `Total ${total.currency} (${total.gifts} ${total.gifts === 1 ? "gift" : "gifts"})`,
    value: formatMoney(total.net, total.currency),
  }));
  const bytes = await drawPdf({
    title: `Giving statement ${year}`,
    issuer,
    rows,
    table: lines.length
      ? {
          columns: [
            { heading: "Date", width: 3 },
            { heading: "Receipt", width: 2.2 },
            { heading: "Campaign", width: 4 },
            { heading: "Method", width: 3.4 },
            { heading: "Amount", width: 3 },
          ],
          rows: lines,
        }
      : undefined,
    afterTable: totals,
    paragraphs: lines.length
      ? ["Thank you for your support. Amounts are what we received, less anything refunded to you.", statementInReturn(statement)]
      : [`We have no gifts from you received in ${year}.`],
    smallPrint: issuer.taxWording || undefined,
  });
  return { fileName: `giving-statement-${year}.pdf`, bytes };
}
