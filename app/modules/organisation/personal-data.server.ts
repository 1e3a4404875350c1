import { asc, eq, or } from "drizzle-orm";
import { db } from "~db/client.server";
import { auditLog } from "~db/schema";
import { instantFor, type DataSubject, type PersonalDataSection } from "~/utils/personal-data";

/**
 * The audit log's entries about the person (an organiser opened their record, changed their roles)
 * and the ones they made. Details of entries they made as an organiser are about other people, and
 * who looked at their record is told as "an organiser", so neither names anyone else.
 */
export function personalDataInOrganisation(subject: DataSubject): PersonalDataSection {
  const entries = db
    .select()
    .from(auditLog)
    .where(or(eq(auditLog.targetId, subject.userId), eq(auditLog.actorId, subject.userId)))
    .orderBy(asc(auditLog.at))
    .all();
  return {
    area: "organisation",
    title: "The organisation's record of actions",
    description: "Entries in the audit log about you or your account, and actions you took as an organiser.",
    tables: [
      {
        name: "audit-log",
        title: "Audit log",
        sources: ["audit_log"],
        rows: entries.map((entry) => {
          const aboutYou = entry.targetId === subject.userId;
          return {
            at: instantFor(subject, entry.at),
            action: entry.action,
            by: entry.actorId === subject.userId ? "you" : entry.actorId ? "an organiser" : "the system",
            about: aboutYou ? "you" : (entry.targetType ?? ""),
          };
        }),
      },
    ],
  };
}
