import { and, desc, eq, like } from "drizzle-orm";
import { db } from "~db/client.server";
import { bankStatements, statementLines } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { randomId, sha256Hex } from "~/utils/ids.server";
import { refuse, type Outcome } from "~/utils/refusal";
import { getOrganisation, recordAudit } from "~/modules/organisation/index.server";
import { csvRows, decodeStatement, statementFileHash } from "./csv-text.server";
import { mappedLayoutPrefix, parseMappedLayout, readStatement, type StatementCredit } from "./layouts.server";
import { heldDonationIds, proposeMatch } from "./matching.server";
import type { StatementMapping } from "./schemas";

type ImportCounts = { added: number; known: number; skipped: number; unreadable: number; proposed: number };

export type StatementImport = Outcome<
  | ({ result: "imported"; statementId: string; already: boolean; layoutLabel: string } & ImportCounts)
  | { result: "needs-mapping"; fileName: string; fileData: string; currency: string; headers: string[]; sample: string[][] }
>;

const FILE_FIELD = "file";

/**
 * Identifies a credit across statements: the same day, amount, words and running balance is the
 * same credit, wherever it appears; identical lines within one file are told apart by their order.
 */
function lineKeyOf(currency: string, credit: StatementCredit, occurrence: number): string {
  return sha256Hex(JSON.stringify([currency, credit.postedOn, credit.amount, credit.narration, credit.balance, occurrence]));
}

/** The columns chosen for the last statement with this header, so the next one reads the same way. */
function rememberedMapping(signature: string): StatementMapping | null {
  const row = db
    .select({ layout: bankStatements.layout })
    .from(bankStatements)
    .where(like(bankStatements.layout, `${mappedLayoutPrefix(signature)}%`))
    .orderBy(desc(bankStatements.importedAt))
    .limit(1)
    .get();
  return row ? parseMappedLayout(row.layout) : null;
}

/**
 * Imports a bank statement's credits and proposes the pledge each one pays. The same file again
 * changes nothing, and a statement overlapping an earlier one adds only the credits not seen
 * before. A layout we do not recognise comes back as `needs-mapping` with its headings, for the
 * organiser to say which column is which; nothing is written until then.
 */
export function importBankStatement(input: {
  fileName: string;
  bytes: Uint8Array;
  currency: string;
  /** The columns the organiser chose; "choose" asks for them again (the step's form came back with a mistake). */
  mapping?: StatementMapping | "choose";
  actorId: string;
}): StatementImport {
  const now = clock.now();
  const { timeZone } = getOrganisation();
  const text = decodeStatement(input.bytes);
  const fileHash = statementFileHash(text);
  const fileName = input.fileName.trim().slice(0, 200) || "statement.csv";
  const earlier = db.select().from(bankStatements).where(eq(bankStatements.fileHash, fileHash)).get();
  if (earlier && input.mapping !== "choose") return { ok: true, result: "imported", statementId: earlier.id, already: true, layoutLabel: "", added: 0, known: 0, skipped: 0, unreadable: 0, proposed: 0 };

  const rows = csvRows(text);
  const chosen = typeof input.mapping === "object" ? input.mapping : undefined;
  const read = readStatement(rows, input.currency, { chosen, ask: input.mapping === "choose", remembered: rememberedMapping });
  if (!read) {
    return refuse("We could not find the row of column headings in that file. Export the statement from your bank as CSV and try again.", { field: FILE_FIELD });
  }
  if (read.kind === "needs-mapping") {
    const fileData = Buffer.from(input.bytes).toString("base64");
    return { ok: true, result: "needs-mapping", fileName, fileData, currency: input.currency, headers: read.headers, sample: read.sample };
  }
  if (read.credits.length + read.skipped + read.unreadable === 0) {
    return refuse("We found the column headings but no transactions below them. Check that the file is the statement for the period you meant.", {
      field: input.mapping ? "dateColumn" : FILE_FIELD,
    });
  }

  return db.transaction(
    (tx): StatementImport => {
      // Two uploads of one file at once: the second waits for this transaction and finds it here.
      const again = tx.select({ id: bankStatements.id }).from(bankStatements).where(eq(bankStatements.fileHash, fileHash)).get();
      if (again) return { ok: true, result: "imported", statementId: again.id, already: true, layoutLabel: read.label, added: 0, known: 0, skipped: 0, unreadable: 0, proposed: 0 };
      const statementId = randomId(16);
      tx.insert(bankStatements).values({ id: statementId, fileName, fileHash, layout: read.layout, importedAt: now, importedBy: input.actorId }).run();
      const held = heldDonationIds(tx);
      const occurrences = new Map<string, number>();
      let added = 0;
      let proposed = 0;
      for (const credit of [...read.credits].sort((a, b) => a.postedOn.localeCompare(b.postedOn))) {
        const identity = JSON.stringify([credit.postedOn, credit.amount, credit.narration, credit.balance]);
        const occurrence = occurrences.get(identity) ?? 0;
        occurrences.set(identity, occurrence + 1);
        const id = randomId(16);
        const line = { id, postedOn: credit.postedOn, amount: credit.amount, currency: input.currency, narration: credit.narration };
        const inserted = tx
          .insert(statementLines)
          .values({ ...line, statementId, lineKey: lineKeyOf(input.currency, credit, occurrence), status: "unmatched" })
          .onConflictDoNothing()
          .run().changes;
        if (!inserted) continue;
        added += 1;
        const match = proposeMatch(tx, line, held, timeZone);
        if (!match) continue;
        tx.update(statementLines)
          .set({ status: "proposed", donationId: match.donationId, matchedBy: match.matchedBy })
          .where(and(eq(statementLines.id, id), eq(statementLines.status, "unmatched")))
          .run();
        held.push(match.donationId);
        proposed += 1;
      }
      const counts = { added, known: read.credits.length - added, skipped: read.skipped, unreadable: read.unreadable, proposed };
      recordAudit(tx, { actorId: input.actorId, action: "bank_statement.imported", targetType: "bank_statement", targetId: statementId, details: { fileName, layout: read.label, ...counts } });
      return { ok: true, result: "imported", statementId, already: false, layoutLabel: read.label, ...counts };
    },
    { behavior: "immediate" },
  );
}
