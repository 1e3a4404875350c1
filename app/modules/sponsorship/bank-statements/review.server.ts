import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { db } from "~db/client.server";
import { bankStatements, campaigns, donations, statementLines, users, type StatementLineStatus } from "~db/schema";
import { layoutLabel } from "./layouts.server";
import { heldDonationIds, pledgesFitting, referencesIn } from "./matching.server";

const importer = alias(users, "importer");

/** Every statement imported, newest first, with how many of its credits are in each state. */
export function listBankStatements() {
  const statements = db
    .select({ id: bankStatements.id, fileName: bankStatements.fileName, layout: bankStatements.layout, importedAt: bankStatements.importedAt, importedByName: importer.name })
    .from(bankStatements)
    .leftJoin(importer, eq(importer.id, bankStatements.importedBy))
    .orderBy(desc(bankStatements.importedAt), desc(bankStatements.id))
    .all();
  const counts = db
    .select({ statementId: statementLines.statementId, status: statementLines.status, n: sql<number>`count(*)` })
    .from(statementLines)
    .groupBy(statementLines.statementId, statementLines.status)
    .all();
  return statements.map((statement) => {
    const byStatus: Record<StatementLineStatus, number> = { unmatched: 0, proposed: 0, confirmed: 0, ignored: 0 };
    for (const count of counts) if (count.statementId === statement.id) byStatus[count.status] = Number(count.n);
    return { ...statement, layoutLabel: layoutLabel(statement.layout), counts: byStatus };
  });
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
