// A spreadsheet treats a cell starting with one of these as a formula, which a person's name or
// answer must never become (OWASP "CSV injection"): such cells get a leading apostrophe.
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}
