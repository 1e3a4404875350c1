import { eq } from "drizzle-orm";
import { db } from "~db/client.server";
import { organisationSettings } from "~db/schema";
import { clock, DAY } from "~/utils/clock.server";
import { recordAudit } from "./audit.server";
import { RETENTION_FIELDS, type RetentionSettings } from "./retention-schemas";
import { getOrganisation, type Organisation } from "./settings.server";

/** The organisation's retention periods, as the settings page shows them. */
export function retentionSettings(): RetentionSettings {
  const organisation = getOrganisation();
  return Object.fromEntries(RETENTION_FIELDS.map(({ name }) => [name, organisation[name]])) as RetentionSettings;
}

/** Saves the retention periods and records what changed; returns the names of the changed fields. */
export function saveRetentionSettings({ actorId, values }: { actorId: string; values: RetentionSettings }): string[] {
  getOrganisation();
  return db.transaction(
    (tx) => {
      const current = tx.select().from(organisationSettings).where(eq(organisationSettings.id, 1)).get()!;
      const changes: Record<string, { from: number; to: number }> = {};
      for (const { name } of RETENTION_FIELDS) {
        if (current[name] !== values[name]) changes[name] = { from: current[name], to: values[name] };
      }
      const changed = Object.keys(changes);
      if (!changed.length) return changed;
      const set = Object.fromEntries(changed.map((name) => [name, values[name as keyof RetentionSettings]]));
      tx.update(organisationSettings)
        .set({ ...set, updatedAt: clock.now() })
        .where(eq(organisationSettings.id, 1))
        .run();
      recordAudit(tx, { actorId, action: "retention.changed", targetType: "organisation", targetId: "1", details: changes });
      return changed;
    },
    { behavior: "immediate" },
  );
}

/**
 * The instants before which each kind of data has been kept long enough, computed from the
 * settings at `now`. Years and months are calendar ones (in UTC: a day either way does not matter).
 */
export type RetentionCutoffs = {
  now: number;
  /** Accounts last used before this are erased (unless kept for a reason). */
  inactiveBefore: number;
  /** Registrations of events that ended before this lose their answers and comments. */
  eventsEndedBefore: number;
  /** Gifts paid (or made, if never paid) before this lose the donor's identity. */
  giftsBefore: number;
  /** Sent, dead or skipped emails created before this lose their bodies. */
  emailsBefore: number;
  /** Audit entries before this are deleted. */
  auditBefore: number;
  /** Sessions, log-ins, links and downloads that ended before this are deleted. */
  endedRecordsBefore: number;
};

function yearsBefore(now: number, years: number): number {
  const date = new Date(now);
  date.setUTCFullYear(date.getUTCFullYear() - years);
  return date.getTime();
}

function monthsBefore(now: number, months: number): number {
  const date = new Date(now);
  date.setUTCMonth(date.getUTCMonth() - months);
  return date.getTime();
}

export function retentionCutoffs(settings: Pick<Organisation, keyof RetentionSettings>, now: number): RetentionCutoffs {
  return {
    now,
    inactiveBefore: yearsBefore(now, settings.inactiveAccountYears),
    eventsEndedBefore: monthsBefore(now, settings.pastRegistrationMonths),
    giftsBefore: yearsBefore(now, settings.financialRecordYears),
    emailsBefore: now - settings.outboxBodyDays * DAY,
    auditBefore: yearsBefore(now, settings.auditEntryYears),
    endedRecordsBefore: now - settings.sessionRecordDays * DAY,
  };
}
