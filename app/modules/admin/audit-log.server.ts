import { peopleByIds } from "~/modules/auth/index.server";
import { auditPage, describeAuditDetails, describeTarget } from "~/modules/organisation/index.server";

type AuditRow = {
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
  const { entries, ...paging } = auditPage({ page });
  const people = peopleByIds(
    entries.flatMap((entry) => [entry.actorId, entry.targetType === "user" ? entry.targetId : null]).filter((id): id is string => !!id),
  );
  const rows: AuditRow[] = entries.map((entry) => {
    const targetUser = entry.targetType === "user" && entry.targetId ? people.get(entry.targetId) : undefined;
    return {
      id: entry.id,
      at: entry.at,
      actorId: entry.actorId,
      actorName: entry.actorId ? (people.get(entry.actorId)?.name ?? null) : null,
      action: entry.action,
      target: targetUser ? `${targetUser.name} (${targetUser.email})` : describeTarget(entry.targetType, entry.targetId),
      targetUserId: targetUser ? entry.targetId : null,
      details: describeAuditDetails(entry.details),
    };
  });
  return { entries: rows, ...paging };
}
