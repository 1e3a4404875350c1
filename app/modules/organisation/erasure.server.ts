import { eq } from "drizzle-orm";
import type { Tx } from "~db/client.server";
import { auditLog } from "~db/schema";
import { mayMention, redactValue, type ErasedPerson } from "~/utils/redact.server";

/**
 * Audit entries stay (who did what, when, to which record id), but the erased person's name and
 * address are taken out of their details. Returns how many entries changed.
 */
export function eraseOrganisationData(tx: Tx, person: ErasedPerson): number {
  const entries = tx.select({ id: auditLog.id, details: auditLog.details }).from(auditLog).where(mayMention([auditLog.details], person)).all();
  let changed = 0;
  for (const entry of entries) {
    const details = redactValue(entry.details, person);
    if (JSON.stringify(details) === JSON.stringify(entry.details)) continue;
    tx.update(auditLog).set({ details }).where(eq(auditLog.id, entry.id)).run();
    changed += 1;
  }
  return changed;
}
