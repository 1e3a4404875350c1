import type { PersonalDataSection, PersonalDataTable, PersonalDataValue } from "~/utils/personal-data";

// The download's readable summary: one self-contained page (no scripts, no outside files), so it
// opens from the ZIP on any phone. Every value is escaped: the person's own words stay words.

export type ArchiveCover = { personName: string; email: string; organisationName: string; generatedAt: string };

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => ESCAPES[character]!);
}

function cell(value: PersonalDataValue): string {
  if (value === null || value === "") return '<span class="none">–</span>';
  if (typeof value === "boolean") return value ? "yes" : "no";
  return escapeHtml(String(value));
}

/** "sentAt" → "Sent at": column names as words. */
function heading(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return escapeHtml(words.charAt(0).toUpperCase() + words.slice(1));
}

function tableHtml(table: PersonalDataTable): string {
  const title = `<h3>${escapeHtml(table.title)}</h3>`;
  if (!table.rows.length) return `${title}\n<p class="none">Nothing held.</p>`;
  const columns = [...new Set(table.rows.flatMap((row) => Object.keys(row)))];
  // One block per row, each value under its name: reads on a narrow screen where a wide table would not.
  const rows = table.rows
    .map((row) => `<dl>${columns.map((column) => `<dt>${heading(column)}</dt><dd>${cell(row[column] ?? null)}</dd>`).join("")}</dl>`)
    .join("\n");
  return `${title}\n<p class="count">${table.rows.length} ${table.rows.length === 1 ? "entry" : "entries"}; also in <code>csv/${escapeHtml(table.name)}.csv</code></p>\n${rows}`;
}

function sectionHtml(section: PersonalDataSection): string {
  const notes = (section.notes ?? []).map((note) => `<p class="note">${escapeHtml(note)}</p>`).join("\n");
  return [
    `<section id="${escapeHtml(section.area)}">`,
    `<h2>${escapeHtml(section.title)}</h2>`,
    `<p>${escapeHtml(section.description)}</p>`,
    notes,
    ...section.tables.map(tableHtml),
    "</section>",
  ].join("\n");
}

const STYLE = `body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;line-height:1.5;color:#1b1f23;margin:0 auto;max-width:46rem;padding:1rem}
h1{font-size:1.6rem}h2{border-top:2px solid #0b5e55;padding-top:.75rem;margin-top:2rem}h3{margin-bottom:.25rem}
dl{display:grid;grid-template-columns:minmax(7rem,1fr) 2fr;gap:.25rem .75rem;border:1px solid #b1b4b6;padding:.5rem;margin:.5rem 0}
dt{font-weight:600}dd{margin:0;white-space:pre-wrap;overflow-wrap:anywhere}.none,.count{color:#505a5f}.note{background:#f4f6f5;padding:.5rem}`;

/** The summary page of everything in the download. */
export function archiveHtml(cover: ArchiveCover, sections: PersonalDataSection[]): string {
  const contents = sections.map((section) => `<li><a href="#${escapeHtml(section.area)}">${escapeHtml(section.title)}</a></li>`).join("");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Your data held by ${escapeHtml(cover.organisationName)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>Your data held by ${escapeHtml(cover.organisationName)}</h1>
<p>Everything ${escapeHtml(cover.organisationName)} holds about ${escapeHtml(cover.personName)} (${escapeHtml(cover.email)}), as it was on ${escapeHtml(cover.generatedAt)}.</p>
<p>The same information is in <code>data.json</code> for other programs, and each list is in the <code>csv</code> folder for spreadsheets.</p>
<nav aria-label="Contents"><ul>${contents}</ul></nav>
${sections.map(sectionHtml).join("\n")}
</main>
</body>
</html>
`;
}
