import { sha256Hex } from "~/utils/ids.server";
import type { DateOrder, StatementMapping } from "./schemas";
import { parseStatementAmount, parseStatementDate } from "./values.server";

// The statement layouts of the banks most Nigerian organisations use, as their internet
// banking exports them, recognised by the header row. A bank that renames a column, or any
// other bank, goes through the "map the columns" step instead; that choice is remembered.

type Column = "date" | "narration" | "reference" | "credit" | "debit" | "balance";

type KnownLayout = { key: string; label: string; header: string[]; columns: Partial<Record<Column, string>> & Record<"date" | "narration" | "credit", string> };

export const KNOWN_LAYOUTS: KnownLayout[] = [
  {
    key: "gtbank",
    label: "GTBank (Guaranty Trust)",
    header: ["trans date", "value date", "reference", "debits", "credits", "balance", "originating branch", "remarks"],
    columns: { date: "trans date", narration: "remarks", reference: "reference", credit: "credits", debit: "debits", balance: "balance" },
  },
  {
    key: "firstbank",
    label: "First Bank",
    header: ["trans date", "reference", "transaction details", "value date", "withdrawal", "lodgement", "balance"],
    columns: { date: "trans date", narration: "transaction details", reference: "reference", credit: "lodgement", debit: "withdrawal", balance: "balance" },
  },
  {
    key: "uba",
    label: "UBA (United Bank for Africa)",
    header: ["tran date", "value date", "narration", "chq no", "debit", "credit", "balance"],
    columns: { date: "tran date", narration: "narration", credit: "credit", debit: "debit", balance: "balance" },
  },
  {
    key: "access",
    label: "Access Bank",
    header: ["posted date", "value date", "description", "debit", "credit", "balance"],
    columns: { date: "posted date", narration: "description", credit: "credit", debit: "debit", balance: "balance" },
  },
  {
    key: "zenith",
    label: "Zenith Bank",
    header: ["date posted", "value date", "description", "debit", "credit", "balance"],
    columns: { date: "date posted", narration: "description", credit: "credit", debit: "debit", balance: "balance" },
  },
];

const MAPPED_PREFIX = "mapped:";

