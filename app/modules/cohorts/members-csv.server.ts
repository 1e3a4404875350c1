import { toCsv } from "~/utils/csv.server";
import { isoDateTime } from "~/utils/dates";
import { db } from "~db/client.server";
import { cohortGrid } from "./dashboard.server";
import { getOrganisation, recordAudit } from "~/modules/organisation/index.server";

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

/** A cohort's members and progress as CSV for an organiser; the export of people's data is audited. */
export function membersExport({ cohort, actorId }: { cohort: Parameters<typeof cohortGrid>[0]; actorId: string }): string {
  const grid = cohortGrid(cohort);
  recordAudit(db, { actorId, action: "cohort.members_exported", targetType: "cohort", targetId: cohort.id, details: { rows: grid.members.length } });
  return membersCsv(grid, getOrganisation().timeZone);
}
