import { eq } from "drizzle-orm";
import { db } from "~db/client.server";
import { organisationSettings } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { recordAudit } from "./audit.server";
import { getOrganisation, type Organisation } from "./settings.server";

export type StoredFeeRates = Organisation["feeRates"];

/**
 * Saves whether donors are offered to cover the card fee and the rates organisers set (ADR 0030),
 * and records what changed; returns the names of the changed settings.
 */
export function saveCardFeeSettings({ actorId, coverFeesOffered, feeRates }: { actorId: string; coverFeesOffered: boolean; feeRates: StoredFeeRates }): string[] {
  getOrganisation();
  return db.transaction(
    (tx) => {
      const current = tx.select().from(organisationSettings).where(eq(organisationSettings.id, 1)).get()!;
      const changes: Record<string, unknown> = {};
      if (current.coverFeesOffered !== coverFeesOffered) changes.coverFeesOffered = { from: current.coverFeesOffered, to: coverFeesOffered };
      for (const key of new Set([...Object.keys(current.feeRates), ...Object.keys(feeRates)])) {
        const from = current.feeRates[key] ?? null;
        const to = feeRates[key] ?? null;
        if (JSON.stringify(from) !== JSON.stringify(to)) changes[`feeRates.${key}`] = { from, to };
      }
      const changed = Object.keys(changes);
      if (!changed.length) return changed;
      tx.update(organisationSettings).set({ coverFeesOffered, feeRates, updatedAt: clock.now() }).where(eq(organisationSettings.id, 1)).run();
      recordAudit(tx, { actorId, action: "settings.card_fees_changed", targetType: "organisation", targetId: "1", details: changes });
      return changed;
    },
    { behavior: "immediate" },
  );
}
