import { lt } from "drizzle-orm";
import type { Tx } from "~db/client.server";
import { auditLog } from "~db/schema";
import type { RetentionCutoffs } from "./retention-settings.server";

/** Deletes audit entries older than the organisation keeps them; returns the count by kind. */
export function applyOrganisationRetention(tx: Tx, cutoffs: Pick<RetentionCutoffs, "auditBefore">): Record<string, number> {
  return { auditEntries: tx.delete(auditLog).where(lt(auditLog.at, cutoffs.auditBefore)).run().changes };
}
