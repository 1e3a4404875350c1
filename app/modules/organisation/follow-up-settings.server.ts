import { eq } from "drizzle-orm";
import { db } from "~db/client.server";
import { organisationSettings } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { recordAudit } from "./audit.server";
import { getOrganisation } from "./settings.server";

/** Sets after how many months people are asked "where are you now?" (the journey area's follow-ups); false when nothing changed. */
export function saveFollowUpMonths({ actorId, months }: { actorId: string; months: number[] }): boolean {
  const from = getOrganisation().followUpMonths;
  if (JSON.stringify(from) === JSON.stringify(months)) return false;
  db.transaction(
    (tx) => {
      tx.update(organisationSettings).set({ followUpMonths: months, updatedAt: clock.now() }).where(eq(organisationSettings.id, 1)).run();
      recordAudit(tx, { actorId, action: "settings.follow_up_months_changed", targetType: "organisation", targetId: "1", details: { from, to: months } });
    },
    { behavior: "immediate" },
  );
  return true;
}
