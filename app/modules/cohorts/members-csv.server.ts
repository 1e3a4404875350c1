import { stringify } from "csv-stringify/sync";
import { formatInstant } from "~/utils/dates";
import type { cohortGrid } from "./dashboard.server";

// A cell starting with one of these is a formula to a spreadsheet; a name must never become one.
const FORMULA_START = /^[=+\-@\t\r]/;
const cell = (value: string) => (FORMULA_START.test(value) ? `'${value}` : value);

const VIA = { code: "Join code", invitation: "Invitation", event: "Event check-in", organiser: "Organiser" } as Record<string, string>;

/**
 * Members and their progress as CSV: completion only (dates a step was done), never answers.
 * Starts with a byte-order mark so spreadsheet apps read accented names correctly.
 */
export function membersCsv(grid: ReturnType<typeof cohortGrid>, timeZone: string): string {
  const header = ["Name", "Email", "Joined", "Joined by", "Steps done", "Last active", ...grid.steps.map((s) => `Step ${s.position}: ${s.title}`)];
  const rows = grid.members.map((m) => [
    m.name,
    m.email,
    formatInstant(m.joinedAt, timeZone),
    VIA[m.joinedVia] ?? m.joinedVia,
    String(m.doneCount),
    m.lastActivityAt ? formatInstant(m.lastActivityAt, timeZone) : "",
    ...m.cells.map((state, index) => (state === "done" ? formatInstant(m.doneAt[index]!, timeZone) : state === "open" ? "Open" : "Not open yet")),
  ]);
  return `\uFEFF${stringify([header, ...rows.map((r) => r.map(cell))])}`;
}
