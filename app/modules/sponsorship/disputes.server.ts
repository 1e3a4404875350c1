import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { db, type Tx } from "~db/client.server";
import { campaigns, donations, paymentDisputes, type PaymentProvider } from "~db/schema";
import { formatDate } from "~/utils/dates";
import { randomId } from "~/utils/ids.server";
import { formatMoney } from "~/utils/money";
import { pageWindow } from "~/utils/paging";
import { absoluteUrl } from "~/utils/urls.server";
import { enqueueMessage } from "~/modules/outbox/index.server";
import { getOrganisation } from "~/modules/organisation/index.server";
import { organiserEmails } from "./partners.server";

export type DisputeStatus = typeof paymentDisputes.$inferSelect.status;

/** Still needs the organisation's attention or the bank's decision. */
export const UNRESOLVED_DISPUTE_STATUSES = ["open", "awaiting_response"] as const satisfies readonly DisputeStatus[];

export const DISPUTE_STATUS_LABELS: Record<DisputeStatus, string> = {
  open: "Open: the bank is deciding",
  awaiting_response: "Waiting for your evidence",
  won: "Resolved in your favour",
  lost: "Resolved for the donor",
  closed: "Closed",
};

/** A dispute as the provider reports it at one moment. */
export type DisputeReport = {
  provider: PaymentProvider;
  providerDisputeId: string;
  donationId: string;
  status: DisputeStatus;
  reason: string;
  amount: number;
  currency: string;
  respondBy: number | null;
  openedAt: number;
  resolvedAt: number | null;
};

const resolved = (status: DisputeStatus) => !(UNRESOLVED_DISPUTE_STATUSES as readonly string[]).includes(status);

/** Where news of a dispute goes: the organisation's contact address, else every organiser. */
function disputeRecipients(tx: Tx): string[] {
  const contact = getOrganisation().contactEmail.trim();
  return contact ? [contact] : organiserEmails(tx);
}

/**
 * Brings a dispute's row up to what the provider reports. Reports may come twice or out of
 * order: a resolved dispute is never reopened by an older report, and organisers are emailed
 * once, when the dispute is first heard of.
 */
export function recordDispute(tx: Tx, report: DisputeReport, now: number): "opened" | "updated" | "unchanged" {
  const existing = tx
    .select()
    .from(paymentDisputes)
    .where(and(eq(paymentDisputes.provider, report.provider), eq(paymentDisputes.providerDisputeId, report.providerDisputeId)))
    .get();
  if (existing) {
    if (resolved(existing.status) && !resolved(report.status)) return "unchanged";
    tx.update(paymentDisputes)
      .set({
        status: report.status,
        reason: report.reason || existing.reason,
        amount: report.amount,
        respondBy: report.respondBy ?? existing.respondBy,
        resolvedAt: resolved(report.status) ? (report.resolvedAt ?? existing.resolvedAt ?? now) : null,
        updatedAt: now,
      })
      .where(eq(paymentDisputes.id, existing.id))
      .run();
    return "updated";
  }
  tx.insert(paymentDisputes)
    .values({
      id: randomId(),
      ...report,
      resolvedAt: resolved(report.status) ? (report.resolvedAt ?? now) : null,
      updatedAt: now,
    })
    .run();
  const gift = tx
    .select({ donorName: donations.donorName, campaignTitle: campaigns.title })
    .from(donations)
    .innerJoin(campaigns, eq(campaigns.id, donations.campaignId))
    .where(eq(donations.id, report.donationId))
    .get();
  const { timeZone } = getOrganisation();
  for (const to of disputeRecipients(tx)) {
    enqueueMessage(tx, to, "payment-dispute-opened", {
      donorName: gift?.donorName ?? "",
      campaignTitle: gift?.campaignTitle ?? "",
      amount: formatMoney(report.amount, report.currency),
      reason: report.reason,
      respondBy: report.respondBy ? formatDate(report.respondBy, timeZone) : "",
      url: absoluteUrl(`/admin/donations/${report.donationId}`),
    });
  }
  return "opened";
}

const listColumns = {
  id: paymentDisputes.id,
  donationId: paymentDisputes.donationId,
  donorName: donations.donorName,
  status: paymentDisputes.status,
  reason: paymentDisputes.reason,
  amount: paymentDisputes.amount,
  currency: paymentDisputes.currency,
  respondBy: paymentDisputes.respondBy,
  openedAt: paymentDisputes.openedAt,
  resolvedAt: paymentDisputes.resolvedAt,
};

export type DisputeRow = { id: string; donationId: string; donorName: string; status: DisputeStatus; reason: string; amount: number; currency: string; respondBy: number | null; openedAt: number; resolvedAt: number | null };

/** The disputes of one gift, newest first. */
export function disputesOfGift(donationId: string): DisputeRow[] {
  return db
    .select(listColumns)
    .from(paymentDisputes)
    .innerJoin(donations, eq(donations.id, paymentDisputes.donationId))
    .where(eq(paymentDisputes.donationId, donationId))
    .orderBy(desc(paymentDisputes.openedAt))
    .all();
}

/** How many unresolved disputes the notice at the top of the donations list shows at a time. */
export const DISPUTES_PAGE_SIZE = 10;

const unresolvedWhere = inArray(paymentDisputes.status, [...UNRESOLVED_DISPUTE_STATUSES]);

// Read on every visit to the donations console: prepared once (ADR 0046).
const unresolvedCountStatement = db.select({ n: sql<number>`count(*)` }).from(paymentDisputes).where(unresolvedWhere).prepare();
const unresolvedStatement = db
  .select({
    id: paymentDisputes.id,
    donationId: paymentDisputes.donationId,
    donorName: donations.donorName,
    status: paymentDisputes.status,
    amount: paymentDisputes.amount,
    currency: paymentDisputes.currency,
    respondBy: paymentDisputes.respondBy,
  })
  .from(paymentDisputes)
  .innerJoin(donations, eq(donations.id, paymentDisputes.donationId))
  .where(unresolvedWhere)
  .orderBy(asc(paymentDisputes.respondBy), asc(paymentDisputes.openedAt), asc(paymentDisputes.id))
  .limit(sql.placeholder("limit"))
  .offset(sql.placeholder("offset"))
  .prepare();

export type UnresolvedDispute = Pick<DisputeRow, "id" | "donationId" | "donorName" | "status" | "amount" | "currency" | "respondBy">;

/** Disputes still open, soonest deadline first (the id breaks ties), a page at a time: the notice at the top of the donations list. */
export function unresolvedDisputes(page = 1): { disputes: UnresolvedDispute[]; total: number; page: number; pageCount: number } {
  const total = unresolvedCountStatement.get()?.n ?? 0;
  const window = pageWindow(page, total, DISPUTES_PAGE_SIZE);
  const disputes = total ? unresolvedStatement.all({ limit: window.limit, offset: window.offset }) : [];
  return { disputes, total, page: window.page, pageCount: window.pageCount };
}
