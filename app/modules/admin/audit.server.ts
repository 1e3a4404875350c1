import { desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { db } from "~db/client.server";
import { auditLog, users } from "~db/schema";
import { clock } from "~/utils/clock.server";

type Tx = Pick<typeof db, "insert">;

export type AuditEntry = {
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

export const AUDIT_PAGE_SIZE = 100;

const WORDS: Record<string, string> = { x: "X", linkedin: "LinkedIn", whatsapp: "WhatsApp", contactEmail: "Contact email" };

const TARGET_NAMES: Record<string, string> = { organisation: "Organisation settings", invitation: "Invitation" };

function describeTarget(type: string | null, id: string | null): string {
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

export type AuditRow = {
  id: number;
  at: number;
  actorId: string | null;
  actorName: string | null;
  action: string;
  target: string;
  targetUserId: string | null;
  details: string;
};

/** One page of the audit log, newest first, with the names of the people involved. */
export function listAudit({ page }: { page: number }) {
  const total = db.select({ n: sql<number>`count(*)` }).from(auditLog).get()?.n ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pageCount);
  const actor = alias(users, "actor");
  const target = alias(users, "target");
  const rows = db
    .select({ entry: auditLog, actorName: actor.name, targetName: target.name, targetEmail: target.email })
    .from(auditLog)
    .leftJoin(actor, eq(actor.id, auditLog.actorId))
    .leftJoin(target, sql`${auditLog.targetType} = 'user' and ${target.id} = ${auditLog.targetId}`)
    .orderBy(desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE)
    .offset((current - 1) * AUDIT_PAGE_SIZE)
    .all();
  const entries: AuditRow[] = rows.map(({ entry, actorName, targetName, targetEmail }) => ({
    id: entry.id,
    at: entry.at,
    actorId: entry.actorId,
    actorName,
    action: entry.action,
    target: targetName ? `${targetName} (${targetEmail})` : describeTarget(entry.targetType, entry.targetId),
    targetUserId: targetName ? entry.targetId : null,
    details: describeAuditDetails(entry.details),
  }));
  return { entries, total, page: current, pageCount };
}