/** "Trans. Date" and "TRANS DATE" are the same column. */
export function normaliseHeading(cell: string): string {
  return cell
    .toLowerCase()
    .replace(/\./g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** A short fingerprint of a header row, to know the same layout again. */
export function headerSignature(cells: string[]): string {
  return sha256Hex(cells.map(normaliseHeading).join("|")).slice(0, 16);
}

/** What the layout column of a statement says: a known bank's key, or the columns chosen for a header. */
export function mappedLayoutText(signature: string, mapping: StatementMapping): string {
  // The signature first, so that a statement with the same header is found by a prefix.
  return `${MAPPED_PREFIX}${JSON.stringify({ signature, ...mapping })}`;
}

export function mappedLayoutPrefix(signature: string): string {
  return `${MAPPED_PREFIX}{"signature":"${signature}",`;
}

export function layoutLabel(layout: string): string {
  if (layout.startsWith(MAPPED_PREFIX)) return "Columns chosen by an organiser";
  return KNOWN_LAYOUTS.find((known) => known.key === layout)?.label ?? layout;
}

export function parseMappedLayout(layout: string): StatementMapping | null {
  if (!layout.startsWith(MAPPED_PREFIX)) return null;
  try {
    const { signature: _signature, ...mapping } = JSON.parse(layout.slice(MAPPED_PREFIX.length)) as StatementMapping & { signature: string };
    void _signature;
    return mapping;
  } catch {
    return null;
  }
}

export type StatementCredit = { postedOn: string; amount: number; narration: string; balance: string };

/** How a file's rows are read once we know its header row and which column holds what. */
type Reading = { headerIndex: number; layout: string; label: string; columns: Partial<Record<Column, number>> & Record<"date" | "narration" | "credit", number>; dateOrder: DateOrder };

export type StatementRead =
  | { kind: "read"; layout: string; label: string; credits: StatementCredit[]; skipped: number; unreadable: number }
  | { kind: "needs-mapping"; signature: string; headers: string[]; sample: string[][] };

function knownReading(rows: string[][]): Reading | null {
  for (const [index, row] of rows.entries()) {
    const headings = row.map(normaliseHeading);
    const layout = KNOWN_LAYOUTS.find((known) => known.header.every((name) => headings.includes(name)));
    if (!layout) continue;
    const columns = Object.fromEntries(Object.entries(layout.columns).map(([role, name]) => [role, headings.indexOf(name)])) as Reading["columns"];
    return { headerIndex: index, layout: layout.key, label: layout.label, columns, dateOrder: "dmy" };
  }
  return null;
}

const looksLikeData = (cell: string) => parseStatementDate(cell) !== null || /^[-(]?[₦$£€]?\s?\d[\d,]*(\.\d+)?\)?$/.test(cell);

/** The header of a layout we do not know: the first row of three or more headings, none of them a date or a number. */
function unknownHeaderIndex(rows: string[][]): number {
  const index = rows.findIndex((row) => row.filter((cell) => cell !== "").length >= 3 && !row.some(looksLikeData));
  return index;
}

function readRows(rows: string[][], reading: Reading, currency: string): StatementRead {
  const { columns, headerIndex } = reading;
  const header = rows[headerIndex].map(normaliseHeading).join("|");
  const credits: StatementCredit[] = [];
  let skipped = 0;
  let unreadable = 0;
  for (const row of rows.slice(headerIndex + 1)) {
    // Summary lines (totals, closing balance) and repeated headers carry no date of their own.
    if (row.map(normaliseHeading).join("|") === header) continue;
    const postedOn = parseStatementDate(row[columns.date] ?? "", reading.dateOrder);
    if (!postedOn) continue;
    const credit = parseStatementAmount(row[columns.credit] ?? "", currency);
    const debit = columns.debit === undefined ? 0 : parseStatementAmount(row[columns.debit] ?? "", currency);
    if (credit === null || debit === null) {
      unreadable += 1;
      continue;
    }
    if (credit <= 0) {
      skipped += 1;
      continue;
    }
    const description = (row[columns.narration] ?? "").replace(/\s+/g, " ").trim();
    const reference = columns.reference === undefined ? "" : (row[columns.reference] ?? "").trim();
    const narration = reference && !description.includes(reference) ? `${description} / ${reference}` : description;
    credits.push({ postedOn, amount: credit, narration, balance: columns.balance === undefined ? "" : (row[columns.balance] ?? "").replace(/\s+/g, "") });
  }
  return { kind: "read", layout: reading.layout, label: reading.label, credits, skipped, unreadable };
}

/**
 * Reads a statement's credits: a known bank's layout by its header row, else the columns chosen
 * for this header (now, or for an earlier statement with the same header), else it asks for them.
 * Lines before the header (account name, period) and after the transactions (totals) are passed over.
 */
export function readStatement(
  rows: string[][],
  currency: string,
  mapping: { chosen?: StatementMapping; ask?: boolean; remembered?: (signature: string) => StatementMapping | null },
): StatementRead | null {
  const known = mapping.chosen || mapping.ask ? null : knownReading(rows);
  if (known) return readRows(rows, known, currency);
  const headerIndex = unknownHeaderIndex(rows);
  if (headerIndex < 0) return null;
  const headers = rows[headerIndex];
  const signature = headerSignature(headers);
  const chosen = mapping.ask ? null : (mapping.chosen ?? mapping.remembered?.(signature) ?? null);
  if (!chosen) return { kind: "needs-mapping", signature, headers, sample: rows.slice(headerIndex + 1, headerIndex + 4) };
  const columns: Reading["columns"] = { date: chosen.dateColumn, narration: chosen.narrationColumn, credit: chosen.creditColumn, debit: chosen.debitColumn, balance: chosen.balanceColumn };
  return readRows(rows, { headerIndex, layout: mappedLayoutText(signature, chosen), label: layoutLabel(MAPPED_PREFIX), columns, dateOrder: chosen.dateOrder }, currency);
}
