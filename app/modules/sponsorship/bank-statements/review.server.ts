import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { db } from "~db/client.server";
import { bankStatements, campaigns, donations, statementLines, users, type StatementLineStatus } from "~db/schema";
import { pageWindow } from "~/utils/paging";
import { layoutLabel } from "./layouts.server";
import { heldDonationIds, pledgesFitting, referencesIn } from "./matching.server";
import { runningTotals } from "~/utils/running-totals.server";

const importer = alias(users, "importer");

/** How many statements the list shows at a time. */
export const BANK_STATEMENTS_PAGE_SIZE = 25;

/**
 * The statements imported, newest first, a page at a time, with how many of each one's credits
 * are in each state: counted for the page's statements only, through the index on a line's
 * statement and status.
 */
export function listBankStatements(page = 1) {
  const total = runningTotals(["rows:bank_statements"])["rows:bank_statements"];
  const window = pageWindow(page, total, BANK_STATEMENTS_PAGE_SIZE);
  const statements = total
    ? db
        .select({ id: bankStatements.id, fileName: bankStatements.fileName, layout: bankStatements.layout, importedAt: bankStatements.importedAt, importedByName: importer.name })
        .from(bankStatements)
        .leftJoin(importer, eq(importer.id, bankStatements.importedBy))
        .orderBy(desc(bankStatements.importedAt), desc(bankStatements.id))
        .limit(window.limit)
        .offset(window.offset)
        .all()
    : [];
  const counts = statements.length
    ? db
        .select({ statementId: statementLines.statementId, status: statementLines.status, n: sql<number>`count(*)` })
        .from(statementLines)
        .where(
          inArray(
            statementLines.statementId,
            statements.map((statement) => statement.id),
          ),
        )
        .groupBy(statementLines.statementId, statementLines.status)
        .all()
    : [];
  return {
    statements: statements.map((statement) => {
      const byStatus: Record<StatementLineStatus, number> = { unmatched: 0, proposed: 0, confirmed: 0, ignored: 0 };
      for (const count of counts) if (count.statementId === statement.id) byStatus[count.status] = Number(count.n);
      return { ...statement, layoutLabel: layoutLabel(statement.layout), counts: byStatus };
    }),
    total,
    page: window.page,
    pageCount: window.pageCount,
  };
}

const pledgeColumns = {
  id: donations.id,
  donorName: donations.donorName,
  amount: donations.amount,
  currency: donations.currency,
  reference: donations.reference,
  status: donations.status,
  receivedAmount: donations.receivedAmount,
  createdAt: donations.createdAt,
  campaignTitle: campaigns.title,
};

export type StatementPledge = { id: string; donorName: string; amount: number; currency: string; reference: string | null; status: string; receivedAmount: number | null; createdAt: number; campaignTitle: string };

function pledgesByIds(ids: string[]): Map<string, StatementPledge> {
  if (!ids.length) return new Map();
  const rows = db.select(pledgeColumns).from(donations).innerJoin(campaigns, eq(campaigns.id, donations.campaignId)).where(inArray(donations.id, ids)).all();
  return new Map(rows.map((row) => [row.id, row]));
}

/** Waiting transfer pledges in a currency that no credit holds yet, newest first: the manual match's choices. */
function openPledges(currency: string, held: string[], limit = 100): StatementPledge[] {
  return db
    .select(pledgeColumns)
    .from(donations)
    .innerJoin(campaigns, eq(campaigns.id, donations.campaignId))
    .where(and(eq(donations.method, "bank_transfer"), eq(donations.status, "pending"), eq(donations.currency, currency)))
    .orderBy(desc(donations.createdAt), desc(donations.id))
    .limit(limit + held.length)
    .all()
    .filter((pledge) => !held.includes(pledge.id))
    .slice(0, limit);
}

/**
 * One statement for review: the proposed matches with their pledges, the credits left unmatched
 * with the pledges that could be theirs, and what was confirmed or set aside. Undefined when there
 * is no such statement.
 */
export function statementReview(statementId: string, timeZone: string) {
  const statement = db
    .select({ id: bankStatements.id, fileName: bankStatements.fileName, layout: bankStatements.layout, importedAt: bankStatements.importedAt, importedByName: importer.name })
    .from(bankStatements)
    .leftJoin(importer, eq(importer.id, bankStatements.importedBy))
    .where(eq(bankStatements.id, statementId))
    .get();
  if (!statement) return undefined;
  const lines = db.select().from(statementLines).where(eq(statementLines.statementId, statementId)).orderBy(statementLines.postedOn, statementLines.id).all();
  const pledges = pledgesByIds(lines.flatMap((line) => (line.donationId ? [line.donationId] : [])));
  const withPledge = (line: (typeof lines)[number]) => ({ ...line, pledge: line.donationId ? (pledges.get(line.donationId) ?? null) : null });
  const held = heldDonationIds(db);
  const unmatched = lines
    .filter((line) => line.status === "unmatched")
    .map((line) => {
      const mentioned = referencesIn(line.narration);
      const named = mentioned.length
        ? db.select({ reference: donations.reference, status: donations.status }).from(donations).where(inArray(donations.reference, mentioned)).all()
        : [];
      const fitting = pledgesFitting(db, line, held, timeZone).map((pledge) => pledge.id);
      const found = pledgesByIds(fitting);
      const candidates = fitting.flatMap((id) => found.get(id) ?? []);
      return { ...line, mentions: named.map((pledge) => ({ reference: pledge.reference!, status: pledge.status })), candidates };
    });
  const currencies = [...new Set(unmatched.map((line) => line.currency))];
  return {
    statement: { ...statement, layoutLabel: layoutLabel(statement.layout) },
    proposed: lines.filter((line) => line.status === "proposed").map(withPledge),
    unmatched,
    confirmed: lines.filter((line) => line.status === "confirmed").map(withPledge),
    ignored: lines.filter((line) => line.status === "ignored"),
    openPledges: Object.fromEntries(currencies.map((currency) => [currency, openPledges(currency, held)])),
  };
}

export type StatementReview = NonNullable<ReturnType<typeof statementReview>>;
