import { isoDateTime } from "./dates";

// What each area holds about one person, in a shape the privacy area can turn into a readable page,
// JSON and CSV without knowing any area's tables (NDPA s.34: access; s.38: portability).

export type PersonalDataValue = string | number | boolean | null;
export type PersonalDataRow = Record<string, PersonalDataValue>;

export type PersonalDataTable = {
  /** A file name for the table's CSV: lower case, words joined by hyphens. */
  name: string;
  /** What the table is, in the person's words. */
  title: string;
  /** The database tables the rows come from, so a test can tell no table with personal data is forgotten. */
  sources: string[];
  rows: PersonalDataRow[];
};

export type PersonalDataSection = {
  area: string;
  title: string;
  description: string;
  tables: PersonalDataTable[];
  /** What is held but deliberately left out (secrets, other people's private words), and why. */
  notes?: string[];
};

/** Whose data is gathered, and the time zone its instants are written in. */
export type DataSubject = { userId: string; email: string; timeZone: string };

/** An instant as ISO 8601 with the zone's offset; null stays null. */
export function instantFor(subject: DataSubject, instant: number | null | undefined): string | null {
  return instant === null || instant === undefined ? null : isoDateTime(instant, subject.timeZone);
}

/** A list or a JSON value as one readable cell. */
export function listText(values: readonly string[] | null | undefined): string {
  return (values ?? []).join(", ");
}

export function jsonText(value: unknown): string {
  return JSON.stringify(value ?? null);
}
