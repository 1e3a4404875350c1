import { sha256Hex } from "~/utils/ids.server";

// Banks export "CSV" in several dialects: UTF-8 or Windows-1252, with or without a byte-order
// mark, commas or semicolons, CRLF or LF. This reads all of them into rows of trimmed cells.

/** The file's text: UTF-8 when it is valid UTF-8, else Windows-1252 (older desktop exports). */
export function decodeStatement(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder("windows-1252").decode(bytes);
  }
  return text.replace(/^\uFEFF/, "");
}

/** The same statement is the same file, whatever its line endings. */
export function statementFileHash(text: string): string {
  return sha256Hex(text.replace(/\r\n?/g, "\n").trimEnd());
}

const DELIMITERS = [",", ";", "\t"] as const;

/** The separator used most in the first lines (outside quotes is close enough for choosing). */
function delimiterOf(text: string): string {
  const sample = text.slice(0, 4096);
  let best: string = ",";
  let bestCount = 0;
  for (const delimiter of DELIMITERS) {
    const count = sample.split(delimiter).length - 1;
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}

/** RFC 4180 rows: quoted cells may hold separators, doubled quotes and line breaks. Blank lines are dropped. */
export function csvRows(text: string): string[][] {
  const delimiter = delimiterOf(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const endCell = () => {
    row.push(cell.trim());
    cell = "";
  };
  const endRow = () => {
    endCell();
    if (row.some((value) => value !== "")) rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === delimiter) {
      endCell();
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      endRow();
    } else {
      cell += c;
    }
  }
  endRow();
  return rows;
}
