import { stringify } from "csv-stringify/sync";

// A spreadsheet treats a cell starting with one of these as a formula, which a person's name or
// answer must never become (OWASP "CSV injection"): such cells get a leading apostrophe.
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * Rows as a CSV file the way spreadsheet apps read it best (RFC 4180): CRLF line ends, a
 * byte-order mark so accented names survive, and no cell a spreadsheet would run as a formula.
 */
export function toCsv(rows: string[][]): string {
  return stringify(
    rows.map((row) => row.map(neutraliseFormula)),
    { bom: true, record_delimiter: "\r\n" },
  );
}
