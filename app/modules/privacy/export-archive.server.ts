import { strToU8, zipSync, type Zippable } from "fflate";
import { toCsv } from "~/utils/csv.server";
import type { PersonalDataSection, PersonalDataTable, PersonalDataValue } from "~/utils/personal-data";
import { archiveHtml, type ArchiveCover } from "./export-html.server";

function csvValue(value: PersonalDataValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "yes" : "no";
  return String(value);
}

function tableCsv(table: PersonalDataTable): string {
  const columns = [...new Set(table.rows.flatMap((row) => Object.keys(row)))];
  return toCsv([columns, ...table.rows.map((row) => columns.map((column) => csvValue(row[column])))]);
}

/**
 * The download: `index.html` to read, `data.json` with everything for other programs (NDPA s.38's
 * "commonly used, machine-readable format"), and one CSV per list for spreadsheets.
 */
export function buildArchive(cover: ArchiveCover, sections: PersonalDataSection[]): Uint8Array {
  const csv: Zippable = {};
  for (const section of sections) {
    for (const table of section.tables) csv[`${table.name}.csv`] = strToU8(tableCsv(table));
  }
  const json = {
    person: { name: cover.personName, email: cover.email },
    organisation: cover.organisationName,
    generatedAt: cover.generatedAt,
    sections: sections.map(({ area, title, description, notes, tables }) => ({
      area,
      title,
      description,
      notes: notes ?? [],
      tables: tables.map(({ name, title: tableTitle, rows }) => ({ name, title: tableTitle, rows })),
    })),
  };
  return zipSync({
    "index.html": strToU8(archiveHtml(cover, sections)),
    "data.json": strToU8(JSON.stringify(json, null, 2)),
    csv,
  });
}
