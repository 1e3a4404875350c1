import { toCsv } from "~/utils/csv.server";
import { isoDateTime } from "~/utils/dates";
import type { cohortGrid } from "./dashboard.server";

const VIA = { code: "Join code", invitation: "Invitation", event: "Event check-in", organiser: "Organiser" } as Record<string, string>;

/**
 * Members and their progress as CSV: completion only (dates a step was done), never answers.
 * Times are ISO 8601 with the organisation's offset.
 */
export function membersCsv(grid: ReturnType<typeof cohortGrid>, timeZone: string): string {
  const header = ["Name", "Email", "Joined", "Joined by", "Steps done", "Last active", ...grid.steps.map((s) => `Step ${s.position}: ${s.title}`)];
  const rows = grid.members.map((m) => [
    m.name,
    m.email,
    isoDateTime(m.joinedAt, timeZone),
    VIA[m.joinedVia] ?? m.joinedVia,
    String(m.doneCount),
    m.lastActivityAt ? isoDateTime(m.lastActivityAt, timeZone) : "",
    ...m.cells.map((state, index) => (state === "done" ? isoDateTime(m.doneAt[index]!, timeZone) : state === "open" ? "Open" : "Not open yet")),
  ]);
  return toCsv([header, ...rows]);
}
