import { desc } from "drizzle-orm";
import { db, type Tx } from "~db/client.server";
import { auditLog } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { runningTotals } from "~/utils/running-totals.server";
import { pageWindow } from "~/utils/paging";


type AuditEntry = {
  actorId: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  details?: Record<string, unknown>;
};

/** Records an organiser-visible event; pass the transaction that makes the change. */
export function recordAudit(tx: Tx, entry: AuditEntry) {
  tx.insert(auditLog)
    .values({
      at: clock.now(),
      actorId: entry.actorId,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      details: entry.details ?? {},
    })
    .run();
}

const AUDIT_PAGE_SIZE = 100;

const WORDS: Record<string, string> = { x: "X", linkedin: "LinkedIn", whatsapp: "WhatsApp", contactEmail: "Contact email" };

const TARGET_NAMES: Record<string, string> = { organisation: "Organisation settings", invitation: "Invitation" };

export function describeTarget(type: string | null, id: string | null): string {
  if (!type) return "";
  return TARGET_NAMES[type] ?? `${type}${id ? ` ${id}` : ""}`;
}

function humanise(key: string): string {
  if (WORDS[key]) return WORDS[key];
  const words = key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/[_-]+/g, " ").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return "(none)";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (Array.isArray(value)) return value.length ? value.map(describeValue).join(", ") : "(none)";
  if (typeof value === "object") {
    const record = value as Record<string, unknown>;
    if ("from" in record || "to" in record) return `${describeValue(record.from)} → ${describeValue(record.to)}`;
    return Object.entries(record)
      .map(([key, inner]) => `${humanise(key)}: ${describeValue(inner)}`)
      .join("; ");
  }
  return String(value);
}

/** Details as one line a person can read, e.g. "participant → participant, organiser". */
export function describeAuditDetails(details: Record<string, unknown>): string {
  const { before, after, ...rest } = details;
  const parts: string[] = [];
  if ("before" in details || "after" in details) parts.push(`${describeValue(before)} → ${describeValue(after)}`);
  for (const [key, value] of Object.entries(rest)) parts.push(`${humanise(key)}: ${describeValue(value)}`);
  return parts.join("; ");
}

/** One page of the audit log, newest first; the console puts names to the people in it. */
export function auditPage({ page }: { page: number }) {
  const total = runningTotals(["rows:audit_log"])["rows:audit_log"];
  const { page: current, pageCount } = pageWindow(page, total, AUDIT_PAGE_SIZE);
  const entries = db
    .select()
    .from(auditLog)
    .orderBy(desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE)
    .offset((current - 1) * AUDIT_PAGE_SIZE)
    .all();
  return { entries, total, page: current, pageCount };
}
